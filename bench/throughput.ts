/**
 * `pnpm bench throughput [--seconds 2] [--rounds 12] [--connections 32]`:
 * server01 answering preflight plus actual, with the policy applied and every
 * exchange recorded and streamed to a page watching its lab (the work it does
 * in a classroom), against a plain Fastify + @fastify/cors server and an
 * Express + cors server with the same policy, the same route and the same
 * answers, in one run. The same load for each (autocannon, loopback, same
 * connections, one request at a time per connection), from this process,
 * never the servers'. The servers take turns in short runs, round after
 * round, in the opposite order every other round, so a change in how fast
 * the machine is (on a shared VM it can halve within seconds) falls on all
 * of them alike; the ratios are the medians of each round's ratios. Each
 * run also gives the server's CPU time a request (from /proc), the figure to
 * trust when other work on the machine, not the server, limited the run.
 * Where taskset can, every server runs on one CPU and this process on
 * another (see cpu-pinning.ts); `--no-pin` leaves them to the scheduler.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { API_ROUTES, CONTROL_ROUTES, originOf, PORTS } from '@cors-lab/shared';
import { BENCH_POLICY } from './bench-policy.ts';
import { pin, pinningPlan } from './cpu-pinning.ts';
import { startLabUnderTest } from './lab-under-test.ts';
import { cpuSeconds, portsFree } from './proc-stats.ts';
import { countEvents } from './record-counter.ts';
import { checkSameAnswers } from './same-answers.ts';
import { fmt } from './stats.ts';

const ORIGIN = originOf('server02');
const BASELINE_PORTS = { fastify: 8201, express: 8202 } as const;
/** A server using less of a core than this was not what limited its run. */
const SATURATED = 0.9;

/** One preflight and one actual PUT, as a page sends them. */
const exchange: autocannon.Request[] = [
  { method: 'OPTIONS', path: API_ROUTES.data, headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-custom-header' } },
  { method: 'PUT', path: API_ROUTES.data, headers: { Origin: ORIGIN, 'X-Custom-Header': '1', 'Content-Type': 'text/plain' }, body: 'new value' },
];

interface Target {
  readonly key: 'lab' | 'lab_unwatched' | 'fastify_cors' | 'express';
  readonly name: string;
  readonly port: number;
  /** The process that serves, for its CPU time. */
  readonly pid: number;
}

interface Run {
  readonly rps: number;
  readonly responses: number;
  readonly p99: number;
  /** Shares of one core over the run. */
  readonly serverCpu: number;
  readonly generatorCpu: number;
}

/**
 * The lab's guard for Node's nextTick (apps/lab/src/tick-object-maps.ts),
 * loaded before a baseline's own modules as the lab loads it before its own:
 * without it, about one start in twelve of a Node 20 server runs 15–20 %
 * slower for its whole life, and a baseline in that state would flatter the lab.
 */
const TICK_GUARD = 'apps/lab/src/tick-object-maps.ts';

/** A baseline server, run by node itself (tsx as a loader, as the lab runs), so its pid is the one that serves. */
function startBaseline(file: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', `./${TICK_GUARD}`, file, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
}

async function measure(t: Target, seconds: number, connections: number): Promise<Run> {
  const serverBefore = cpuSeconds(t.pid);
  const generatorBefore = process.cpuUsage();
  const started = performance.now();
  const r = await autocannon({ url: `http://127.0.0.1:${t.port}`, connections, pipelining: 1, duration: seconds, requests: exchange });
  const wall = (performance.now() - started) / 1000;
  const gen = process.cpuUsage(generatorBefore);
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) throw new Error(`${t.name}: ${r.non2xx} non-2xx answers, ${r.errors} errors, ${r.timeouts} timeouts`);
  return {
    rps: r.requests.average,
    responses: r.requests.total,
    p99: r.latency.p99,
    serverCpu: (cpuSeconds(t.pid) - serverBefore) / wall,
    generatorCpu: (gen.user + gen.system) / 1e6 / wall,
  };
}

/**
 * The lab's run with a page watching its lab, as a learner's page does
 * (without one, records are kept but never built or sent), and the proof that
 * it got a record for every answer.
 */
async function measureTarget(t: Target, seconds: number, connections: number): Promise<Run> {
  if (t.key !== 'lab') return measure(t, seconds, connections);
  const watcher = await countEvents(PORTS.server02, CONTROL_ROUTES.events, `localhost:${PORTS.server02}`);
  try {
    const r = await measure(t, seconds, connections);
    // Answers still in flight when the load stopped are recorded too: let their records in.
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (watcher.received < r.responses || watcher.gaps > 0) throw new Error(`the page watching the lab got ${watcher.received} records for ${r.responses} answers (${watcher.gaps} skipped)`);
    return r;
  } finally {
    watcher.close();
  }
}

/** The q-quantile, interpolated between the nearest ranks (q = 0.5: the median). */
const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (at - lo);
};
const median = (xs: readonly number[]) => quantile(xs, 0.5);
/** A ratio's median and the middle half of its rounds. */
const spread = (xs: readonly number[]) => `${fmt(median(xs))}x (middle half of the rounds ${fmt(quantile(xs, 0.25))}–${fmt(quantile(xs, 0.75))})`;
const pct = (share: number) => `${fmt(share * 100)} %`;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      seconds: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '12' },
      connections: { type: 'string', default: '32' },
      'no-pin': { type: 'boolean', default: false },
    },
  });
  const [seconds, rounds, connections] = [Number(values.seconds), Number(values.rounds), Number(values.connections)];
  await portsFree(Object.values(BASELINE_PORTS));
  const lab = await startLabUnderTest([]);
  const children: ChildProcess[] = [];
  try {
    const put = await fetch(`http://localhost:${PORTS.server02}${CONTROL_ROUTES.policy}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(BENCH_POLICY) });
    if (!put.ok) throw new Error(`PUT ${CONTROL_ROUTES.policy}: ${put.status} ${await put.text()}`);
    children.push(await startBaseline('bench/servers/fastify-cors.ts', BASELINE_PORTS.fastify), await startBaseline('bench/servers/express-cors.ts', BASELINE_PORTS.express));
    const [fastifyPid, expressPid] = children.map((c) => c.pid!);
    const targets: Target[] = [
      { key: 'lab', name: 'server01 (policy, recording, a page watching)', port: PORTS.server01, pid: lab.pid },
      { key: 'fastify_cors', name: 'Fastify + @fastify/cors', port: BASELINE_PORTS.fastify, pid: fastifyPid! },
      { key: 'express', name: 'Express + cors', port: BASELINE_PORTS.express, pid: expressPid! },
      { key: 'lab_unwatched', name: 'server01 (policy, recording, nobody watching)', port: PORTS.server01, pid: lab.pid },
    ];
    for (const line of await checkSameAnswers(exchange, targets.slice(0, 3))) console.log(line);
    const plan = values['no-pin'] ? 'not asked to (--no-pin)' : pinningPlan();
    if (typeof plan === 'string') console.log(`not pinned: ${plan}; the scheduler places the servers and the load generator`);
    else {
      for (const pid of new Set(targets.map((t) => t.pid))) pin(pid, plan.server);
      pin(process.pid, plan.generator);
      console.log(`pinned: every server on CPU ${plan.server}, the load generator and the page watching on CPU ${plan.generator}`);
    }

    const runs = new Map<Target['key'], Run[]>(targets.map((t) => [t.key, []]));
    console.log(`${connections} connections, one request at a time on each; ${rounds} rounds of ${seconds} s per server, after 2 s of warm-up each`);
    for (const t of targets) await measureTarget(t, 2, connections);
    for (let round = 1; round <= rounds; round++) {
      // Every other round backwards: no server always runs right after another.
      for (const t of round % 2 === 1 ? targets : [...targets].reverse()) {
        const r = await measureTarget(t, seconds, connections);
        runs.get(t.key)!.push(r);
        console.log(
          `round ${round}  ${t.name.padEnd(46)} ${fmt(r.rps).padStart(9)} req/s  p99 ${r.p99} ms  server CPU ${pct(r.serverCpu)} of a core (${fmt((r.serverCpu * 1e6) / r.rps)} µs a request)  generator CPU ${pct(r.generatorCpu)}`,
        );
      }
    }
    report(targets, runs, typeof plan !== 'string');
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await lab.stop();
  }
}

function report(targets: readonly Target[], runs: Map<Target['key'], Run[]>, pinned: boolean): void {
  const rps = (key: Target['key']) => runs.get(key)!.map((r) => r.rps);
  const ratios = (key: Target['key'], base: Target['key']) => rps(key).map((v, i) => v / rps(base)[i]!);
  console.log('median over the rounds:');
  for (const t of targets) {
    const rs = runs.get(t.key)!;
    console.log(
      `  ${t.name.padEnd(46)} ${fmt(median(rs.map((r) => r.rps))).padStart(9)} req/s  server CPU ${pct(median(rs.map((r) => r.serverCpu)))}  generator CPU ${pct(median(rs.map((r) => r.generatorCpu)))}  (all: ${rs.map((r) => fmt(r.rps)).join(', ')})`,
    );
  }
  // CPU a request costs each server: unlike req/s, it holds when the machine, not the server, limits a round.
  const cpuPerRequest = (key: Target['key']) => median(runs.get(key)!.map((r) => (r.serverCpu * 1e6) / r.rps));
  const cpuVsFastify = cpuPerRequest('fastify_cors') / cpuPerRequest('lab');
  const busy = [...runs.values()].flat().filter((r) => r.serverCpu < SATURATED).length;
  if (busy > 0) console.log(`${busy} runs had the server below ${pct(SATURATED)} of a core: the machine, not the server, limited them, and their req/s ratios lean towards 1`);
  console.log(
    `CPU a request (median): ${targets.map((t) => `${t.name} ${fmt(cpuPerRequest(t.key))} µs`).join(', ')}; @fastify/cors / server01 ${fmt(cpuVsFastify)}x`,
  );
  const vsFastify = median(ratios('lab', 'fastify_cors'));
  const vsExpress = median(ratios('lab', 'express'));
  const unwatched = median(ratios('lab_unwatched', 'fastify_cors'));
  console.log(`server01 / @fastify/cors: ${spread(ratios('lab', 'fastify_cors'))}; target at least 0.8x`);
  console.log(`server01 / Express + cors: ${spread(ratios('lab', 'express'))}; target above 1x`);
  console.log(`server01 with nobody watching / @fastify/cors: ${spread(ratios('lab_unwatched', 'fastify_cors'))}`);
  const m = (key: Target['key']) => fmt(median(rps(key)));
  console.log(
    `bench throughput: vs_fastify_cors=${fmt(vsFastify)} vs_express=${fmt(vsExpress)} lab_rps=${m('lab')} fastify_cors_rps=${m('fastify_cors')} express_rps=${m('express')} lab_unwatched_rps=${m('lab_unwatched')} unwatched_vs_fastify_cors=${fmt(unwatched)} cpu_vs_fastify_cors=${fmt(cpuVsFastify)} unsaturated_runs=${busy} rounds=${rps('lab').length} pinned=${pinned ? 'yes' : 'no'}`,
  );
}

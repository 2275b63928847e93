/**
 * `pnpm bench throughput [--seconds 10] [--connections 32]`: server01 answering
 * preflight plus actual (policy applied, every exchange recorded) against a
 * plain Fastify + @fastify/cors server and an Express + cors server with the
 * same policy, in one run, with the same load (autocannon, loopback).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { API_ROUTES, CONTROL_ROUTES, originOf, PORTS } from '@cors-lab/shared';
import { startLab } from '../tools/lab-process.ts';
import { BENCH_POLICY } from './bench-policy.ts';
import { fmt } from './stats.ts';

const ORIGIN = originOf('server02');

/** One preflight and one actual PUT, as a page sends them. */
const exchange: autocannon.Request[] = [
  { method: 'OPTIONS', path: API_ROUTES.data, headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-custom-header' } },
  { method: 'PUT', path: API_ROUTES.data, headers: { Origin: ORIGIN, 'X-Custom-Header': '1', 'Content-Type': 'text/plain' }, body: 'new value' },
];

function startServer(file: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', file, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
}

/** The CORS headers a server sends to the bench's preflight: all three must agree, or the comparison is unfair. */
async function preflightHeaders(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}${API_ROUTES.data}`, { method: 'OPTIONS', headers: exchange[0]!.headers as Record<string, string> });
  const all: [string, string][] = []; res.headers.forEach((v, n) => all.push([n, v]));
  return all.filter(([n]) => n.startsWith('access-control-')).map(([n, v]) => `${n}: ${v}`).sort().join('; ');
}

async function load(port: number, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: seconds, requests: exchange });
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } } });
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const lab = await startLab();
  const children: ChildProcess[] = [];
  try {
    await fetch(`http://localhost:${PORTS.server02}${CONTROL_ROUTES.policy}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(BENCH_POLICY) });
    children.push(await startServer('bench/servers/fastify-cors.ts', 8201), await startServer('bench/servers/express-cors.ts', 8202));
    const targets = [
      { name: 'server01 (policy + recording)', key: 'lab', port: PORTS.server01 },
      { name: 'Fastify + @fastify/cors', key: 'fastify_cors', port: 8201 },
      { name: 'Express + cors', key: 'express', port: 8202 },
    ];
    for (const t of targets) console.log(`${t.name.padEnd(32)} preflight answer: ${await preflightHeaders(t.port)}`);
    const rps: Record<string, number> = {};
    for (const t of targets) {
      await load(t.port, 2, connections); // warm-up
      const r = await load(t.port, seconds, connections);
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`${t.name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
      rps[t.key] = r.requests.average;
      console.log(`${t.name.padEnd(32)} ${fmt(r.requests.average)} req/s (p99 latency ${r.latency.p99} ms, ${r.requests.total} requests)`);
    }
    const vsFastify = rps.lab! / rps.fastify_cors!;
    const vsExpress = rps.lab! / rps.express!;
    console.log(`server01 / @fastify/cors: ${fmt(vsFastify)}x (target at least 0.8x); server01 / Express: ${fmt(vsExpress)}x (target above 1x)`);
    console.log(`bench throughput: lab_rps=${fmt(rps.lab!)} fastify_cors_rps=${fmt(rps.fastify_cors!)} express_rps=${fmt(rps.express!)} vs_fastify_cors=${fmt(vsFastify)} vs_express=${fmt(vsExpress)}`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    lab.stop();
  }
}

/**
 * `pnpm test:fuzz [--seed N] [--cases N]`: sends at least 10,000 malformed or
 * hostile policy changes to the control plane (server02 and server01
 * in-process, on ephemeral ports, over real sockets) and checks: no crash, no
 * 5xx, a 4xx that names its field, no malformed header from server01, other
 * labs untouched. Ends with `fuzz: cases=N crashes=C 5xx=X malformed=M leaks=L`.
 */
import { parseArgs } from 'node:util';
import { API_ROUTES, CONTROL_ROUTES, DEFAULT_LAB, EMPTY_POLICY, labPrefix } from '@cors-lab/shared';
import { PROBE_ORIGINS, probeServer01 } from './api-probe.ts';
import { WatchedLab } from './canary.ts';
import { fuzzCase } from './cases.ts';
import { judgeControlAnswer } from './control-answer.ts';
import type { FuzzTarget } from './fuzz-case.ts';
import { startInProcessLab, type InProcessLab } from './in-process-lab.ts';
import { exchange } from './raw-exchange.ts';
import { Random, randomLabId } from './random.ts';
import { requestBytes } from './request-bytes.ts';
import { Tally } from './tally.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    cases: { type: 'string', default: '10000' },
    workers: { type: 'string', default: '12' },
    batch: { type: 'string', default: '500' },
  },
});
const seed = Number(values.seed);
const total = Number(values.cases);
const workers = Number(values.workers);
const batch = Number(values.batch);

let crashes = 0;
let leaks = 0;
const incidents: string[] = [];
const incident = (text: string) => incidents.length < 20 && incidents.push(text);
process.on('uncaughtException', (e) => {
  crashes++;
  incident(`uncaught exception: ${e.stack ?? e}`);
});
process.on('unhandledRejection', (e) => {
  crashes++;
  incident(`unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`);
});

/** Both servers still answer an ordinary request. */
async function healthy(lab: InProcessLab, healthLab: string): Promise<boolean> {
  const page = await exchange(lab.port02, requestBytes({ method: 'GET', target: CONTROL_ROUTES.config, headers: [], framing: 'none' }, `127.0.0.1:${lab.port02}`), 5000);
  const api = await exchange(lab.port01, requestBytes({ method: 'GET', target: `${labPrefix(healthLab)}${API_ROUTES.data}`, headers: [], framing: 'none' }, `127.0.0.1:${lab.port01}`), 5000);
  return page.status === 200 && api.status === 200;
}

/** Nothing a case sent may have reached Object.prototype. */
function prototypePolluted(): boolean {
  return Object.keys(Object.prototype).length > 0 || ({} as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).allowOrigin !== undefined;
}

const started = performance.now();
const lab = await startInProcessLab(5000);
const labIds = new Random(seed ^ 0x5eed);
const canary = await WatchedLab.plant(lab, randomLabId(labIds));
const defaultLab = await WatchedLab.plant(lab, DEFAULT_LAB, { ...EMPTY_POLICY, allowOrigin: 'reflect', varyOrigin: true, exposeHeaders: ['X-Default'] });
const healthLab = randomLabId(labIds);
const page = `http://127.0.0.1:${lab.port02}`;
const targets: FuzzTarget[] = Array.from({ length: workers }, () => ({ host: `127.0.0.1:${lab.port02}`, page, fuzzLab: randomLabId(labIds), canaryLab: canary.id }));
const tally = new Tally();

async function runCase(i: number): Promise<void> {
  const c = fuzzCase(seed, i, targets[i % workers]!);
  const answer = await exchange(lab.port02, c.request);
  const judged = judgeControlAnswer(c, answer);
  tally.count(c.strategy, answer.status, judged.accepted !== null);
  if (judged.problem !== 'none') tally.problem(c.strategy, judged.problem, `#${i} ${c.note}: ${judged.detail}`);
  if (judged.accepted === null) return;
  // The policy must be in the lab the case named, and as the answer says.
  if (JSON.stringify(lab.hub.lab(c.lab).policy) !== JSON.stringify(judged.accepted)) {
    leaks++;
    incident(`#${i} [${c.strategy}] ${c.note}: the accepted policy is not the policy of lab ${c.lab}`);
  }
  const probe = await probeServer01(lab.port01, c.lab, judged.accepted, PROBE_ORIGINS[i % PROBE_ORIGINS.length]!);
  for (const m of probe.malformed) tally.problem(c.strategy, 'malformed', `#${i} ${c.note}: ${m}`);
  for (const w of probe.wrongStatus) tally.problem(c.strategy, 'wrong-status', `#${i} ${c.note}: ${w}`);
}

for (let from = 0; from < total; from += batch) {
  const to = Math.min(total, from + batch);
  // Worker w sends cases w, w + workers, ...: each worker alone changes its lab, one case at a time.
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = from + ((w - (from % workers) + workers) % workers); i < to; i += workers) await runCase(i);
    }),
  );
  if (!(await healthy(lab, healthLab))) {
    crashes++;
    incident(`after case ${to}: a server no longer answers`);
  }
  const changed = await canary.probe();
  if (changed > 0) {
    leaks += changed;
    incident(`after case ${to}: ${changed} canary answers changed`);
  }
  if (prototypePolluted()) {
    leaks++;
    incident(`after case ${to}: Object.prototype was polluted: ${Object.keys(Object.prototype).join(', ')}`);
  }
}

for (const change of [...(await canary.changes()), ...(await defaultLab.changes())]) {
  leaks++;
  incident(change);
}
await lab.close();

const seconds = (performance.now() - started) / 1000;
const fiveXX = tally.total('5xx');
const malformed = tally.total('malformed');
const checks = { unnamed_4xx: tally.total('unnamed'), wrong_verdict: tally.total('wrong-verdict'), no_answer: tally.total('no-answer'), wrong_status: tally.total('wrong-status') };
console.log(`fuzz: seed ${seed}, ${workers} workers, ${seconds.toFixed(1)} s; by strategy:`);
for (const line of tally.lines()) console.log(line);
for (const line of incidents) console.log(`  incident ${line}`);
for (const line of lab.errorLog.slice(0, 5)) console.log(`  server error log: ${line.trim().slice(0, 400)}`);
console.log(`checks: ${Object.entries(checks).map(([k, v]) => `${k}=${v}`).join(' ')}`);
console.log(`fuzz: cases=${tally.cases} crashes=${crashes} 5xx=${fiveXX} malformed=${malformed} leaks=${leaks}`);
const failed = crashes + fiveXX + malformed + leaks + Object.values(checks).reduce((a, b) => a + b, 0);
process.exit(failed > 0 ? 1 : 0);

/**
 * The classroom load, shared by `bench classroom` and `bench soak`: N
 * learners, each in a lab of their own with its event stream open, one
 * preflighted send a second each; optionally some leave and new ones join.
 * Lean on purpose: one keep-alive http.Agent, no libraries, since on two
 * cores this generator competes with the lab for CPU.
 */
import { Agent } from 'node:http';
import { Learner, type Samples } from './learner.ts';

export interface LoadOptions {
  readonly learners: number;
  readonly seconds: number;
  /** Every `everySeconds`, this fraction of the learners leaves and as many new ones join. */
  readonly churn?: { readonly everySeconds: number; readonly fraction: number };
  /** Called every `everySeconds` with the seconds since the load began. */
  readonly sample?: { readonly everySeconds: number; readonly call: (elapsed: number) => void };
}

export interface LoadResult {
  readonly latencies: number[];
  /** Events a learner's lab made that never reached the learner. */
  readonly lost: number;
  /** Sequence numbers skipped on a stream (a subset of lost, seen as they happen). */
  readonly gaps: number;
  readonly sends: number;
  readonly sendErrors: number;
  readonly skipped: number;
  /** Learners over the whole run, those who left included. */
  readonly learners: number;
  /** CPU this process used, as a share of one core. */
  readonly generatorCpu: number;
}

/** A learner finished: how many events it missed and what it sent. */
interface Tally {
  lost: number;
  gaps: number;
  sends: number;
  sendErrors: number;
  skipped: number;
  learners: number;
}

/** Events still in flight when a learner stops arrive within this. */
const DRAIN_MS = 1000;

async function joinAll(learners: Learner[]): Promise<void> {
  // In groups, as a class arriving: 300 streams and policies at once would only measure the burst.
  for (let i = 0; i < learners.length; i += 25) await Promise.all(learners.slice(i, i + 25).map((l) => l.join()));
}

async function leave(learners: Learner[], tally: Tally): Promise<void> {
  await Promise.all(learners.map((l) => l.stop()));
  await new Promise((r) => setTimeout(r, DRAIN_MS));
  for (const l of learners) {
    tally.lost += l.lost;
    tally.gaps += l.gaps;
    tally.sends += l.sends;
    tally.sendErrors += l.sendErrors;
    tally.skipped += l.skipped;
    tally.learners++;
    l.close();
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const samples: Samples = { latencies: [] };
  const tally: Tally = { lost: 0, gaps: 0, sends: 0, sendErrors: 0, skipped: 0, learners: 0 };
  let active = Array.from({ length: options.learners }, () => new Learner(agent, samples));
  await joinAll(active);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  active.forEach((l, i) => l.start((i * 1000) / active.length));

  const timers: NodeJS.Timeout[] = [];
  const leaving: Promise<void>[] = [];
  if (options.sample !== undefined) {
    const { everySeconds, call } = options.sample;
    timers.push(setInterval(() => call((performance.now() - started) / 1000), everySeconds * 1000));
  }
  if (options.churn !== undefined) {
    const { everySeconds, fraction } = options.churn;
    timers.push(
      setInterval(() => {
        const count = Math.max(1, Math.round(active.length * fraction));
        const gone = active.slice(0, count);
        const fresh = Array.from({ length: count }, () => new Learner(agent, samples));
        active = [...active.slice(count), ...fresh];
        leaving.push(leave(gone, tally));
        leaving.push(joinAll(fresh).then(() => fresh.forEach((l) => l.start(Math.random() * 1000))));
      }, everySeconds * 1000),
    );
  }

  await new Promise((r) => setTimeout(r, options.seconds * 1000));
  for (const t of timers) clearInterval(t);
  // One last sample at the very end, with every learner still there.
  options.sample?.call((performance.now() - started) / 1000);
  await Promise.all(leaving);
  await leave(active, tally);
  const cpu = process.cpuUsage(cpuBefore);
  const wall = performance.now() - started;
  agent.destroy();
  return { ...tally, latencies: samples.latencies, generatorCpu: (cpu.user + cpu.system) / 1000 / wall };
}

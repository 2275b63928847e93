/**
 * `pnpm bench classroom [--learners 300] [--seconds 60] [--baseline-seconds 30]`: a class of learners,
 * each with an open event stream and one preflighted send a second, against
 * the real lab process. Events lost, latency from server01 receiving a request
 * to the learner receiving its record, the lab's RSS. Baseline in the same run:
 * the same measurement with one learner, i.e. the path without the crowd.
 */
import { parseArgs } from 'node:util';
import { runLoad, type LoadResult } from './classroom-load.ts';
import { startLabUnderTest } from './lab-under-test.ts';
import { fmt, percentile } from './stats.ts';

function describe(name: string, r: LoadResult): string {
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(r.latencies, p));
  return `${name}: ${r.learners} learners, ${r.sends} sends (${r.sendErrors} failed, ${r.skipped} skipped), ${r.latencies.length} records; lost ${r.lost} (gaps ${r.gaps}); latency p50 ${fmt(p50!)} ms, p95 ${fmt(p95!)} ms, p99 ${fmt(p99!)} ms, max ${fmt(Math.max(...r.latencies))} ms; generator CPU ${fmt(r.generatorCpu * 100)} % of a core`;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { learners: { type: 'string', default: '300' }, seconds: { type: 'string', default: '60' }, 'baseline-seconds': { type: 'string', default: '30' } },
  });
  const learners = Number(values.learners);
  const seconds = Number(values.seconds);
  const lab = await startLabUnderTest(['--classroom']);
  try {
    const rssStart = lab.rssMb();
    let rssPeak = rssStart;
    const cpuBefore = lab.cpuSeconds();
    const started = performance.now();
    const load = await runLoad({ learners, seconds, sample: { everySeconds: 1, call: () => (rssPeak = Math.max(rssPeak, lab.rssMb())) } });
    const serverCpu = (lab.cpuSeconds() - cpuBefore) / ((performance.now() - started) / 1000);
    const rssEnd = lab.rssMb();
    rssPeak = Math.max(rssPeak, rssEnd);
    console.log(describe(`classroom, ${learners} learners, ${seconds} s`, load));
    // After the class, so the lab's code is as warm for the baseline as it was for the class.
    const baseline = await runLoad({ learners: 1, seconds: Number(values['baseline-seconds']) });
    console.log(describe('baseline, 1 learner (same lab process, after the class)', baseline));
    const [p95, p99] = [percentile(load.latencies, 95), percentile(load.latencies, 99)];
    const [b95, b99] = [percentile(baseline.latencies, 95), percentile(baseline.latencies, 99)];
    console.log(`lab process ${lab.pid}: RSS ${fmt(rssStart)} MB before the class, peak ${fmt(rssPeak)} MB, ${fmt(rssEnd)} MB at the end; CPU ${fmt(serverCpu * 100)} % of a core`);
    console.log(`ratio classroom/baseline: p95 ${fmt(p95 / b95)}x, p99 ${fmt(p99 / b99)}x (targets: lost 0, p99 under 100 ms, RSS under 300 MB)`);
    console.log(
      `bench classroom: lost=${load.lost} p95_ms=${fmt(p95)} p99_ms=${fmt(p99)} rss_mb=${fmt(rssPeak)} learners=${learners} seconds=${seconds} baseline_p99_ms=${fmt(b99)} ratio_p99=${fmt(p99 / b99)} server_cpu_pct=${fmt(serverCpu * 100)} generator_cpu_pct=${fmt(load.generatorCpu * 100)}`,
    );
  } finally {
    await lab.stop();
  }
}

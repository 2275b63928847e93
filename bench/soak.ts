/**
 * `pnpm bench soak [--minutes 10] [--learners 300]`: the classroom load for
 * minutes, learners leaving and joining (so idle labs are dropped), the lab's
 * RSS sampled every 10 s. Growth is measured from the end of a warm-up, so
 * what is meant to grow does not count as a leak: the JIT and the heap
 * settling at startup (30 s, or a tenth of the run), and each lab's history
 * filling up to its bound (`--history` events at two records a second per
 * learner: 250 s for the lab's default of 500). A run too short for that
 * (under 10 min) keeps fewer events a lab, and says so.
 */
import { parseArgs } from 'node:util';
import { runLoad } from './classroom-load.ts';
import { startLabUnderTest } from './lab-under-test.ts';
import { fmt, percentile } from './stats.ts';

const SAMPLE_SECONDS = 10;
/** The lab's --history default (apps/lab). */
const LAB_HISTORY = 500;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    // --history N: the lab's events kept per lab.
    options: { minutes: { type: 'string', default: '10' }, learners: { type: 'string', default: '300' }, history: { type: 'string' } },
  });
  const minutes = Number(values.minutes);
  const learners = Number(values.learners);
  const seconds = minutes * 60;
  // The lab's own default, unless the run is too short to see it full in its first half.
  const history = values.history !== undefined ? Number(values.history) : Math.min(LAB_HISTORY, Math.max(20, Math.floor(seconds / 2 - SAMPLE_SECONDS) * 2));
  // One preflighted send a second per learner is two records a second in its lab.
  const historyFull = history / 2 + SAMPLE_SECONDS;
  const warmUp = Math.max(30, seconds / 10, historyFull);
  if (warmUp >= seconds) {
    console.error(`soak: the labs' histories (${history} events) fill in about ${historyFull} s, longer than the run: give more --minutes or a smaller --history`);
    process.exitCode = 2;
    return;
  }
  // Idle labs go after a minute, so the labs of learners who left are dropped during the run.
  const lab = await startLabUnderTest(['--classroom', '--idle-minutes', '1', '--history', String(history)]);
  try {
    const series: { t: number; rss: number }[] = [];
    const cpuBefore = lab.cpuSeconds();
    const started = performance.now();
    console.log(`soak: ${learners} learners for ${minutes} min, 3 % of them replaced every 10 s, history ${history} events a lab; RSS of lab process ${lab.pid} every ${SAMPLE_SECONDS} s (warm-up ${warmUp} s, until the histories are full):`);
    const load = await runLoad({
      learners,
      seconds,
      churn: { everySeconds: 10, fraction: 0.03 },
      sample: {
        everySeconds: SAMPLE_SECONDS,
        call: (t) => {
          const rss = lab.rssMb();
          series.push({ t, rss });
          console.log(`  t=${String(Math.round(t)).padStart(4)} s  rss=${fmt(rss)} MB${t >= warmUp && series.filter((s) => s.t >= warmUp).length === 1 ? '  (start, after warm-up)' : ''}`);
        },
      },
    });
    const serverCpu = (lab.cpuSeconds() - cpuBefore) / ((performance.now() - started) / 1000);
    const start = series.find((s) => s.t >= warmUp) ?? series[0]!;
    const end = series.at(-1)!;
    const growth = ((end.rss - start.rss) / start.rss) * 100;
    const [p95, p99] = [percentile(load.latencies, 95), percentile(load.latencies, 99)];
    console.log(`${load.learners} learners in all, ${load.sends} sends (${load.sendErrors} failed, ${load.skipped} skipped); lost ${load.lost} (gaps ${load.gaps}); latency p95 ${fmt(p95)} ms, p99 ${fmt(p99)} ms`);
    console.log(`lab CPU ${fmt(serverCpu * 100)} % of a core, generator CPU ${fmt(load.generatorCpu * 100)} %; RSS ${fmt(start.rss)} MB at ${Math.round(start.t)} s, ${fmt(end.rss)} MB at ${Math.round(end.t)} s, peak ${fmt(Math.max(...series.map((s) => s.rss)))} MB (target: growth under 10 %)`);
    console.log(
      `bench soak: rss_start_mb=${fmt(start.rss)} rss_end_mb=${fmt(end.rss)} growth_pct=${fmt(growth)} lost=${load.lost} minutes=${minutes} learners_total=${load.learners} history=${history} warm_up_s=${warmUp} p99_ms=${fmt(p99)} server_cpu_pct=${fmt(serverCpu * 100)} generator_cpu_pct=${fmt(load.generatorCpu * 100)}`,
    );
  } finally {
    await lab.stop();
  }
}

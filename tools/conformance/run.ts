/**
 * `pnpm test:conformance`: every exported configuration in its real library
 * against the lab's own engine. Prints a table per library and ends with
 * `conformance: libraries=N cases=M unexplained=K`; exits 1 when K > 0.
 * Libraries not installed here are skipped with the command that installs them.
 * `--verbose` lists every unexplained difference, not only the first 20 per library.
 */
import { detectBackends } from '@cors-lab/backends';
import { formatTally, summaryLine } from '@cors-lab/backends/conformance';
import { runLane } from './run-lane.ts';

const shown = process.argv.includes('--verbose') ? Infinity : 20;
const started = performance.now();
let libraries = 0;
let cases = 0;
let unexplained = 0;

for (const info of await detectBackends()) {
  if (!info.available) {
    console.log(`conformance: skipping ${info.id}: ${info.reason ?? 'not available'}; install with: ${info.install ?? '(unknown)'}`);
    continue;
  }
  const tally = await runLane(info.id);
  for (const line of formatTally(tally, shown)) console.log(line);
  libraries += 1;
  cases += tally.cases;
  unexplained += tally.unexplained.length;
}

console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
console.log(summaryLine(libraries, cases, unexplained));
process.exitCode = unexplained > 0 ? 1 : 0;

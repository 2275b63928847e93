/**
 * `pnpm cors:replay FILE`: sends each scenario live from a real page in real
 * Chromium to server01, which answers exactly as the scenario's `server` part
 * says (raw mode), observes what the browser did, and compares it with the
 * explainer. Ends with one line `replay: agree=N total=M`; exits 1 on any
 * disagreement.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { explain, OBSERVED_FIELDS, type Observed, type Scenario } from '@cors-lab/shared';
import { launchOptions } from '../e2e/support/chromium.ts';
import { startLab } from './lab-process.ts';
import { Replayer, replayTargets } from './replay-scenario.ts';
import { readScenarios } from './scenario-file.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { verbose: { type: 'boolean', default: false } } });
const file = positionals[0];
if (file === undefined) {
  console.error('usage: pnpm cors:replay FILE [--verbose]');
  process.exit(2);
}
const scenarios = readScenarios(readFileSync(file, 'utf8'), file) as (Scenario & { expected?: Omit<Observed, 'id'> })[];

const differences = (a: Omit<Observed, 'id'>, b: Omit<Observed, 'id'>) =>
  OBSERVED_FIELDS.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => `${k}: explainer ${JSON.stringify(a[k])}, chromium ${JSON.stringify(b[k])}`);

const lab = await startLab();
let browser: Browser | undefined;
let agree = 0;
let unlike = 0;
try {
  const options = launchOptions();
  // Any host name the scenarios use resolves to this machine's loopback.
  browser = await chromium.launch({ ...options, args: [...options.args, '--host-resolver-rules=MAP * 127.0.0.1'] });
  const replayer = new Replayer(await browser.newContext());
  for (const s of scenarios) {
    const targets = replayTargets(s);
    if (typeof targets === 'string') {
      console.log(`SKIP ${s.id}: ${targets}`);
      continue;
    }
    const observed = await replayer.observe(s, targets);
    if (typeof observed === 'string') {
      console.log(`SKIP ${s.id}: ${observed}`);
      continue;
    }
    const predicted = explain(s);
    const diff = differences(predicted, observed);
    if (diff.length === 0) agree++;
    else console.log(`MISMATCH ${s.id}\n  ${diff.join('\n  ')}\n  explainer said: ${predicted.reason}`);
    if (s.expected !== undefined && differences(s.expected, observed).length > 0) {
      unlike++;
      console.log(`NOTE ${s.id}: this Chromium differs from the recorded verdict: ${differences(s.expected, observed).join('; ').replaceAll('explainer', 'recorded')}`);
    }
    if (values.verbose) console.log(`${diff.length === 0 ? 'ok' : 'XX'} ${s.id} ${JSON.stringify(observed)}`);
  }
} finally {
  await browser?.close();
  lab.stop();
}
if (unlike > 0) console.log(`${unlike} scenario(s) behave differently from their recorded verdicts`);
console.log(`replay: agree=${agree} total=${scenarios.length}`);
process.exit(agree === scenarios.length ? 0 : 1);

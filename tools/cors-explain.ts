/** `pnpm --silent cors:explain FILE`: reads a JSON array of scenarios, prints the JSON array of verdicts. */
import { readFileSync } from 'node:fs';
import { explain } from '@cors-lab/shared';
import { readScenarios } from './scenario-file.ts';

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: pnpm --silent cors:explain FILE');
  process.exit(2);
}
const scenarios = readScenarios(readFileSync(file, 'utf8'), file);
process.stdout.write(`${JSON.stringify(scenarios.map(explain), null, 2)}\n`);

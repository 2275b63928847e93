import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A Node process that warms `nextTick` up, runs a full GC while no tick is
 * pending, makes more ticks, and prints the state of the feedback slots of
 * the tick object's literal (V8's `%DebugPrint`), with or without the
 * guard loaded first.
 */
const SCRIPT = `
(async () => {
  if (process.argv.includes('guarded')) await import(${JSON.stringify(new URL('./tick-object-maps.ts', import.meta.url).href)});
  const noop = () => {};
  const burst = (n) => { for (let i = 0; i < n; i++) process.nextTick(noop); };
  burst(2000);
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  burst(10);
  await new Promise((resolve) => setImmediate(resolve));
  %DebugPrint(process.nextTick);
})();
`;

/**
 * The states of the slots that define the literal's properties, in order.
 * V8 prints through C's stdio, which loses the end of its output when stdout
 * is a pipe: the child writes to a file.
 */
function literalSlots(guarded: boolean): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tick-maps-'));
  const file = join(dir, 'debug-print.txt');
  const fd = openSync(file, 'w');
  try {
    const args = ['--allow-natives-syntax', '--expose-gc', '--import', 'tsx', '-e', SCRIPT, '--', ...(guarded ? ['guarded'] : [])];
    const run = spawnSync(process.execPath, args, { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`node exited with ${run.status}: ${run.stderr}`);
    return [...readFileSync(file, 'utf8').matchAll(/DefineKeyedOwnPropertyInLiteral (\w+)/g)].map((m) => m[1]!);
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the tick object guard', () => {
  it("keeps nextTick's tick object literal monomorphic through a full GC with no tick pending", (ctx) => {
    const unguarded = literalSlots(false);
    if (unguarded.length === 0) ctx.skip("this Node's nextTick has no literal with computed keys");
    // Without the guard, the GC frees the maps and the slots after the first turn megamorphic for good.
    expect(unguarded).toEqual(['MONOMORPHIC', 'MEGAMORPHIC', 'MEGAMORPHIC', 'MEGAMORPHIC']);
    expect(literalSlots(true)).toEqual(['MONOMORPHIC', 'MONOMORPHIC', 'MONOMORPHIC', 'MONOMORPHIC']);
  });
});

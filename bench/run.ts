/** `pnpm bench <name> [options]`: runs one benchmark and prints its figures. */
const benches: Record<string, () => Promise<{ run: (args: string[]) => Promise<void> }>> = {
  latency: () => import('./latency.ts'),
  throughput: () => import('./throughput.ts'),
  classroom: () => import('./classroom.ts'),
  soak: () => import('./soak.ts'),
};

export {};

const [name, ...args] = process.argv.slice(2);
const load = name === undefined ? undefined : benches[name];
if (load === undefined) {
  console.error(`usage: pnpm bench <${Object.keys(benches).join('|')}> [options]`);
  process.exit(2);
}
await (await load()).run(args);

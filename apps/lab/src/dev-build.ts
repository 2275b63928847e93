/** `pnpm dev`: rebuilds the page on every change; server02 keeps serving it on port 8100. */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Starts Vite's watcher and resolves after the first build, so the page exists before server02 starts. */
export async function watchClient(): Promise<void> {
  const root = fileURLToPath(new URL('../../client', import.meta.url));
  const watcher = await build({ root, configFile: `${root}/vite.config.ts`, logLevel: 'warn', build: { watch: {} } });
  if (!('on' in watcher)) return;
  await new Promise<void>((resolve) => {
    watcher.on('event', (e) => {
      if (e.code === 'END') {
        console.log('dev: page rebuilt; reload the browser to see it');
        resolve();
      }
      if (e.code === 'ERROR') console.error(e.error);
    });
  });
}

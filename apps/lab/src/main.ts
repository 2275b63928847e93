/**
 * Runs the lab: server01 (the API, port 8000) and server02 (the page and the
 * control plane, port 8100) in one process, sharing one in-memory LabHub.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildServer01 } from '@cors-lab/server01';
import { buildServer02 } from '@cors-lab/server02';
import { EMPTY_POLICY, LabHub, PORTS } from '@cors-lab/shared';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: process.env.CORS_LAB_HOST ?? 'localhost' },
    'client-dir': { type: 'string', default: fileURLToPath(new URL('../../client/dist', import.meta.url)) },
    quiet: { type: 'boolean', default: false },
    dev: { type: 'boolean', default: false },
  },
});

if (values.dev) {
  const { watchClient } = await import('./dev-build.ts');
  await watchClient();
}

const host = values.host;
const hub = new LabHub({ initialPolicy: EMPTY_POLICY, historyLimit: 500 });
const logger = values.quiet ? false : { level: 'warn' };
const server01 = buildServer01({ hub, logger });
const server02 = buildServer02({ hub, clientDir: values['client-dir'], logger });

await server01.listen({ host, port: PORTS.server01 });
await server02.listen({ host, port: PORTS.server02 });

const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
console.log(`CORS Lab is running.
  Open the lab:  http://${shown}:${PORTS.server02}/
  server01 API:  http://${shown}:${PORTS.server01}/getData.html`);

async function close(): Promise<void> {
  await Promise.allSettled([server01.close(), server02.close()]);
  process.exit(0);
}
process.once('SIGINT', close);
process.once('SIGTERM', close);

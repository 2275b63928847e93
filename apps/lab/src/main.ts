/**
 * Runs the lab: server01 (the API, port 8000) and server02 (the page and the
 * control plane, port 8100) in one process, sharing one in-memory LabHub,
 * and lesson 12's attacker page on another origin of the same site (port 8300).
 */
// First, before anything else loads: see the file.
import './tick-object-maps.ts';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { detectBackends, startBackend } from '@cors-lab/backends';
import { BackendPool, buildServer01, LabBackends } from '@cors-lab/server01';
import { buildAttackerApp, buildServer02, deflateHistory } from '@cors-lab/server02';
import { EMPTY_POLICY, LabHub, PORTS } from '@cors-lab/shared';
import { isLoopback, learnerUrls } from './lan-urls.ts';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: process.env.CORS_LAB_HOST ?? 'localhost' },
    classroom: { type: 'boolean', default: process.env.CORS_LAB_CLASSROOM === '1' },
    history: { type: 'string', default: process.env.CORS_LAB_HISTORY ?? '500' },
    'idle-minutes': { type: 'string', default: process.env.CORS_LAB_IDLE_MINUTES ?? '120' },
    'max-labs': { type: 'string', default: process.env.CORS_LAB_MAX_LABS ?? '2000' },
    'teacher-token': { type: 'string', default: process.env.CORS_LAB_TEACHER_TOKEN ?? randomUUID() },
    'client-dir': { type: 'string', default: fileURLToPath(new URL('../../client/dist', import.meta.url)) },
    quiet: { type: 'boolean', default: false },
    dev: { type: 'boolean', default: false },
  },
});

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number of at least 1, not ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return n;
}

if (values.dev) {
  const { watchClient } = await import('./dev-build.ts');
  await watchClient();
}

const host = values.host;
const historyLimit = positive('history', values.history);
const idleMs = positive('idle-minutes', values['idle-minutes']) * 60_000;
// Served on the LAN, every browser gets a lab of its own; on loopback, the classic single lab.
const labs = values.classroom || !isLoopback(host) ? 'own' : 'shared';
const hub = new LabHub({ initialPolicy: EMPTY_POLICY, historyLimit, idleMs, maxLabs: positive('max-labs', values['max-labs']), now: Date.now, codec: deflateHistory });
const sweeper = setInterval(() => hub.sweep(), Math.min(idleMs, 60_000));
sweeper.unref();
// Histories left unread for a second are packed: a classroom's hundreds of labs stay small.
const compactor = setInterval(() => hub.compact(), 1000);
compactor.unref();

const logger = values.quiet ? false : { level: 'warn' };
// Real libraries behind server01, started when a lab asks for one; a few run at once.
const pool = new BackendPool((id, policy) => startBackend(id, policy), 4);
const backends = new LabBackends(pool);
const server02 = buildServer02({
  hub,
  clientDir: values['client-dir'],
  logger,
  config: { labs, instance: randomUUID(), historyLimit },
  teacherToken: values['teacher-token'],
  backends: { list: detectBackends, select: (lab, id) => backends.select(lab, id), policyChanged: (lab) => backends.policyChanged(lab) },
});

// server01's failures go to server02's log: one log for the lab.
const server01 = buildServer01({ hub, log: logger === false ? undefined : server02.log, backends });
const urls = learnerUrls(host, PORTS.server02);
const apiHost = urls[0] === undefined ? host : new URL(urls[0]).hostname;
const attacker = buildAttackerApp({ logger });

await server01.listen({ host, port: PORTS.server01 });
await server02.listen({ host, port: PORTS.server02 });
await attacker.listen({ host, port: PORTS.attacker });

console.log(`CORS Lab is running (${labs === 'own' ? 'classroom: each browser gets a lab of its own' : 'one shared lab'}).
  Open the lab:  ${urls.join('\n                 ')}
  server01 API:  http://${apiHost}:${PORTS.server01}/getData.html
  Attacker page: http://${apiHost}:${PORTS.attacker}/  (lesson 12: another origin, same site)
  Teacher view:  ${urls[0] ?? `http://${host}:${PORTS.server02}/`}?teacher#token=${values['teacher-token']}  (keep this link to yourself)`);

async function close(): Promise<void> {
  clearInterval(sweeper);
  clearInterval(compactor);
  const closing = Promise.allSettled([server01.close(), server02.close(), attacker.close(), pool.stopAll()]);
  // Event streams never end by themselves: end them, or close() waits forever.
  server01.server.closeAllConnections();
  server02.server.closeAllConnections();
  await closing;
  process.exit(0);
}
process.once('SIGINT', close);
process.once('SIGTERM', close);

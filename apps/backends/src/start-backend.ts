/**
 * Runs a policy's exported configuration in its real library: writes the
 * export, verbatim inside a minimal app, to a temporary directory and starts
 * it on 127.0.0.1 as a child process.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportConfig, type ExportedConfig, type Policy } from '@cors-lab/shared';
import { backendSpec, installCommand, type BackendId } from './backend-catalog.ts';
import { spawnBackend, type Exit } from './backend-process.ts';
import { labRoutes, type BackendRoute } from './lab-routes.ts';
import { findRuntime, hasAptGet } from './runtimes.ts';
import type { AppFiles, AppInput } from './templates/app-files.ts';
import { djangoApp } from './templates/django-app.ts';
import { expressApp } from './templates/express-app.ts';
import { fastifyApp } from './templates/fastify-app.ts';
import { flaskApp } from './templates/flask-app.ts';
import { nginxConf } from './templates/nginx-conf.ts';
import { waitForHttp } from './wait-for-http.ts';

export interface StartBackendOptions {
  /** 0 or left out: a free port. */
  readonly port?: number;
  /** The routes the app answers, for every method; server01's (/getData.html, /login, /logout) when left out. */
  readonly routes?: readonly BackendRoute[];
  /** How long the backend may take to answer HTTP; 15 000 ms when left out. */
  readonly timeoutMs?: number;
}

export interface RunningBackend {
  readonly id: BackendId;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The configuration it runs, as exportConfig gave it. */
  readonly config: ExportedConfig;
  /** Ends the backend's whole process group; resolves once its directory is removed. Idempotent. */
  readonly stop: () => Promise<void>;
  /** Settles when the backend has exited, stopped or crashed, and its directory is removed. */
  readonly exited: Promise<Exit>;
}

const TEMPLATES: Record<BackendId, (input: AppInput) => AppFiles> = {
  'express-cors': expressApp,
  'fastify-cors': fastifyApp,
  'django-cors-headers': djangoApp,
  'flask-cors': flaskApp,
  nginx: nginxConf,
};

/** This package's node_modules, where the Node apps find express, cors, fastify and @fastify/cors. */
const NODE_MODULES = fileURLToPath(new URL('../node_modules', import.meta.url));

const DEFAULT_TIMEOUT_MS = 15_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const withStderr = (message: string, stderr: string) => (stderr === '' ? message : `${message}:\n${stderr}`);

/** Starts `id` running `policy`'s exported configuration; resolves once it answers HTTP. */
export async function startBackend(id: BackendId, policy: Policy, options: StartBackendOptions = {}): Promise<RunningBackend> {
  const spec = backendSpec(id);
  const runtime = await findRuntime(spec.runtime);
  if (!runtime.ok) throw new Error(`${spec.name} is not available: ${runtime.reason}; install with: ${installCommand(spec.runtime, await hasAptGet())}`);
  const config = exportConfig(policy, spec.target);
  const dir = await mkdtemp(join(tmpdir(), `cors-lab-${id}-`));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  try {
    const wanted = options.port ?? 0;
    const port = wanted === 0 && id === 'nginx' ? await freePort() : wanted;
    const app = TEMPLATES[id]({ code: config.code, routes: options.routes ?? labRoutes(randomUUID()), port, dir });
    await Promise.all(Object.entries(app.files).map(([name, content]) => writeFile(join(dir, name), content)));
    if (app.nodeModules) await symlink(NODE_MODULES, join(dir, 'node_modules'), 'dir');
    const child = spawnBackend([runtime.executable, ...app.args], dir, { ...process.env, PORT: String(port) });
    // However it ends, stopped or crashed, its directory goes with it.
    const exited = child.exited.then(async (exit) => {
      await removeDir();
      return exit;
    });
    const running = (finalPort: number): RunningBackend => ({
      id,
      port: finalPort,
      origin: `http://127.0.0.1:${finalPort}`,
      config,
      stop: async () => {
        await child.stop();
        await exited;
      },
      exited,
    });
    return await untilUp(spec.name, child, app.reportsPort ? null : port, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, running);
  } catch (error) {
    await removeDir();
    throw error;
  }
}

/** Waits for the port (reported or known) to answer HTTP; stops the child and rejects with its stderr otherwise. */
async function untilUp(
  name: string,
  child: ReturnType<typeof spawnBackend>,
  knownPort: number | null,
  timeoutMs: number,
  running: (port: number) => RunningBackend,
): Promise<RunningBackend> {
  const deadline = AbortSignal.timeout(timeoutMs);
  const crashed = child.exited.then((exit) => {
    throw new Error(withStderr(`${name} exited (code ${exit.code ?? exit.signal}) before it answered HTTP`, exit.stderr));
  });
  const timedOut = new Promise<never>((_, reject) => {
    deadline.addEventListener('abort', () => reject(new Error(withStderr(`${name} did not answer HTTP within ${timeoutMs / 1000} s`, child.stderr()))), { once: true });
  });
  const up = (async () => {
    const port = knownPort ?? Number(await child.stdoutMatch(/^PORT (\d+)$/m));
    if (!(await waitForHttp(port, deadline))) throw new Error('timed out');
    return running(port);
  })();
  try {
    return await Promise.race([up, crashed, timedOut]);
  } catch (error) {
    await child.stop();
    up.catch(() => {});
    crashed.catch(() => {});
    timedOut.catch(() => {});
    throw error;
  }
}

/** Finds what a backend runs on: a Python that imports its modules, the nginx binary, the workspace's Node packages. */
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Runtime } from './backend-catalog.ts';

export type Found = { readonly ok: true; readonly executable: string } | { readonly ok: false; readonly reason: string };

/** Debian's first, which apt-get's python3-* packages (what CI installs) are for, then PATH's (a pip install). */
const PYTHONS = ['/usr/bin/python3', 'python3'];
/** nginx lives in /usr/sbin, which a user's PATH may leave out. */
const NGINXES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];

const require = createRequire(import.meta.url);

function run(file: string, args: readonly string[]): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 15_000 }, (error, stdout, stderr) => resolve({ ok: error === null, output: `${stderr}${stdout}`.trim() || String(error?.message ?? '') }));
  });
}

const lastLine = (text: string) => text.split('\n').filter((l) => l.trim() !== '').at(-1) ?? text;

/** Found Pythons are kept: an installed module stays installed; a missing one is looked for again next time. */
const foundPython = new Map<string, string>();

async function findPython(modules: readonly string[]): Promise<Found> {
  const key = modules.join(',');
  const known = foundPython.get(key);
  if (known !== undefined) return { ok: true, executable: known };
  const tries = await Promise.all(PYTHONS.map((py) => run(py, ['-c', `import ${modules.join(', ')}`])));
  const index = tries.findIndex((t) => t.ok);
  const python = PYTHONS[index];
  if (python !== undefined) {
    foundPython.set(key, python);
    return { ok: true, executable: python };
  }
  return { ok: false, reason: `no python3 imports ${modules.join(' and ')} (${lastLine(tries[0]?.output ?? '')})` };
}

async function findNginx(): Promise<Found> {
  const onPath = await run('nginx', ['-v']);
  if (onPath.ok) return { ok: true, executable: 'nginx' };
  for (const path of NGINXES) {
    try {
      await access(path, constants.X_OK);
      return { ok: true, executable: path };
    } catch {
      // not there; try the next
    }
  }
  return { ok: false, reason: 'nginx is not installed (not on PATH nor in /usr/sbin)' };
}

function findNode(packages: readonly string[]): Found {
  const missing = packages.filter((p) => {
    try {
      require.resolve(p);
      return false;
    } catch {
      return true;
    }
  });
  return missing.length === 0 ? { ok: true, executable: process.execPath } : { ok: false, reason: `Node packages missing: ${missing.join(', ')}` };
}

/** The executable a runtime starts with, or why there is none. */
export async function findRuntime(runtime: Runtime): Promise<Found> {
  switch (runtime.kind) {
    case 'node':
      return findNode(runtime.packages);
    case 'python':
      return findPython(runtime.modules);
    case 'nginx':
      return findNginx();
  }
}

export async function hasAptGet(): Promise<boolean> {
  return (await run('apt-get', ['--version'])).ok;
}

/**
 * A backend as a child process in its own process group, so stopping it
 * ends everything it started; a watchdog in that group ends it too when the
 * lab goes away without stopping it (its stdin closes), so nothing is orphaned.
 */
import { spawn } from 'node:child_process';

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The end of what the backend wrote to stderr. */
  readonly stderr: string;
}

export interface BackendProcess {
  readonly pid: number;
  /** Resolves with the first stdout line matching `pattern`'s group 1; rejects if the process exits first. */
  readonly stdoutMatch: (pattern: RegExp) => Promise<string>;
  readonly stderr: () => string;
  readonly exited: Promise<Exit>;
  /** Ends the process group: SIGTERM, SIGKILL after `graceMs`. Idempotent. */
  readonly stop: () => Promise<Exit>;
}

const STDERR_KEPT = 16 * 1024;

// `cat` returns when our end of its stdin closes (stop, or the lab's death); the watchdog then signals the
// whole group, itself excepted, and removes the app's directory. Forked twice so it is no child of the
// backend, which would see it exit (nginx logs an alert).
const WATCHDOG = [
  'exec 3<&0',
  '( (cat <&3 >/dev/null 2>&1; trap "" TERM; kill -TERM 0; sleep 1; case "$PWD" in */cors-lab-*) rm -rf "$PWD";; esac) & ) >/dev/null 2>&1',
  'exec "$@" 3<&-',
].join('; ');

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}

/** Starts `command` in `cwd` as the leader of a new process group. */
export function spawnBackend(command: readonly string[], cwd: string, env: NodeJS.ProcessEnv, graceMs = 3000): BackendProcess {
  const child = spawn('/bin/sh', ['-c', WATCHDOG, 'backend', ...command], { cwd, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT);
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout = (stdout + chunk).slice(-STDERR_KEPT);
  });
  child.stdin.on('error', () => {});
  const exited = new Promise<Exit>((resolve) => {
    let status: { code: number | null; signal: NodeJS.Signals | null } = { code: null, signal: null };
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      child.stdin.destroy();
      resolve({ ...status, stderr: stderr.trim() });
    };
    child.once('exit', (code, signal) => {
      status = { code, signal };
      // The watchdog may outlive a crashed backend: it is in the group.
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
      // 'close' comes once stderr is read to its end; do not wait for it forever.
      setTimeout(settle, 1000).unref();
    });
    child.once('close', settle);
    child.once('error', (error) => {
      stderr += `\n${error.message}`;
      settle();
    });
  });
  const pid = child.pid ?? -1;

  let stopping: Promise<Exit> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      child.stdin.end();
      if (pid > 0) killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => pid > 0 && killGroup(pid, 'SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    })();
    return stopping;
  };

  const stdoutMatch = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const look = () => {
        const match = pattern.exec(stdout);
        if (match?.[1] === undefined) return false;
        child.stdout.off('data', look);
        resolve(match[1]);
        return true;
      };
      if (look()) return;
      child.stdout.on('data', look);
      void exited.then(() => reject(new Error('exited before it reported')));
    });

  return { pid, stdoutMatch, stderr: () => stderr.trim(), exited, stop };
}

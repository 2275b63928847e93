/** Starts the real lab (both servers) as a child process for a benchmark, and stops it. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

const PAGE = 'http://localhost:8100';

async function up(): Promise<boolean> {
  try {
    return (await fetch(`${PAGE}/api/policy`)).ok;
  } catch {
    return false;
  }
}

export interface LabProcess {
  /** The pnpm wrapper's pid; the lab's own node process is one of its descendants. */
  readonly pid: number;
  /** SIGTERM to the whole process group. */
  stop(): void;
  /** Resolves once the wrapper has exited. */
  readonly exited: Promise<void>;
}

/** Started as a teacher starts it (its log at level warn); `args` go to the lab, e.g. `['--classroom', '--idle-minutes', '1']`. */
export async function startLab(options: { args?: readonly string[] } = {}): Promise<LabProcess> {
  if (await up()) throw new Error('a lab is already running on port 8100; stop it so the benchmark measures its own');
  if (!existsSync('apps/client/dist/index.html')) spawnSync('pnpm', ['build'], { stdio: 'inherit' });
  const child: ChildProcess = spawn('pnpm', ['--filter', '@cors-lab/lab', 'start', ...(options.args ?? [])], { stdio: 'ignore', detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; i < 200 && !(await up()); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await up())) throw new Error('the lab did not start');
  const pid = child.pid!;
  return { pid, exited, stop: () => process.kill(-pid, 'SIGTERM') };
}

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

export async function startLab(): Promise<{ stop: () => void }> {
  if (await up()) throw new Error('a lab is already running on port 8100; stop it so the benchmark measures its own');
  if (!existsSync('apps/client/dist/index.html')) spawnSync('pnpm', ['build'], { stdio: 'inherit' });
  const child: ChildProcess = spawn('pnpm', ['--filter', '@cors-lab/lab', 'start', '--quiet'], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 200 && !(await up()); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await up())) throw new Error('the lab did not start');
  return { stop: () => child.pid !== undefined && process.kill(-child.pid, 'SIGTERM') };
}

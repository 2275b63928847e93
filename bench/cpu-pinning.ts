/**
 * Keeps a server under test and the load generator on separate CPUs, with
 * util-linux's taskset. Left to the scheduler on a 2-CPU machine, the two
 * keep trading places: a server that writes to a reader in the generator's
 * process (the page watching a lab) wakes it up all the time, the scheduler
 * brings it onto the server's CPU, and the server's CPU time a request
 * doubles from one round to the next.
 */
import { spawnSync } from 'node:child_process';

export interface Pinning {
  /** The CPU every server runs on, one at a time. */
  readonly server: number;
  /** The CPU of the load generator (and of the page watching, in its process). */
  readonly generator: number;
}

/** CPUs in a taskset affinity list such as `0-3,6`. */
export function cpusOf(list: string): number[] {
  return list
    .trim()
    .split(',')
    .filter((part) => part !== '')
    .flatMap((part) => {
      const [from, to = from] = part.split('-').map(Number);
      return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
    });
}

/** Two CPUs this process may run on, or why the bench cannot pin. */
export function pinningPlan(): Pinning | string {
  const probe = spawnSync('taskset', ['-c', '-p', String(process.pid)], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return 'taskset (util-linux) is not available';
  const cpus = cpusOf(probe.stdout.slice(probe.stdout.lastIndexOf(':') + 1));
  if (cpus.length < 2) return `this process may run on ${cpus.length} CPU only`;
  return { server: cpus[0]!, generator: cpus[1]! };
}

/** Pins every thread of a running process (and the threads it starts later) to one CPU. */
export function pin(pid: number, cpu: number): void {
  const r = spawnSync('taskset', ['-a', '-c', '-p', String(cpu), String(pid)], { encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) throw new Error(`taskset could not pin process ${pid} to CPU ${cpu}: ${r.stderr.trim()}`);
}

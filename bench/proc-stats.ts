/**
 * The lab process as Linux sees it: which descendant of the pnpm wrapper
 * listens on a port, its resident memory and its CPU time (from /proc).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

function children(): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.set(ppid, [...(out.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** Inodes of the sockets listening on `port` (IPv4 and IPv6). */
function listeningInodes(port: number): Set<string> {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[1]?.endsWith(`:${hex}`) && f[3] === '0A') inodes.add(f[9]!);
    }
  }
  return inodes;
}

/** Does any process listen on `port`? */
export function listening(port: number): boolean {
  return listeningInodes(port).size > 0;
}

/**
 * Waits until nothing listens on these ports: a lab started just before
 * (a test run that held the lock) can take a few seconds to let them go,
 * and a bench must not measure it instead of its own.
 */
export async function portsFree(ports: readonly number[], timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (ports.some(listening)) {
    if (Date.now() > until) throw new Error(`port ${ports.filter(listening).join(', ')} is still in use after ${timeoutMs / 1000} s: stop what listens there`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The pid among `root` and its descendants that holds a socket listening on `port`. */
export function listeningPid(root: number, port: number): number | null {
  const inodes = listeningInodes(port);
  const tree = children();
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    queue.push(...(tree.get(pid) ?? []));
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return pid;
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return null;
}

/** Resident set size in MB (VmRSS). */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** User plus system CPU seconds the process has used. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Is the process still there? */
export function alive(pid: number): boolean {
  try {
    readFileSync(`/proc/${pid}/stat`);
    return true;
  } catch {
    return false;
  }
}

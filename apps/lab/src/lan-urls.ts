/** The URLs learners should open, for the host the lab listens on. */
import { networkInterfaces } from 'node:os';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** For 0.0.0.0 or ::, one URL per IPv4 LAN address (localhost last); otherwise the host itself. */
export function learnerUrls(host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`http://${host.includes(':') ? `[${host}]` : host}:${port}/`];
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a!.address}:${port}/`);
  return [...lan, `http://localhost:${port}/`];
}

/** Waits until something answers HTTP on a loopback port. */
import { request } from 'node:http';

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'GET', agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** True once the port answers any HTTP status; false when `signal` aborts first. */
export async function waitForHttp(port: number, signal: AbortSignal): Promise<boolean> {
  while (!signal.aborted) {
    if (await answers(port)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

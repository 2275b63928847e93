/** Sends one matrix request to a backend with raw node:http, and reads back status and header lines as they came. */
import { request } from 'node:http';
import { wireRequest, type MatrixRequest, type ObservedAnswer } from '@cors-lab/backends/conformance';

const TIMEOUT_MS = 10_000;

export function sendRequest(port: number, req: MatrixRequest): Promise<ObservedAnswer> {
  const { method, headers } = wireRequest(req);
  return new Promise((resolve, reject) => {
    const out = request({ host: '127.0.0.1', port, path: req.path, method, headers, agent: false, timeout: TIMEOUT_MS }, (res) => {
      const lines: [string, string][] = [];
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) lines.push([res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? '']);
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: lines }));
      res.on('error', reject);
    });
    out.on('timeout', () => out.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    out.on('error', reject);
    out.end();
  });
}

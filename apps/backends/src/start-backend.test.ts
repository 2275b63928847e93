import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, type Policy } from '@cors-lab/shared';
import type { BackendId } from './backend-catalog.ts';
import { detectBackends } from './detect-backends.ts';
import { startBackend } from './start-backend.ts';

const PAGE = 'http://localhost:8100';
const POLICY: Policy = { ...EMPTY_POLICY, allowOrigin: 'list', originList: [PAGE], allowMethods: ['PUT'], allowHeaders: ['x-custom-header'], allowCredentials: true, maxAge: 600, varyOrigin: true };

/** Status and CORS headers (lowercased, sorted) of one request. */
function send(port: number, method: string, headers: Record<string, string>): Promise<{ status: number; cors: [string, string][]; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: '/getData.html', headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => {
        const cors = Object.entries(res.headers)
          .filter(([n]) => n.startsWith('access-control-') || n === 'vary')
          .map(([n, v]): [string, string] => [n, String(v)])
          .sort();
        resolve({ status: res.statusCode ?? 0, cors, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const PREFLIGHT = { origin: PAGE, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-custom-header' };

describe.each<BackendId>(['express-cors', 'fastify-cors'])('startBackend(%s)', (id) => {
  it('runs the exported configuration: answers a preflight as the library does, the route with its body, and stops for good', async () => {
    const backend = await startBackend(id, POLICY);
    let answers: unknown[];
    try {
      answers = [await send(backend.port, 'OPTIONS', PREFLIGHT), await send(backend.port, 'GET', { origin: PAGE })];
    } finally {
      await backend.stop();
    }
    await backend.stop();
    expect([backend.origin, answers, (await backend.exited).signal]).toEqual([
      `http://127.0.0.1:${backend.port}`,
      [
        {
          status: 204,
          cors: [
            ['access-control-allow-credentials', 'true'],
            ['access-control-allow-headers', 'x-custom-header'],
            ['access-control-allow-methods', 'PUT'],
            ['access-control-allow-origin', PAGE],
            ['access-control-max-age', '600'],
            ['vary', 'Origin'],
          ],
          body: '',
        },
        {
          status: 200,
          cors: [
            ['access-control-allow-credentials', 'true'],
            ['access-control-allow-origin', PAGE],
            ['vary', 'Origin'],
          ],
          body: 'server----001',
        },
      ],
      'SIGTERM',
    ]);
  }, 30_000);
});

describe('startBackend', () => {
  it("rejects with the backend's stderr when it cannot listen", async () => {
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const address = taken.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      await expect(startBackend('express-cors', POLICY, { port })).rejects.toThrow(/Express \+ cors exited \(code 1\) before it answered HTTP:[\s\S]*EADDRINUSE/);
    } finally {
      taken.close();
    }
  }, 30_000);
});

describe('detectBackends', () => {
  it('lists every backend; the Node ones come with the workspace', async () => {
    const found = await detectBackends();
    expect([found.map((b) => b.id), found.filter((b) => b.id.endsWith('-cors') && b.id !== 'flask-cors').map((b) => b.available)]).toEqual([
      ['express-cors', 'fastify-cors', 'django-cors-headers', 'flask-cors', 'nginx'],
      [true, true],
    ]);
  }, 30_000);
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_POLICY, LabHub, parsedEvents, type BackendState, type Policy, type ServerRecord } from '@cors-lab/shared';
import { buildServer01 } from './app.ts';
import { BackendPool, LabBackends, type Backend } from './backend-pool.ts';

const STAR: Policy = { ...structuredClone(EMPTY_POLICY), allowOrigin: '*' };

/** A stand-in library: answers every request with its own CORS header, and can crash. */
function fakeLibrary(): Promise<Backend & { crash: () => void; server: Server }> {
  return new Promise((resolve) => {
    let crashed: (e: { stderr: string }) => void = () => {};
    const exited = new Promise<{ stderr: string }>((r) => (crashed = r));
    const server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, [['Access-Control-Allow-Origin', 'http://library.example'], ['Vary', 'Origin'], ['Vary', 'Accept']].flat());
      res.end(`library saw ${req.method} ${req.url}`);
    });
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        server,
        exited,
        stop: async () => void server.close(),
        crash: () => {
          server.close();
          crashed({ stderr: 'Segmentation fault' });
        },
      }),
    );
  });
}

const states = (events: BackendState[]) => events.map((b) => `${b.id}:${b.status}${b.message ? `:${b.message}` : ''}`);

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

describe('BackendPool', () => {
  it('starts one process per library and policy, shares it, and stops the least recently used past the limit', async () => {
    const stops: string[] = [];
    const start = vi.fn(async (id: string, policy: Policy): Promise<Backend> => ({
      port: 1,
      exited: new Promise(() => {}),
      stop: async () => void stops.push(`${id} ${policy.allowOrigin}`),
    }));
    const pool = new BackendPool(start, 2);
    await pool.get('express-cors', STAR);
    await pool.get('express-cors', STAR);
    await pool.get('flask-cors', STAR);
    await pool.get('express-cors', STAR);
    await pool.get('nginx', EMPTY_POLICY);
    await new Promise((r) => setImmediate(r));
    expect(start).toHaveBeenCalledTimes(3);
    expect([pool.size, stops]).toEqual([2, ['flask-cors *']]);
  });
});

describe('server01 with a library behind it', () => {
  it('passes the request on, writes the library answer unchanged, and records who answered', async () => {
    const library = await fakeLibrary();
    cleanup.push(library.stop);
    const hub = new LabHub({ initialPolicy: STAR, historyLimit: 50 });
    const lab = hub.lab('default');
    const backends = new LabBackends(new BackendPool(async () => library));
    const app = buildServer01({ hub, backends });
    cleanup.push(() => app.close());
    const seen: BackendState[] = [];
    const records: ServerRecord[] = [];
    lab.subscribe(parsedEvents((e) => (e.type === 'backend' ? seen.push(e.backend) : e.type === 'record' && records.push(e.record))));

    backends.select(lab, 'express-cors');
    await vi.waitFor(() => expect(lab.backend.status).toBe('ready'));
    const res = await app.inject({ method: 'PUT', url: '/getData.html', headers: { origin: 'http://localhost:8100' }, payload: 'hi' });
    await new Promise((r) => setImmediate(r));
    expect([res.statusCode, res.body, res.headers['access-control-allow-origin'], res.headers.vary]).toEqual([
      200,
      'library saw PUT /getData.html',
      'http://library.example',
      ['Origin', 'Accept'],
    ]);
    expect(records.map((r) => [r.answeredBy, r.backend, r.request.body])).toEqual([['backend', 'express-cors', 'hi']]);

    library.crash();
    await vi.waitFor(() => expect(lab.backend.status).toBe('failed'));
    const failed = await app.inject({ method: 'GET', url: '/getData.html' });
    expect([failed.statusCode, failed.body]).toEqual([502, expect.stringContaining('Express + cors did not answer')]);
    expect(states(seen)).toEqual(['express-cors:starting', 'express-cors:ready', 'express-cors:failed:Express + cors stopped: Segmentation fault']);
  });
});

/**
 * Test support: server01 over inject with a hub of its own, closed after each
 * test. Call `useInjectServer()` once at the top of a test file (or
 * `useServerOnPort()`, for the paths inject cannot take).
 */
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { EMPTY_POLICY, LabHub, parsedEvents, type Lab, type Policy, type ServerRecord } from '@cors-lab/shared';
import { buildServer01 } from './app.ts';

/** The lab page's origin, the classic demo's. */
export const PAGE = 'http://localhost:8100';
/** A well-formed lab id, for `/l/<id>/` paths. */
export const LAB = 'AbCdEfGhIjKlMnOpQrStUv';

/** The empty policy with some fields set. */
export const policy = (p: Partial<Policy>): Policy => ({ ...structuredClone(EMPTY_POLICY), ...p });

export interface InjectServer {
  readonly app: FastifyInstance;
  readonly hub: LabHub;
  /** The default lab, where requests without a lab id go. */
  readonly lab: Lab;
}

/** Returns `setup(policy?, now?)`, which builds server01 with the default lab under that policy. */
export function useInjectServer(): (p?: Partial<Policy>, now?: () => number) => InjectServer {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  return (p = {}, now) => {
    const hub = new LabHub({ initialPolicy: EMPTY_POLICY, historyLimit: 50 });
    const lab = hub.lab('default');
    lab.setPolicy(policy(p));
    app = buildServer01(now === undefined ? { hub } : { hub, now });
    return { app, hub, lab };
  };
}

/** What a test looks at in an answer: status, headers without Date, Connection and Keep-Alive, body. */
export function answerOf(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  const { date: _d, connection: _c, 'keep-alive': _k, ...headers } = res.headers;
  return { status: res.statusCode, headers, body: res.body };
}

/** A Date header's value as Node writes it. */
export const DATE = expect.stringMatching(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);

/** The response's Access-Control-* and Vary headers, as inject reports them. */
export function corsHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([n]) => n.startsWith('access-control-') || n === 'vary'));
}

/** Collects the records the lab publishes from now on. */
export function recordsOf(lab: Lab): ServerRecord[] {
  const records: ServerRecord[] = [];
  lab.subscribe(parsedEvents((e) => {
    if (e.type === 'record') records.push(e.record);
  }));
  return records;
}

/** Resolves with the next record the lab publishes. */
export function nextRecord(lab: Lab): Promise<ServerRecord> {
  return new Promise((resolve) => {
    const off = lab.subscribe(
      parsedEvents((e) => {
        if (e.type !== 'record') return;
        off();
        resolve(e.record);
      }),
    );
  });
}

/** Waits until the 'finish' listeners have published. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A preflight from the page for a PUT with X-Custom-Header. */
export const preflightHeaders = { origin: PAGE, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-custom-header' };

/**
 * server01 with a hub of its own on an ephemeral loopback port, for the file's
 * tests: the paths inject cannot take (Node's parser, Node's own writeHead).
 * The returned object is filled in before the first test.
 */
export function useServerOnPort(): { app: FastifyInstance; lab: Lab; port: number } {
  const server = {} as { app: FastifyInstance; lab: Lab; port: number };
  beforeAll(async () => {
    const hub = new LabHub({ initialPolicy: EMPTY_POLICY, historyLimit: 50 });
    server.lab = hub.lab('default');
    server.app = buildServer01({ hub });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    server.port = (server.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await server.app.close();
  });
  return server;
}

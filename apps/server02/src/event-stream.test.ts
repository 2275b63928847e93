/**
 * /api/events never ends, so inject cannot read it: these tests listen on an
 * ephemeral port and read the first chunks with fetch, then abort.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { EMPTY_POLICY, LabHub, type Lab, type LabEvent, type ServerRecord } from '@cors-lab/shared';
import { buildServer02 } from './app.ts';
import { deflateHistory } from './history-codec.ts';

let app: FastifyInstance;
let hub: LabHub;
let lab: Lab;
let base: string;
const open: AbortController[] = [];

beforeAll(async () => {
  // The lab's own codec: a page resuming late reads packed blocks.
  hub = new LabHub({ initialPolicy: EMPTY_POLICY, historyLimit: 50, codec: deflateHistory });
  lab = hub.lab('default');
  app = buildServer02({ hub });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterEach(() => {
  for (const c of open.splice(0)) c.abort();
});

afterAll(async () => {
  const closing = app.close();
  // fetch keeps spare keep-alive sockets open for seconds; close them now.
  app.server.closeAllConnections();
  await closing;
});

function record(n: number): ServerRecord {
  return {
    kind: 'actual',
    parser: 'node',
    answeredBy: 'routes',
    request: { method: 'GET', url: `/getData.html?n=${n}`, httpVersion: '1.1', headers: [], body: '', bodyBytes: 0 },
    response: { status: 200, headers: [], body: 'server----001', bodyBytes: 13 },
    receivedAt: n,
    respondedAt: n + 1,
  };
}

const frame = (e: LabEvent) => `id: ${e.seq}\ndata: ${JSON.stringify(e)}\n\n`;

/** Opens the stream; `read(until)` returns the text received so far once it contains `until`. */
async function connect(headers: Record<string, string> = {}, query = '') {
  const controller = new AbortController();
  open.push(controller);
  const res = await fetch(`${base}/api/events${query}`, { headers, signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const read = async (until: string): Promise<string> => {
    const deadline = setTimeout(() => controller.abort(), 3000);
    try {
      while (!text.includes(until)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
    } finally {
      clearTimeout(deadline);
    }
    return text;
  };
  return { status: res.status, type: res.headers.get('content-type'), read };
}

/** The stream's opening: reconnect delay, then the hello naming the instance and the head. */
const hello = (head: number) => `retry: 1000\nevent: hello\ndata: {"instance":"default","head":${head}}\n\n`;

describe('GET /api/events', () => {
  it('streams the history, then a record published after connecting, as id/data frames', async () => {
    const reset = lab.reset();
    const first = lab.record(record(1));
    const stream = await connect();
    const head = await stream.read(frame(first));
    const second = lab.record(record(2));
    const text = await stream.read(frame(second));
    expect({ status: stream.status, type: stream.type, head, text }).toEqual({
      status: 200,
      type: 'text/event-stream; charset=utf-8',
      head: `${hello(first.seq)}${frame(reset)}${frame(first)}`,
      text: `${hello(first.seq)}${frame(reset)}${frame(first)}${frame(second)}`,
    });
  });

  it('resumes after Last-Event-ID, sending only the later events', async () => {
    lab.reset();
    const a = lab.record(record(1));
    const b = lab.record(record(2));
    const c = lab.setPolicy({ ...EMPTY_POLICY, allowOrigin: '*' });
    const stream = await connect({ 'Last-Event-ID': String(a.seq) });
    const text = await stream.read(frame(c));
    expect(text).toEqual(`${hello(c.seq)}${frame(b)}${frame(c)}`);
  });

  it('resumes late, after the events it missed were packed, with the same frames byte for byte', async () => {
    lab.reset();
    const events = Array.from({ length: 80 }, (_, n) => lab.record(record(n)));
    // Twice: blocks left unread through a whole period are packed on the second call.
    hub.compact();
    expect(hub.compact()).toBeGreaterThan(0);
    const missedFrom = events.length - 40;
    const stream = await connect({ 'Last-Event-ID': String(events[missedFrom - 1]!.seq) });
    const last = events.at(-1)!;
    expect(await stream.read(frame(last))).toEqual(`${hello(last.seq)}${events.slice(missedFrom).map(frame).join('')}`);
  });

  it('resumes after ?after=N when there is no Last-Event-ID', async () => {
    lab.reset();
    lab.record(record(1));
    const b = lab.record(record(2));
    const stream = await connect({}, `?after=${b.seq - 1}`);
    expect(await stream.read(frame(b))).toEqual(`${hello(b.seq)}${frame(b)}`);
  });

  it('unsubscribes when the page goes away', async () => {
    const subscribe = lab.subscribe.bind(lab);
    const unsubscribed = vi.fn();
    const spy = vi.spyOn(lab, 'subscribe').mockImplementation((listener) => {
      const off = subscribe(listener);
      return () => {
        unsubscribed();
        return off();
      };
    });
    try {
      const stream = await connect();
      await stream.read('event: hello');
      const subscribedWhileOpen = [spy.mock.calls.length, unsubscribed.mock.calls.length];
      open.pop()!.abort();
      await vi.waitFor(() => expect(unsubscribed).toHaveBeenCalled(), { timeout: 2000 });
      expect({ subscribedWhileOpen, after: [spy.mock.calls.length, unsubscribed.mock.calls.length] }).toEqual({ subscribedWhileOpen: [1, 0], after: [1, 1] });
    } finally {
      spy.mockRestore();
    }
  });

  it('streams from the start when Last-Event-ID is beyond the head: the page saw a server before a restart', async () => {
    lab.reset();
    const a = lab.record(record(1));
    const stream = await connect({ 'Last-Event-ID': String(a.seq + 100) });
    expect(await stream.read(frame(a))).toContain(frame(a));
  });
});

/**
 * One simulated learner: a lab of their own, its event stream open, and one
 * preflighted send a second (OPTIONS, then the actual PUT) to server01 in
 * that lab. Counts the events it receives against the ones its sends made.
 */
import { randomBytes } from 'node:crypto';
import { request, type Agent } from 'node:http';
import { API_ROUTES, CONTROL_ROUTES, labIdFromBytes, labPrefix, originOf, PORTS } from '@cors-lab/shared';
import { BENCH_POLICY } from './bench-policy.ts';
import { openEventStream, type EventStream } from './event-stream-reader.ts';

const PAGE = originOf('server02');
const PAGE_HOST = `localhost:${PORTS.server02}`;
const API_HOST = `localhost:${PORTS.server01}`;
const POLICY_BODY = JSON.stringify(BENCH_POLICY);
const RECEIVED_AT = '"receivedAt":';

/** Where every learner puts its figures: latencies in ms, server01 receive to learner receive. */
export interface Samples {
  latencies: number[];
}

/** One HTTP exchange; resolves with the status, rejects on a socket error. */
function exchange(agent: Agent, options: { port: number; method: string; path: string; headers: Record<string, string>; body?: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: options.port, method: options.method, path: options.path, headers: options.headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export class Learner {
  readonly lab = labIdFromBytes(randomBytes(16));
  /** Events that arrived for this lab. */
  received = 0;
  /** Sequence numbers skipped on the stream. */
  gaps = 0;
  /** Answers server01 (or server02) gave this learner: each one the lab records as an event. */
  answered = 0;
  sends = 0;
  sendErrors = 0;
  /** Ticks skipped because the previous send had not finished. */
  skipped = 0;
  #lastSeq = 0;
  #stream: EventStream | null = null;
  #timer: NodeJS.Timeout | null = null;
  #inFlight: Promise<void> | null = null;

  constructor(
    private readonly agent: Agent,
    private readonly samples: Samples,
  ) {}

  /** Opens the lab's stream, then sets its policy (event 1). */
  async join(): Promise<void> {
    this.#stream = openEventStream(PORTS.server02, `${CONTROL_ROUTES.events}?lab=${this.lab}`, PAGE_HOST, {
      onHello: (data) => {
        this.#lastSeq = (JSON.parse(data) as { head: number }).head;
      },
      onEvent: (seq, data, arrivedAt) => {
        this.received++;
        if (seq > this.#lastSeq + 1) this.gaps += seq - this.#lastSeq - 1;
        this.#lastSeq = seq;
        // The record's receivedAt, read without parsing the whole event.
        const at = data.lastIndexOf(RECEIVED_AT);
        if (at !== -1 && data.startsWith('{"type":"record"')) this.samples.latencies.push(arrivedAt - Number.parseFloat(data.slice(at + RECEIVED_AT.length)));
      },
      onEnd: () => {},
    });
    await this.#stream.opened;
    const status = await exchange(this.agent, {
      port: PORTS.server02,
      method: 'PUT',
      path: `${CONTROL_ROUTES.policy}?lab=${this.lab}`,
      headers: { Host: PAGE_HOST, Origin: PAGE, 'Content-Type': 'application/json' },
      body: POLICY_BODY,
    });
    if (status !== 200) throw new Error(`PUT /api/policy for lab ${this.lab}: ${status}`);
    this.answered++;
  }

  /** Sends once a second, the first after `offsetMs` (learners do not click in step). */
  start(offsetMs: number): void {
    this.#timer = setTimeout(() => {
      this.#tick();
      this.#timer = setInterval(() => this.#tick(), 1000);
    }, offsetMs);
  }

  #tick(): void {
    if (this.#inFlight !== null) {
      this.skipped++;
      return;
    }
    this.#inFlight = this.#send().finally(() => {
      this.#inFlight = null;
    });
  }

  async #send(): Promise<void> {
    const path = `${labPrefix(this.lab)}${API_ROUTES.data}`;
    try {
      const preflight = await exchange(this.agent, {
        port: PORTS.server01,
        method: 'OPTIONS',
        path,
        headers: { Host: API_HOST, Origin: PAGE, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-custom-header' },
      });
      this.answered++;
      const actual = await exchange(this.agent, {
        port: PORTS.server01,
        method: 'PUT',
        path,
        headers: { Host: API_HOST, Origin: PAGE, 'X-Custom-Header': '1', 'Content-Type': 'text/plain' },
        body: 'new value',
      });
      this.answered++;
      this.sends++;
      if (preflight !== 204 || actual !== 200) this.sendErrors++;
    } catch {
      this.sendErrors++;
    }
  }

  /** Stops sending and waits for the last send to finish. */
  async stop(): Promise<void> {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#inFlight;
  }

  /** Events this learner's lab made that never reached it (so far). */
  get lost(): number {
    return Math.max(0, this.answered - this.received);
  }

  close(): void {
    this.#stream?.close();
  }
}

/**
 * server01, the cross-origin API on port 8000. It answers with the current
 * policy's CORS headers and records every exchange as it went on the wire.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { API_ROUTES, BACKEND_NAMES, DEFAULT_LAB, isPreflight, splitLabPath, type CorsAnswer, type Lab, type LabHub } from '@cors-lab/shared';
import { preparedAnswer, type HeaderToSet } from './answer-cache.ts';
import type { Backend, LabBackends } from './backend-pool.ts';
import { forwardRawToBackend, proxyToBackend } from './backend-proxy.ts';
import { FinishedExchange } from './exchange-record.ts';
import { answerRejected, parseRejectedRequest, recordOfRawAnswer } from './rejected-method.ts';
import { registerRoutes, type WriteDirect } from './routes.ts';
import { receivedLines, writtenLines } from './wire-capture.ts';

export { BackendPool, LabBackends, type Backend, type StartBackend } from './backend-pool.ts';

export interface Server01Options {
  readonly hub: LabHub;
  /** Epoch milliseconds, fractional. */
  readonly now?: () => number;
  /**
   * Where server01 reports an answer it failed to make (a 5xx), with its
   * cause. Fastify itself runs without a logger: with one, it makes a child
   * logger for every request, which cost server01 a tenth of its speed to
   * log nothing at level warn.
   */
  readonly log?: Pick<FastifyBaseLogger, 'error'> | undefined;
  /** Largest request body server01 reads. */
  readonly bodyLimit?: number;
  /** Real libraries a lab can hand its CORS decision to; without it, only the lab's own engine answers. */
  readonly backends?: LabBackends;
}

interface Exchange {
  readonly request: FastifyRequest;
  /** As received. */
  readonly method: string;
  readonly lab: Lab;
  readonly receivedAt: number;
  readonly preflight: boolean;
  readonly answer: CorsAnswer;
  /** The answer's headers as set on the raw response (none when a library answers). */
  readonly headersToSet: readonly HeaderToSet[];
  /**
   * The same headers as one flat list, when they are not set yet: the route
   * writes its answer straight to the response, with these first.
   */
  readonly direct?: readonly (string | readonly string[])[] | undefined;
  /** Set when a real library answered instead of the lab's engine. */
  readonly backend?: string;
  /** The request body as forwarded to a library (Fastify does not parse it then). */
  requestBody?: Buffer;
  payload: unknown;
}

const epochNow = () => performance.timeOrigin + performance.now();

/** Stands in for the engine's answer when a library answers: it decides status and headers itself. */
const BACKEND_ANSWER: CorsAnswer = { answeredBy: 'routes', status: null, headers: [] };

/**
 * The exchange a response belongs to, on the response itself: its 'finish'
 * listener is one function for all requests, which finds it through `this`.
 */
const EXCHANGE = Symbol('server01 exchange');
type WithExchange = ServerResponse & { [EXCHANGE]?: Exchange | undefined };

/** setHeader on the raw response keeps the name's case and repeats a list as lines. */
function setRawHeaders(res: ServerResponse, headers: readonly HeaderToSet[]): void {
  // A list is copied: Node keeps the array it is given, and the cached one is shared.
  for (const [name, value] of headers) res.setHeader(name, typeof value === 'string' ? value : [...value]);
}

/** A refused method's raw bytes to the lab's library; if it cannot run, a 502 that says why. */
async function rawFromBackend(backend: Promise<Backend>, raw: Buffer, path: string, name: string): Promise<Buffer> {
  try {
    return await forwardRawToBackend((await backend).port, raw, path);
  } catch (error) {
    const body = `502 from server01: ${name} did not answer: ${error instanceof Error ? error.message : String(error)}`;
    const head = `HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
    return Buffer.from(head + body, 'utf8');
  }
}

/** Proxies to the lab's library; if it cannot run, a 502 that says why (server01 itself keeps serving). */
async function answerFromBackend(backend: Promise<Backend>, req: FastifyRequest, reply: FastifyReply, exchange: Exchange, name: string): Promise<void> {
  try {
    await proxyToBackend((await backend).port, req.raw.url ?? '/', req.raw, reply.raw, (body) => (exchange.payload = body));
  } catch (error) {
    const body = Buffer.from(`502 from server01: ${name} did not answer: ${error instanceof Error ? error.message : String(error)}`);
    exchange.payload = body;
    if (!reply.raw.headersSent) {
      reply.raw.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length });
      reply.raw.end(body);
    } else reply.raw.destroy();
  }
}

export function buildServer01(options: Server01Options): FastifyInstance {
  const { hub, now = epochNow } = options;
  /** The lab of each request with a `/l/<id>/` prefix, taken before routing; any other belongs to the default lab. */
  const labOf = new WeakMap<object, string>();

  const app = Fastify({
    // `/l/<id>/getData.html` is the lab's `/getData.html`: the routes never see the prefix.
    rewriteUrl: (req) => {
      const url = req.url ?? '/';
      if (!url.startsWith('/l/')) return url;
      const { lab, path } = splitLabPath(url);
      labOf.set(req, lab);
      return path;
    },
    logger: false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    clientErrorHandler: (error: Error, socket: Socket) => {
      const receivedAt = now();
      const { code, rawPacket } = error as { code?: string; rawPacket?: unknown };
      const request = code === 'HPE_INVALID_METHOD' && Buffer.isBuffer(rawPacket) ? parseRejectedRequest(rawPacket) : null;
      if (request === null || !socket.writable) {
        if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        else socket.destroy();
        return;
      }
      const { lab: labId, path } = splitLabPath(request.url);
      const lab = hub.lab(labId);
      const backend = options.backends?.target(lab) ?? null;
      socket.resume();
      if (backend !== null) {
        const id = lab.backend.id;
        void rawFromBackend(backend, rawPacket as Buffer, path, BACKEND_NAMES[id]).then((bytes) => {
          const record = recordOfRawAnswer(request, bytes, { receivedAt, respondedAt: now(), backend: id });
          socket.end(bytes, () => lab.record(record));
        });
        return;
      }
      const { bytes, record } = answerRejected(request, lab.policy, { receivedAt, respondedAt: now(), date: new Date().toUTCString() });
      socket.end(bytes, () => lab.record(record));
    },
  });

  const { log } = options;
  if (log !== undefined) {
    // Only on a failure: no cost on the way of an answer.
    app.addHook('onError', (req, _reply, error, done) => {
      if ((error.statusCode ?? 500) >= 500) log.error({ err: error }, `server01 failed to answer ${req.raw.method ?? ''} ${req.raw.url ?? ''}`);
      done();
    });
  }

  // Any body, any Content-Type: a lesson's request must never be refused for its media type.
  app.removeAllContentTypeParsers();
  const takeBytes = (_req: FastifyRequest, body: Buffer, done: (err: null, body: Buffer) => void) => done(null, body);
  // '*' takes a body without a (valid) Content-Type. The pattern takes every
  // other one: Fastify keeps the parser it finds for a pattern per Content-Type,
  // but parses the header again on every request that falls through to '*'.
  app.addContentTypeParser(/^/, { parseAs: 'buffer' }, takeBytes);
  app.addContentTypeParser('*', { parseAs: 'buffer' }, takeBytes);

  // Hooks in callback style: an async hook costs a promise and a microtask turn on every request.
  app.addHook('onRequest', (req, reply, done) => {
    const lab = hub.lab(labOf.get(req.raw) ?? DEFAULT_LAB);
    const method = req.raw.method ?? '';
    const preflight = isPreflight(method, req.headers['access-control-request-method'] as string | undefined);
    const backend = options.backends?.target(lab) ?? null;
    if (backend !== null) {
      const exchange: Exchange = {
        request: req,
        method,
        lab,
        receivedAt: now(),
        preflight,
        answer: BACKEND_ANSWER,
        headersToSet: [],
        backend: lab.backend.id,
        payload: undefined,
      };
      recordWhenSent(reply.raw, exchange);
      reply.hijack();
      // The body goes to the library unread by Fastify; keep a copy for the record.
      const chunks: Buffer[] = [];
      req.raw.on('data', (c: Buffer) => chunks.push(c));
      req.raw.once('end', () => (exchange.requestBody = Buffer.concat(chunks)));
      void answerFromBackend(backend, req, reply, exchange, BACKEND_NAMES[lab.backend.id]).then(() => done(), done);
      return;
    }
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const { answer, headersToSet, headerPairs } = preparedAnswer(lab.policy, { method, origin, isPreflight: preflight });
    const res = reply.raw;
    // The classic demo's request, sent again and again: its route writes the answer itself (see writeDirect).
    const direct = answer.answeredBy === 'routes' && req.routeOptions.url === API_ROUTES.data ? headerPairs : undefined;
    const exchange: Exchange = { request: req, method, lab, receivedAt: now(), preflight, answer, headersToSet, direct, payload: undefined };
    recordWhenSent(res, exchange);
    if (direct !== undefined) {
      done();
      return;
    }
    if (preflight && answer.answeredBy === 'policy' && answer.status === 204) {
      // The common preflight, written straight to Node's response: the same
      // bytes Fastify's reply would send for a 204 (no body, no Content-Type),
      // without its send pipeline, on the path a page takes before every
      // preflighted request. Its headers go to writeHead as one flat list,
      // kept with the answer (Node only reads it there), not one setHeader
      // each, which would lowercase and store every name on every preflight.
      reply.hijack();
      res.writeHead(204, headerPairs as (string | string[])[]);
      res.end();
      return;
    }
    setRawHeaders(res, headersToSet);
    // Answered here: Fastify runs no route, and done() is not called.
    if (!preflight || answer.answeredBy === 'routes') done();
    else reply.code(answer.status ?? 204).send(answer.body ?? '');
  });

  /** Publishes the exchange to its lab once the answer has gone on the wire. */
  function recordWhenSent(res: ServerResponse, exchange: Exchange): void {
    (res as WithExchange)[EXCHANGE] = exchange;
    res.on('finish', recordOnFinish);
  }

  function recordOnFinish(this: ServerResponse): void {
    const exchange = (this as WithExchange)[EXCHANGE];
    // Once: light-my-request (inject) emits 'finish' a second time.
    if (exchange === undefined) return;
    (this as WithExchange)[EXCHANGE] = undefined;
    const { request: req, method, backend } = exchange;
    const status = this.statusCode;
    const bodyOnWire = method === 'HEAD' || status === 204 || status === 304;
    const finished = new FinishedExchange({
      kind: exchange.preflight ? 'preflight' : 'actual',
      answeredBy: backend === undefined ? exchange.answer.answeredBy : 'backend',
      backend,
      method,
      url: (req.raw as { originalUrl?: string }).originalUrl ?? req.raw.url ?? '',
      httpVersion: req.raw.httpVersion,
      requestHeaders: receivedLines(req.raw.rawHeaders),
      requestBody: exchange.requestBody ?? req.body,
      status,
      responseHeaders: writtenLines(this),
      responseBody: bodyOnWire ? undefined : exchange.payload,
      receivedAt: exchange.receivedAt,
      respondedAt: now(),
    });
    exchange.lab.recordLater(finished);
  }

  app.addHook('onSend', (_req, reply, payload, done) => {
    const exchange = (reply.raw as WithExchange)[EXCHANGE];
    if (exchange === undefined || exchange.backend !== undefined) {
      done(null, payload);
      return;
    }
    let out = payload;
    const { answer } = exchange;
    if (answer.answeredBy === 'raw') {
      // A raw answer's status, headers and body win over the route's and over
      // Fastify's defaults (a charset added to a JSON Content-Type).
      reply.code(answer.status ?? 200);
      for (const [name] of answer.headers) reply.removeHeader(name);
      // Fastify's removeHeader clears reply.raw too: set the raw lines again.
      setRawHeaders(reply.raw, exchange.headersToSet);
      if (answer.body !== undefined) out = answer.body;
    }
    exchange.payload = out;
    done(null, out);
  });

  /**
   * A route's answer written as Fastify's reply would write it (its
   * Content-Type and Content-Length after the CORS headers, in lower case),
   * without its send pipeline and onSend hooks, which have nothing to do
   * for it: on the path of every actual request a page sends to the classic
   * demo's `/getData.html`.
   */
  const writeDirect: WriteDirect = (reply, status, contentType, body) => {
    const exchange = (reply.raw as WithExchange)[EXCHANGE];
    if (exchange?.direct === undefined) return false;
    reply.hijack();
    exchange.payload = body;
    const res = reply.raw;
    res.writeHead(status, [...exchange.direct, 'content-type', contentType, 'content-length', String(Buffer.byteLength(body))] as (string | string[])[]);
    res.end(body);
    return true;
  };

  registerRoutes(app, writeDirect);
  return app;
}

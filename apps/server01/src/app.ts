/**
 * server01, the cross-origin API on port 8000. It answers with the current
 * policy's CORS headers and records every exchange as it went on the wire.
 */
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { answerFor, BACKEND_NAMES, DEFAULT_LAB, isPreflight, splitLabPath, type CorsAnswer, type HeaderLine, type Lab, type LabHub } from '@cors-lab/shared';
import type { Backend, LabBackends } from './backend-pool.ts';
import { forwardRawToBackend, proxyToBackend } from './backend-proxy.ts';
import { answerRejected, parseRejectedRequest, recordOfRawAnswer } from './rejected-method.ts';
import { registerRoutes } from './routes.ts';
import { bodyText, receivedHeaders, writtenHeaders } from './wire-capture.ts';

export { BackendPool, LabBackends, type Backend, type StartBackend } from './backend-pool.ts';

export interface Server01Options {
  readonly hub: LabHub;
  /** Epoch milliseconds, fractional. */
  readonly now?: () => number;
  readonly logger?: FastifyServerOptions['logger'];
  /** Largest request body server01 reads. */
  readonly bodyLimit?: number;
  /** Real libraries a lab can hand its CORS decision to; without it, only the lab's own engine answers. */
  readonly backends?: LabBackends;
}

interface Exchange {
  readonly lab: Lab;
  readonly receivedAt: number;
  readonly preflight: boolean;
  readonly answer: CorsAnswer;
  /** Set when a real library answered instead of the lab's engine. */
  readonly backend?: string;
  /** The request body as forwarded to a library (Fastify does not parse it then). */
  requestBody?: Buffer;
  payload: unknown;
}

const epochNow = () => performance.timeOrigin + performance.now();

/** Stands in for the engine's answer when a library answers: it decides status and headers itself. */
const BACKEND_ANSWER: CorsAnswer = { answeredBy: 'routes', status: null, headers: [] };

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

/** Groups header lines by name so a repeated header becomes repeated lines. */
function grouped(lines: readonly HeaderLine[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, value] of lines) out.set(name, [...(out.get(name) ?? []), value]);
  return out;
}

export function buildServer01(options: Server01Options): FastifyInstance {
  const { hub, now = epochNow } = options;
  const exchanges = new WeakMap<object, Exchange>();
  /** The lab each request belongs to, taken from its `/l/<id>/` prefix before routing. */
  const labOf = new WeakMap<object, string>();

  const app = Fastify({
    // `/l/<id>/getData.html` is the lab's `/getData.html`: the routes never see the prefix.
    rewriteUrl: (req) => {
      const { lab, path } = splitLabPath(req.url ?? '/');
      labOf.set(req, lab);
      return path;
    },
    logger: options.logger ?? false,
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

  // Any body, any Content-Type: a lesson's request must never be refused for its media type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', async (req, reply) => {
    const lab = hub.lab(labOf.get(req.raw) ?? DEFAULT_LAB);
    const method = req.raw.method ?? '';
    const preflight = isPreflight(method, req.headers['access-control-request-method'] as string | undefined);
    const backend = options.backends?.target(lab) ?? null;
    if (backend !== null) {
      const exchange: Exchange = { lab, receivedAt: now(), preflight, answer: BACKEND_ANSWER, backend: lab.backend.id, payload: undefined };
      recordWhenSent(req, reply, exchange);
      reply.hijack();
      // The body goes to the library unread by Fastify; keep a copy for the record.
      const chunks: Buffer[] = [];
      req.raw.on('data', (c: Buffer) => chunks.push(c));
      req.raw.once('end', () => (exchange.requestBody = Buffer.concat(chunks)));
      await answerFromBackend(backend, req, reply, exchange, BACKEND_NAMES[lab.backend.id]);
      return;
    }
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const answer = answerFor(lab.policy, { method, origin, isPreflight: preflight });
    const exchange: Exchange = { lab, receivedAt: now(), preflight, answer, payload: undefined };
    exchanges.set(req.raw, exchange);
    // setHeader on the raw response keeps the name's case and repeats a list as lines.
    for (const [name, values] of grouped(answer.headers)) reply.raw.setHeader(name, values.length === 1 ? values[0]! : values);
    recordWhenSent(req, reply, exchange);
    if (preflight && answer.answeredBy !== 'routes') {
      return reply.code(answer.status ?? 204).send(answer.body ?? '');
    }
  });

  /** Publishes the exchange to its lab once the answer has gone on the wire. */
  function recordWhenSent(req: FastifyRequest, reply: FastifyReply, exchange: Exchange): void {
    const method = req.raw.method ?? '';
    reply.raw.once('finish', () => {
      const bodyOnWire = method === 'HEAD' || reply.raw.statusCode === 204 || reply.raw.statusCode === 304;
      exchange.lab.record({
        kind: exchange.preflight ? 'preflight' : 'actual',
        parser: 'node',
        answeredBy: exchange.backend === undefined ? exchange.answer.answeredBy : 'backend',
        ...(exchange.backend === undefined ? {} : { backend: exchange.backend }),
        request: {
          method,
          // As received, lab prefix included.
          url: (req.raw as { originalUrl?: string }).originalUrl ?? req.raw.url ?? '',
          httpVersion: req.raw.httpVersion,
          headers: receivedHeaders(req.raw),
          ...bodyText(exchange.requestBody ?? req.body),
        },
        response: {
          status: reply.raw.statusCode,
          headers: writtenHeaders(reply.raw),
          ...(bodyOnWire ? { body: '', bodyBytes: 0 } : bodyText(exchange.payload)),
        },
        receivedAt: exchange.receivedAt,
        respondedAt: now(),
      });
    });
  }

  app.addHook('onSend', async (req, reply, payload) => {
    const exchange = exchanges.get(req.raw);
    if (exchange === undefined) return payload;
    let out = payload;
    const { answer } = exchange;
    if (answer.answeredBy === 'raw') {
      // A raw answer's status, headers and body win over the route's and over
      // Fastify's defaults (a charset added to a JSON Content-Type).
      reply.code(answer.status ?? 200);
      for (const [name] of answer.headers) reply.removeHeader(name);
      // Fastify's removeHeader clears reply.raw too: set the raw lines again.
      for (const [name, values] of grouped(answer.headers)) reply.raw.setHeader(name, values.length === 1 ? values[0]! : values);
      if (answer.body !== undefined) out = answer.body;
    }
    exchange.payload = out;
    return out;
  });

  registerRoutes(app);
  return app;
}

/**
 * server01, the cross-origin API on port 8000. It answers with the current
 * policy's CORS headers and records every exchange as it went on the wire.
 */
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { answerFor, DEFAULT_LAB, isPreflight, type CorsAnswer, type HeaderLine, type Lab, type LabHub } from '@cors-lab/shared';
import { answerRejected, parseRejectedRequest } from './rejected-method.ts';
import { registerRoutes } from './routes.ts';
import { bodyText, receivedHeaders, writtenHeaders } from './wire-capture.ts';

export interface Server01Options {
  readonly hub: LabHub;
  /** Epoch milliseconds, fractional. */
  readonly now?: () => number;
  readonly logger?: FastifyServerOptions['logger'];
  /** Largest request body server01 reads. */
  readonly bodyLimit?: number;
}

interface Exchange {
  readonly lab: Lab;
  readonly receivedAt: number;
  readonly preflight: boolean;
  readonly answer: CorsAnswer;
  payload: unknown;
}

const epochNow = () => performance.timeOrigin + performance.now();

/** Groups header lines by name so a repeated header becomes repeated lines. */
function grouped(lines: readonly HeaderLine[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, value] of lines) out.set(name, [...(out.get(name) ?? []), value]);
  return out;
}

export function buildServer01(options: Server01Options): FastifyInstance {
  const { hub, now = epochNow } = options;
  const exchanges = new WeakMap<object, Exchange>();

  const app = Fastify({
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
      const lab = hub.lab(DEFAULT_LAB);
      const { bytes, record } = answerRejected(request, lab.policy, { receivedAt, respondedAt: now(), date: new Date().toUTCString() });
      socket.end(bytes, () => lab.record(record));
      socket.resume();
    },
  });

  // Any body, any Content-Type: a lesson's request must never be refused for its media type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', async (req, reply) => {
    const lab = hub.lab(DEFAULT_LAB);
    const method = req.raw.method ?? '';
    const preflight = isPreflight(method, req.headers['access-control-request-method'] as string | undefined);
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const answer = answerFor(lab.policy, { method, origin, isPreflight: preflight });
    const exchange: Exchange = { lab, receivedAt: now(), preflight, answer, payload: undefined };
    exchanges.set(req.raw, exchange);
    // setHeader on the raw response keeps the name's case and repeats a list as lines.
    for (const [name, values] of grouped(answer.headers)) reply.raw.setHeader(name, values.length === 1 ? values[0]! : values);
    reply.raw.once('finish', () => {
      const bodyOnWire = method === 'HEAD' || reply.raw.statusCode === 204 || reply.raw.statusCode === 304;
      lab.record({
        kind: preflight ? 'preflight' : 'actual',
        parser: 'node',
        answeredBy: answer.answeredBy,
        request: {
          method,
          url: req.raw.url ?? '',
          httpVersion: req.raw.httpVersion,
          headers: receivedHeaders(req.raw),
          ...bodyText(req.body),
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
    if (preflight && answer.answeredBy !== 'routes') {
      return reply.code(answer.status ?? 204).send(answer.body ?? '');
    }
  });

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

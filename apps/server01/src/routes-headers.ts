/**
 * `/headers.html`: the FooBar example. server01 answers with every
 * CORS-safelisted response header, plus two a script can read only when
 * Access-Control-Expose-Headers names them (FooBar, X-Powered-By).
 * fetch.spec.whatwg.org/#cors-safelisted-response-header-name
 */
import type { FastifyInstance } from 'fastify';
import { API_ROUTES, type HeaderLine } from '@cors-lab/shared';

/** What `/headers.html` sends besides Content-Type, Content-Length and Date. */
export const HEADERS_ROUTE_LINES: readonly HeaderLine[] = [
  // The safelisted ones (Content-Type and Content-Length come with the body).
  ['Cache-Control', 'no-store'],
  ['Content-Language', 'en'],
  ['Expires', 'Thu, 01 Jan 1970 00:00:00 GMT'],
  ['Last-Modified', 'Mon, 01 Jan 2024 00:00:00 GMT'],
  ['Pragma', 'no-cache'],
  // Readable only when exposed.
  ['FooBar', '1'],
  ['X-Powered-By', 'server01'],
];

export const HEADERS_ROUTE_BODY = 'server01 answered with FooBar: 1';

export function registerHeadersRoutes(app: FastifyInstance): void {
  app.all(API_ROUTES.headers, async (_req, reply) => {
    for (const [name, value] of HEADERS_ROUTE_LINES) reply.header(name, value);
    return reply.type('text/plain; charset=utf-8').send(HEADERS_ROUTE_BODY);
  });
}

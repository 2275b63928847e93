/**
 * Errors for lesson 11: a crash that happens before the CORS headers are
 * added, and a route that wants Authorization, which a preflight never has.
 */
import type { FastifyInstance } from 'fastify';
import { API_ROUTES } from '@cors-lab/shared';

export function registerErrorRoutes(app: FastifyInstance): void {
  // Many servers add CORS headers in a middleware that an early crash skips:
  // the 500 goes out without them, and the page sees a "CORS error".
  app.all(API_ROUTES.crash, async (_req, reply) => {
    for (const name of reply.raw.getHeaderNames()) if (name.startsWith('access-control-')) reply.raw.removeHeader(name);
    return reply.code(500).type('text/plain; charset=utf-8').send('server01 crashed before its CORS middleware ran');
  });

  app.all(API_ROUTES.private, async (req, reply) => {
    if (req.headers.authorization === undefined) {
      return reply.code(401).header('WWW-Authenticate', 'Bearer').type('text/plain; charset=utf-8').send('401: send Authorization');
    }
    return reply.type('text/plain; charset=utf-8').send('private data for a signed-in user');
  });
}

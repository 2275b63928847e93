/** server01's routes: what the lessons call. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { API_ROUTES, DATA_BODY, SESSION_COOKIE } from '@cors-lab/shared';
import { registerErrorRoutes } from './routes-errors.ts';
import { registerHeadersRoutes } from './routes-headers.ts';
import { registerJsonpRoutes } from './routes-jsonp.ts';
import { registerResourceRoutes } from './routes-resource.ts';
import { registerSessionRoutes } from './routes-session.ts';

/** What a route answers, as data: the raw-bytes path for methods Node refuses reuses it. */
export function routeAnswer(path: string): { status: number; contentType: string; body: string } {
  if (path === API_ROUTES.data) return { status: 200, contentType: 'text/plain; charset=utf-8', body: DATA_BODY };
  return { status: 404, contentType: 'text/plain; charset=utf-8', body: `server01 has no route ${path}` };
}

/**
 * Writes a route's answer straight to Node's response, with the headers the
 * server decided on, and says whether it did; when it does not, the route
 * answers through Fastify's reply. The bytes are the same either way.
 */
export type WriteDirect = (reply: FastifyReply, status: number, contentType: string, body: string) => boolean;

export function registerRoutes(app: FastifyInstance, writeDirect: WriteDirect = () => false): void {
  const data = routeAnswer(API_ROUTES.data);
  app.all(API_ROUTES.data, (_req, reply) => {
    if (!writeDirect(reply, data.status, data.contentType, data.body)) void reply.code(data.status).type(data.contentType).send(data.body);
  });
  registerHeadersRoutes(app);
  registerResourceRoutes(app);
  registerErrorRoutes(app);
  registerJsonpRoutes(app);
  registerSessionRoutes(app);

  // Same-site with the page (localhost:8100 and localhost:8000), so SameSite=Lax lets it ride on credentialed requests.
  app.all(API_ROUTES.login, async (_req, reply) =>
    reply
      .header('Set-Cookie', `${SESSION_COOKIE}=${randomUUID()}; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax`)
      .type('text/plain; charset=utf-8')
      .send('logged in: server01 set a session cookie'),
  );

  app.all(API_ROUTES.logout, async (_req, reply) =>
    reply
      .header('Set-Cookie', `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`)
      .type('text/plain; charset=utf-8')
      .send('logged out: server01 cleared the session cookie'),
  );

  app.setNotFoundHandler(async (req, reply) => {
    const answer = routeAnswer(new URL(req.url, 'http://x').pathname);
    return reply.code(answer.status).type(answer.contentType).send(answer.body);
  });
}

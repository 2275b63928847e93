/**
 * The logged-in learner's private data (lesson 12): what a careless CORS
 * policy lets another site read. It answers only with the session cookie
 * that /login sets, and 401 without it, like an account page.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { API_ROUTES, SESSION_COOKIE } from '@cors-lab/shared';

/** The session cookie's value in a Cookie header, or null. */
export function sessionOf(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    const value = rest.join('=');
    if (name === SESSION_COOKIE && value !== '') return value;
  }
  return null;
}

/** The private data of one session: made up, but different for every session, so a theft shows whose data it took. */
export function privateDataOf(session: string): { account: string; session: string; notes: string } {
  const tag = createHash('sha256').update(session).digest('hex').slice(0, 8);
  return { account: `learner-${tag}@cors-lab.test`, session: tag, notes: `private notes of session ${tag}: only this browser should read them` };
}

export function registerSessionRoutes(app: FastifyInstance): void {
  app.all(API_ROUTES.me, async (req, reply) => {
    // Private data must never sit in a shared cache; the answer depends on the cookie.
    reply.header('Cache-Control', 'no-store');
    const session = sessionOf(req.headers.cookie);
    if (session === null) return reply.code(401).type('application/json; charset=utf-8').send({ error: `not logged in: no ${SESSION_COOKIE} cookie; send ${API_ROUTES.login} first` });
    return reply.type('application/json; charset=utf-8').send(privateDataOf(session));
  });
}

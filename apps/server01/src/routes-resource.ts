/**
 * `/resource.json`: a resource with an ETag and Last-Modified, for the
 * conditional-requests lesson. One resource per lab, keyed by the lab id in
 * the URL's `/l/<id>/` prefix (the classic URL is the default lab's). It lives
 * as long as server01 runs: a lab reset leaves it as it is, so lessons read
 * its ETag instead of assuming a version.
 */
import type { FastifyInstance } from 'fastify';
import { API_ROUTES, splitLabPath } from '@cors-lab/shared';
import { answerResource, freshResource, type ResourceVersion } from './conditional-resource.ts';

/** Resources kept at once; past it, the one used longest ago starts over. */
export const RESOURCE_LIMIT = 1000;

const headerText = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v.join(', ') : v);

export function registerResourceRoutes(app: FastifyInstance, now: () => number = Date.now): void {
  const resources = new Map<string, ResourceVersion>();

  app.all(API_ROUTES.resource, async (req, reply) => {
    const lab = splitLabPath(req.originalUrl).lab;
    const current = resources.get(lab) ?? freshResource(now());
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const answer = answerResource(
      current,
      {
        method: req.method,
        ifMatch: headerText(req.headers['if-match']),
        ifNoneMatch: headerText(req.headers['if-none-match']),
        ifModifiedSince: headerText(req.headers['if-modified-since']),
        body,
      },
      now(),
    );
    // Map order doubles as least-recently-used order.
    resources.delete(lab);
    resources.set(lab, answer.next);
    if (resources.size > RESOURCE_LIMIT) resources.delete(resources.keys().next().value!);
    for (const [name, value] of answer.headers) reply.header(name, value);
    return reply.code(answer.status).send(answer.body === '' ? undefined : answer.body);
  });
}

/**
 * server02, on port 8100: serves the lab page and the lab's same-origin
 * control plane (policy, live events, history, reset).
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { BLANK_PAGE, checkPolicy, CONTROL_ROUTES, DEFAULT_LAB, HistorySchema, PolicySchema, POLICY_BODY_LIMIT, type LabHub } from '@cors-lab/shared';
import { errorBody, registerErrorHandler } from './errors.ts';
import { streamEvents } from './event-stream.ts';

export interface Server02Options {
  readonly hub: LabHub;
  /** The built client (apps/client/dist); without it only the control plane runs. */
  readonly clientDir?: string;
  readonly logger?: FastifyServerOptions['logger'];
}

const AfterQuery = Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0, description: 'after must be a whole number' })) });

/** The control plane takes only same-origin requests: a page on another origin must not steer the lab. */
function crossOriginCaller(origin: string | undefined, host: string | undefined): boolean {
  return origin !== undefined && origin !== `http://${host ?? ''}`;
}

export function buildServer02(options: Server02Options): FastifyInstance {
  const { hub } = options;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: POLICY_BODY_LIMIT }).withTypeProvider<TypeBoxTypeProvider>();
  registerErrorHandler(app, POLICY_BODY_LIMIT);
  // Fastify parses text/plain by default; the control plane takes JSON only, so anything else is a 415.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/') || req.method === 'GET') return;
    if (crossOriginCaller(req.headers.origin, req.headers.host)) {
      return reply.code(403).send(errorBody(403, [{ field: 'Origin', message: `Origin: ${req.headers.origin} may not change this lab; only its own page may` }]));
    }
  });

  const lab = () => hub.lab(DEFAULT_LAB);

  app.get(CONTROL_ROUTES.policy, { schema: { response: { 200: PolicySchema } } }, async () => lab().policy);

  app.put(CONTROL_ROUTES.policy, async (req, reply) => {
    const check = checkPolicy(req.body);
    if (!check.ok) return reply.code(400).send(errorBody(400, check.errors));
    const event = lab().setPolicy(check.policy);
    return { seq: event.seq, policy: check.policy };
  });

  app.post(CONTROL_ROUTES.reset, async () => ({ seq: lab().reset().seq }));

  app.get(CONTROL_ROUTES.history, { schema: { querystring: AfterQuery, response: { 200: HistorySchema } } }, async (req) => {
    const l = lab();
    return { ...l.since(req.query.after ?? 0), head: l.head };
  });

  app.get(CONTROL_ROUTES.events, { schema: { querystring: AfterQuery } }, async (req, reply) => {
    const lastEventId = Number(req.headers['last-event-id']);
    const after = Number.isInteger(lastEventId) && lastEventId >= 0 ? lastEventId : (req.query.after ?? 0);
    streamEvents(lab(), after, req, reply);
  });

  // An empty page on the lab's origin: the replay check runs its requests from it.
  app.get(BLANK_PAGE, async (_req, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><title>CORS Lab</title>'));

  if (options.clientDir !== undefined && existsSync(options.clientDir)) {
    app.register(fastifyStatic, { root: options.clientDir, index: 'index.html' });
    // The original demo's page lived at /index.html/.
    app.get('/index.html/', async (_req, reply) => reply.sendFile('index.html'));
  }
  return app;
}

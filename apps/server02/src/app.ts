/**
 * server02, on port 8100: serves the lab page and the lab's same-origin
 * control plane (policy, live events, history, reset).
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  BACKEND_NAMES,
  BLANK_PAGE,
  checkPolicy,
  CONTROL_ROUTES,
  DEFAULT_LAB,
  HistorySchema,
  LAB_ID_PATTERN,
  LabConfigSchema,
  PolicySchema,
  PresenceSchema,
  POLICY_BODY_LIMIT,
  BackendListSchema,
  BackendSelectionSchema,
  type BackendChoice,
  type BackendList,
  type Lab,
  type LabConfig,
  type LabHub,
} from '@cors-lab/shared';
import { answerClientError } from './client-error.ts';
import { registerClassroomRoutes } from './classroom-routes.ts';
import { errorBody, registerErrorHandler } from './errors.ts';
import { streamEvents } from './event-stream.ts';

export { buildAttackerApp, type AttackerOptions } from './attacker-app.ts';
export { deflateHistory } from './history-codec.ts';

export interface Server02Options {
  readonly hub: LabHub;
  /** The built client (apps/client/dist); without it only the control plane runs. */
  readonly clientDir?: string;
  readonly logger?: FastifyServerOptions['logger'];
  /** What GET /api/config tells the page; by default one shared lab. */
  readonly config?: LabConfig;
  /** Real libraries behind server01; without it, the lab's engine is the only choice. */
  readonly backends?: BackendControl;
  /** The teacher view's token; without it, there is no teacher view. */
  readonly teacherToken?: string;
}

/** What server02 asks of the backends server01 can hand a lab to. */
export interface BackendControl {
  list(): Promise<BackendList['backends']>;
  select(lab: Lab, id: BackendChoice): void;
  policyChanged(lab: Lab): void;
}

const labId = Type.Optional(
  Type.String({
    pattern: `^${DEFAULT_LAB}$|${LAB_ID_PATTERN}`,
    description: `must be ${DEFAULT_LAB} or a lab id of 16 to 64 letters, digits, - or _`,
  }),
);
/** Every control route takes its lab as `?lab=<id>`; without it, the default lab. */
const LabQuery = Type.Object({ lab: labId });
const AfterQuery = Type.Object({ lab: labId, after: Type.Optional(Type.Integer({ minimum: 0, description: 'must be a whole number' })) });

/** The control plane takes only same-origin requests: a page on another origin must not steer the lab. */
function crossOriginCaller(origin: string | undefined, host: string | undefined): boolean {
  return origin !== undefined && origin !== `http://${host ?? ''}`;
}

export function buildServer02(options: Server02Options): FastifyInstance {
  const { hub } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: POLICY_BODY_LIMIT,
    // A request Node's parser refuses gets a 4xx that names the header or field, like every other refusal.
    clientErrorHandler: answerClientError,
    // verbose: a refusal carries its schema, so the message can say what the field must be.
    ajv: { customOptions: { verbose: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  registerErrorHandler(app, POLICY_BODY_LIMIT);
  // Fastify parses text/plain by default; the control plane takes JSON only, so anything else is a 415.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/') || req.method === 'GET') return;
    if (crossOriginCaller(req.headers.origin, req.headers.host)) {
      return reply.code(403).send(errorBody(403, [{ field: 'Origin', message: `Origin: ${req.headers.origin} may not change this lab; only its own page may` }]));
    }
  });

  const lab = (query: { lab?: string | undefined }) => hub.lab(query.lab ?? DEFAULT_LAB);
  const config: LabConfig = options.config ?? { labs: 'shared', instance: 'default', historyLimit: 500 };

  app.get(CONTROL_ROUTES.config, { schema: { response: { 200: LabConfigSchema } } }, async () => config);

  app.get(CONTROL_ROUTES.policy, { schema: { querystring: LabQuery, response: { 200: PolicySchema } } }, async (req) => lab(req.query).policy);

  app.put(CONTROL_ROUTES.policy, { schema: { querystring: LabQuery } }, async (req, reply) => {
    const check = checkPolicy(req.body);
    if (!check.ok) return reply.code(400).send(errorBody(400, check.errors));
    const l = lab(req.query);
    const event = l.setPolicy(check.policy);
    options.backends?.policyChanged(l);
    return { seq: event.seq, policy: check.policy };
  });

  app.put(CONTROL_ROUTES.presence, { schema: { querystring: LabQuery, body: PresenceSchema } }, async (req) => {
    lab(req.query).presence = req.body;
    return { ok: true };
  });

  registerClassroomRoutes(app, hub, options.teacherToken);

  app.get(CONTROL_ROUTES.backends, { schema: { querystring: LabQuery, response: { 200: BackendListSchema } } }, async (req) => {
    const engine = { id: 'lab' as const, name: BACKEND_NAMES.lab, available: true };
    return { backends: [engine, ...((await options.backends?.list()) ?? [])], current: lab(req.query).backend };
  });

  app.put(CONTROL_ROUTES.backend, { schema: { querystring: LabQuery, body: BackendSelectionSchema } }, async (req, reply) => {
    const l = lab(req.query);
    const { backend } = req.body;
    if (backend !== 'lab' && options.backends === undefined) {
      return reply.code(400).send(errorBody(400, [{ field: '/backend', message: `backend: ${backend} cannot run here; only the lab's engine can` }]));
    }
    options.backends?.select(l, backend);
    return { seq: l.head, backend: l.backend };
  });

  app.post(CONTROL_ROUTES.reset, { schema: { querystring: LabQuery } }, async (req) => ({ seq: lab(req.query).reset().seq }));

  app.get(CONTROL_ROUTES.history, { schema: { querystring: AfterQuery, response: { 200: HistorySchema } } }, async (req) => {
    const l = lab(req.query);
    return { ...l.since(req.query.after ?? 0), head: l.head };
  });

  app.get(CONTROL_ROUTES.events, { schema: { querystring: AfterQuery } }, async (req, reply) => {
    const lastEventId = Number(req.headers['last-event-id']);
    const after = Number.isInteger(lastEventId) && lastEventId >= 0 ? lastEventId : (req.query.after ?? 0);
    streamEvents(lab(req.query), after, config.instance, req, reply);
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

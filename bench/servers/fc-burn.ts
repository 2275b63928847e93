/** Baseline for `pnpm bench throughput`: plain Fastify with @fastify/cors and the same policy, no recording. */
import cors from '@fastify/cors';
import Fastify from 'fastify';
import { API_ROUTES, DATA_BODY } from '@cors-lab/shared';
import { BENCH_POLICY } from '../bench-policy.ts';

const port = Number(process.argv[2]);
const app = Fastify();
await app.register(cors, {
  origin: BENCH_POLICY.originList,
  methods: BENCH_POLICY.allowMethods,
  allowedHeaders: BENCH_POLICY.allowHeaders,
  credentials: BENCH_POLICY.allowCredentials,
  ...(BENCH_POLICY.maxAge !== null ? { maxAge: BENCH_POLICY.maxAge } : {}),
});
const burnUs = Number(process.env.BURN_US ?? 0);
app.addHook('onRequest', (_q, _r, done) => { const t = performance.now() + burnUs / 1000; while (performance.now() < t); done(); });
app.all(API_ROUTES.data, async (_req, reply) => reply.type('text/plain; charset=utf-8').send(DATA_BODY));
await app.listen({ host: '127.0.0.1', port });
console.log('ready');

/** Baseline for `pnpm bench throughput`: Express with the cors package and the same policy. */
import cors from 'cors';
import express from 'express';
import { API_ROUTES, DATA_BODY } from '@cors-lab/shared';
import { BENCH_POLICY } from '../bench-policy.ts';

const port = Number(process.argv[2]);
const app = express();
app.use(
  cors({
    origin: BENCH_POLICY.originList,
    methods: BENCH_POLICY.allowMethods,
    allowedHeaders: BENCH_POLICY.allowHeaders,
    credentials: BENCH_POLICY.allowCredentials,
    ...(BENCH_POLICY.maxAge !== null ? { maxAge: BENCH_POLICY.maxAge } : {}),
  }),
);
app.all(API_ROUTES.data, (_req, res) => {
  res.type('text/plain; charset=utf-8').send(DATA_BODY);
});
app.listen(port, '127.0.0.1', () => console.log('ready'));

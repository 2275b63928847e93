/** server01 in raw mode over inject: the exact status, headers and body the lesson asks for, on the wire and in the record. */
import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY } from '@cors-lab/shared';
import { corsHeaders, DATE, PAGE, policy, preflightHeaders, recordsOf, settle, useInjectServer } from './inject-server.ts';

const inject = useInjectServer();
const setup = () => inject();

describe('server01 in raw mode', () => {
  it('in raw mode answers preflight and actual with exactly the raw status, headers and body, a list as repeated lines', async () => {
    const { app, lab } = setup();
    lab.setPolicy(
      policy({
        allowOrigin: 'reflect',
        raw: {
          enabled: true,
          preflight: {
            status: 200,
            headers: { 'Access-Control-Allow-Origin': [PAGE, '*'], 'Access-Control-Allow-Methods': 'PUT', 'Content-Type': 'application/json' },
            body: '{}',
          },
          actual: { status: 203, headers: { 'Access-Control-Allow-Origin': '*', 'X-Lesson': ['one', 'two'], 'Content-Type': 'text/html' }, body: 'raw body' },
        },
      }),
    );
    const records = recordsOf(lab);
    const pre = await app.inject({ method: 'OPTIONS', url: '/getData.html', headers: preflightHeaders });
    const put = await app.inject({ method: 'PUT', url: '/getData.html', headers: { origin: PAGE }, payload: 'hello' });
    await settle();
    expect({
      seen: [
        [pre.statusCode, pre.body],
        [put.statusCode, put.body],
      ],
      written: records.map((r) => [r.kind, r.answeredBy, r.response]),
    }).toEqual({
      seen: [
        [200, '{}'],
        [203, 'raw body'],
      ],
      written: [
        [
          'preflight',
          'raw',
          {
            status: 200,
            headers: [
              ['Access-Control-Allow-Origin', PAGE],
              ['Access-Control-Allow-Origin', '*'],
              ['Access-Control-Allow-Methods', 'PUT'],
              ['Content-Type', 'application/json'],
              ['content-length', '2'],
              ['Date', DATE],
              ['Connection', 'keep-alive'],
            ],
            body: '{}',
            bodyBytes: 2,
          },
        ],
        [
          'actual',
          'raw',
          {
            status: 203,
            headers: [
              ['Access-Control-Allow-Origin', '*'],
              ['X-Lesson', 'one'],
              ['X-Lesson', 'two'],
              ['Content-Type', 'text/html'],
              ['content-length', '8'],
              ['Date', DATE],
              ['Connection', 'keep-alive'],
            ],
            body: 'raw body',
            bodyBytes: 8,
          },
        ],
      ],
    });
  });

  it('in raw mode without a raw body keeps the route body, under the raw status and headers', async () => {
    const { app, lab } = setup();
    lab.setPolicy(policy({ raw: { ...structuredClone(EMPTY_POLICY.raw), enabled: true, actual: { status: 500, headers: { 'Access-Control-Allow-Origin': '*' } } } }));
    const res = await app.inject({ method: 'GET', url: '/getData.html', headers: { origin: PAGE } });
    expect({ status: res.statusCode, body: res.body, cors: corsHeaders(res.headers) }).toEqual({
      status: 500,
      body: 'server----001',
      cors: { 'access-control-allow-origin': '*' },
    });
  });
});

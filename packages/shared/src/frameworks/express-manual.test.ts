import { describe, expect, it } from 'vitest';
import { answerFor, type HeaderLine } from '../policy-answer.ts';
import { EMPTY_POLICY, type Policy } from '../policy.ts';
import { expressManual } from './express-manual.ts';
import type { ExportedConfig } from './notes.ts';

const PAGE = 'http://localhost:8100';
const policy = (p: Partial<Policy>): Policy => ({ ...structuredClone(EMPTY_POLICY), ...p });
const CLASSIC = policy({ allowOrigin: 'list', originList: [PAGE], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Custom-Header'], allowCredentials: true, maxAge: 600 });
const noteNames = (c: ExportedConfig) => c.notes.map((n) => `${n.kind}:${n.name}`);
const HEAD = "import express from 'express';\n\nconst app = express();\n\n// CORS by hand, before any route (fetch.spec.whatwg.org/#http-cors-protocol).\n";

type Middleware = (req: object, res: object, next: () => void) => void;

/** Runs the exported middleware on one request with a stand-in for Express's req and res: what it sends. */
function run(code: string, method: string, headers: Record<string, string>) {
  const body = code
    .split('\n')
    .filter((l) => !l.startsWith('import ') && l !== 'const app = express();')
    .join('\n');
  const used: Middleware[] = [];
  new Function('app', body)({ use: (m: Middleware) => used.push(m) });
  const sent: { status: number | null; headers: HeaderLine[]; body?: string } = { status: null, headers: [] };
  const res = {
    set: (name: string, value: string) => void (sent.headers = [...sent.headers.filter(([n]) => n !== name), [name, value]]),
    append: (name: string, value: string) => void sent.headers.push([name, value]),
    vary: (value: string) => void sent.headers.push(['Vary', value]),
    status: (n: number) => ((sent.status = n), res),
    end: () => undefined,
    send: (b: string) => void (sent.body = b),
  };
  expect(used).toHaveLength(1);
  used[0]?.({ method, headers }, res, () => undefined);
  return sent;
}

describe('expressManual', () => {
  it('writes the classic policy as a middleware with the OPTIONS branch done right', () => {
    const { code, notes } = expressManual(CLASSIC);
    expect({ code, notes }).toEqual({
      code: `${HEAD}const allowedOrigins = new Set(['http://localhost:8100']);

app.use((req, res, next) => {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && allowedOrigins.has(origin);
  // A preflight: OPTIONS with Access-Control-Request-Method (fetch.spec.whatwg.org/#cors-preflight-request).
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
    if (allowed) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Allow-Credentials', 'true');
      res.set('Access-Control-Allow-Methods', 'GET, PUT');
      res.set('Access-Control-Allow-Headers', 'X-Custom-Header');
      res.set('Access-Control-Max-Age', '600');
    }
    res.status(204).end();
    return;
  }
  if (allowed) {
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Allow-Credentials', 'true');
  }
  next();
});`,
      notes: [
        {
          kind: 'inexact',
          name: 'node-refuses-method',
          text:
            "Node's HTTP parser answers 400 Bad Request, with no CORS headers, to a method it does not know (a custom VIEW, a lowercase patch) " +
            "before Express sees the request; the lab answers it with the policy's headers. Browsers send such methods after a preflight that allows them.",
        },
      ],
    });
  });

  it('sends * with credentials as the policy says, and warns about it', () => {
    const c = expressManual(policy({ allowOrigin: '*', allowCredentials: true }));
    expect(noteNames(c)).toEqual(['trap:wildcard-with-credentials', 'inexact:node-refuses-method']);
  });

  it('with no origin allowed only answers preflights, with no CORS header', () => {
    const c = expressManual(policy({ preflightStatus: 200 }));
    expect([c.code, c.notes]).toEqual([
      `${HEAD}app.use((req, res, next) => {
  // A preflight: OPTIONS with Access-Control-Request-Method (fetch.spec.whatwg.org/#cors-preflight-request).
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
    res.status(200).end();
    return;
  }
  next();
});`,
      [],
    ]);
  });

  it('reflects any Origin there is, and warns about it with credentials', () => {
    const c = expressManual(policy({ allowOrigin: 'reflect', allowCredentials: true, exposeHeaders: ['X-Total'], varyOrigin: true, preflight: 'routes' }));
    expect([c.code.slice(HEAD.length), noteNames(c)]).toEqual([
      `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Allow-Credentials', 'true');
    res.set('Access-Control-Expose-Headers', 'X-Total');
  }
  res.vary('Origin');
  next();
});`,
      ['trap:reflect-with-credentials', 'inexact:node-refuses-method'],
    ]);
  });

  it('sends the raw answers line by line, a list value as several lines', () => {
    const raw: Policy['raw'] = {
      enabled: true,
      preflight: { status: 200, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': ['PUT', 'DELETE'] } },
      actual: { status: 201, headers: { 'X-Note': "it's" }, body: 'done' },
    };
    const c = expressManual({ ...CLASSIC, raw });
    expect([c.code.slice(HEAD.length), noteNames(c)]).toEqual([
      `// Raw mode: these exact answers, whatever the policy says.
app.use((req, res, next) => {
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
    res.status(200);
    res.append('Access-Control-Allow-Origin', '*');
    res.append('Access-Control-Allow-Methods', 'PUT');
    res.append('Access-Control-Allow-Methods', 'DELETE');
    res.end();
    return;
  }
  res.status(201);
  res.append('X-Note', 'it\\'s');
  res.send('done');
});`,
      ['inexact:node-refuses-method'],
    ]);
  });

  it('sends exactly what answerFor sends, for every origin and request kind, run as JavaScript', () => {
    const raw: Policy['raw'] = {
      enabled: true,
      preflight: { status: 418, headers: { 'Access-Control-Allow-Origin': PAGE, 'X-Two': ['a', 'b'] }, body: 'no' },
      actual: { status: 200, headers: { 'Set-Cookie': ['a=1', 'b=2'] } },
    };
    const shapes = [
      CLASSIC,
      policy({ allowOrigin: '*', allowCredentials: true, allowMethods: ['*'], allowHeaders: ['*'], exposeHeaders: ['*'], maxAge: 0, varyOrigin: true }),
      policy({ allowOrigin: 'reflect', exposeHeaders: ['X-Total'], preflightStatus: 299 }),
      policy({ allowOrigin: 'list', originList: ['http://other.example', PAGE], varyOrigin: true, preflight: 'routes' }),
      policy({ varyOrigin: true }),
      { ...CLASSIC, raw },
    ];
    const requests: [string, Record<string, string>][] = [
      ['OPTIONS', { origin: PAGE, 'access-control-request-method': 'PUT' }],
      ['OPTIONS', { origin: 'http://evil.example', 'access-control-request-method': 'PUT' }],
      ['OPTIONS', { 'access-control-request-method': 'PUT' }],
      ['OPTIONS', { origin: PAGE }],
      ['GET', { origin: PAGE }],
      ['GET', { origin: 'http://evil.example' }],
      ['GET', {}],
    ];
    for (const p of shapes) {
      const code = expressManual(p).code;
      for (const [method, headers] of requests) {
        const answer = answerFor(p, { method, origin: headers.origin, isPreflight: method === 'OPTIONS' && 'access-control-request-method' in headers });
        const expected = answer.body === undefined ? { status: answer.status, headers: answer.headers } : { status: answer.status, headers: answer.headers, body: answer.body };
        expect(run(code, method, headers)).toEqual(expected);
      }
    }
  });
});

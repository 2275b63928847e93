import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../policy-validation.ts';
import { EMPTY_POLICY, type Policy } from '../policy.ts';
import { importExpressCors } from './import-express.ts';

/** What cors() sends with no options (cors 2.8.6 lib/index.js): *, its six methods, preflights answered 204. */
const express = (p: Partial<Policy>): Policy => ({
  ...EMPTY_POLICY,
  allowOrigin: '*',
  allowMethods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],
  allowHeaders: ['*'],
  ...p,
});
const warning = (line: number, part: string) => ({ line, text: expect.stringContaining(part) });
const ECHOES_HEADERS = 'allowedHeaders is not set, so cors echoes the headers each preflight asks for';

describe('importExpressCors', () => {
  it('reads app.use(cors()) as the package defaults, warning that requested headers are echoed', () => {
    const text = "var express = require('express')\nvar cors = require('cors')\nvar app = express()\n\napp.use(cors())\n";
    expect(importExpressCors(text)).toEqual({
      ok: true,
      policy: express({}),
      warnings: [warning(5, `${ECHOES_HEADERS} (Access-Control-Request-Headers, with Vary: Access-Control-Request-Headers). The lab's policy names the headers or uses "*": imported as "*", which allows every header except Authorization.`)],
    });
  });

  it("reads the README's corsOptions variable: one origin with Vary: Origin, and optionsSuccessStatus", () => {
    const text = `var corsOptions = {
  origin: 'http://example.com',
  optionsSuccessStatus: 200 // some legacy browsers (IE11, various SmartTVs) choke on 204
}

// Adds headers: Access-Control-Allow-Origin: http://example.com, Vary: Origin
app.get('/products/:id', cors(corsOptions), function (req, res, next) {
  res.json({msg: 'This is CORS-enabled for only example.com.'})
})`;
    expect(importExpressCors(text)).toEqual({
      ok: true,
      policy: express({ allowOrigin: 'list', originList: ['http://example.com'], varyOrigin: true, preflightStatus: 200 }),
      warnings: [
        warning(1, ECHOES_HEADERS),
        warning(2, 'origin: "http://example.com" makes cors send that value to every origin (with Vary: Origin)'),
      ],
    });
  });

  it('reads origin: true as reflect, with credentials, headers, exposed headers, string methods and max age', () => {
    const text = `app.use(cors({
  origin: true,
  credentials: true,
  methods: 'GET,PUT',
  allowedHeaders: 'Content-Type, Authorization',
  exposedHeaders: ['X-Total-Count'],
  maxAge: 600,
}));`;
    expect(importExpressCors(text)).toEqual({
      ok: true,
      policy: express({
        allowOrigin: 'reflect',
        varyOrigin: true,
        allowCredentials: true,
        allowMethods: ['GET', 'PUT'],
        allowHeaders: ['Content-Type', 'Authorization'],
        exposeHeaders: ['X-Total-Count'],
        maxAge: 600,
      }),
      warnings: [],
    });
  });

  it('lists the strings of an origin array, declared apart, imports its RegExp as a pattern, and warns about an origin with a trailing slash', () => {
    const text = `const allowed = ['http://localhost:8100', /\\.example\\.com$/, 'https://app.example.com/'];
app.use(cors({ origin: allowed, methods: ['GET', 'POST'], headers: ['X-Api-Key'] }));`;
    expect(importExpressCors(text)).toEqual({
      ok: true,
      policy: express({ allowOrigin: 'list', originList: ['http://localhost:8100'], originPatterns: ['\\.example\\.com$'], varyOrigin: true, allowMethods: ['GET', 'POST'], allowHeaders: ['X-Api-Key'] }),
      warnings: [warning(1, 'origin: "https://app.example.com/" never matches')],
    });
  });

  it('imports a RegExp origin as a pattern, searched as cors searches; flags go, with a warning that says what they did', () => {
    expect(importExpressCors('cors({ origin: /example\\.com$/, allowedHeaders: [] })')).toEqual({
      ok: true,
      policy: express({ allowOrigin: 'list', originPatterns: ['example\\.com$'], varyOrigin: true, allowHeaders: [] }),
      warnings: [],
    });
    expect(importExpressCors("cors({ origin: [/^https:\\/\\/a\\.test$/gi, new RegExp('^b$'), /(a+)+$/], allowedHeaders: [] })")).toEqual({
      ok: true,
      policy: express({ allowOrigin: 'list', originPatterns: ['^https:\\/\\/a\\.test$', '^b$'], varyOrigin: true, allowHeaders: [] }),
      warnings: [
        warning(
          1,
          "origin: /^https:\\/\\/a\\.test$/gi: the lab's patterns take no flags, so it is imported as /^https:\\/\\/a\\.test$/, case-sensitive (browsers send the Origin in lowercase); with g or y, cors's .test() would remember lastIndex and answer every other request differently",
        ),
        warning(1, 'origin: the pattern "(a+)+$" repeats a group that itself repeats'),
      ],
    });
  });

  it('warns that an origin function cannot be imported', () => {
    const text = `var corsOptions = {
  origin: function (origin, callback) {
    db.loadOrigins(function (error, origins) {
      callback(error, origins)
    })
  },
  allowedHeaders: ['Content-Type'],
}`;
    expect(importExpressCors(text)).toEqual({
      ok: true,
      policy: express({ allowOrigin: 'list', varyOrigin: true, allowHeaders: ['Content-Type'] }),
      warnings: [warning(2, 'origin is a function: cors calls it for each request, and only running it tells which origins it allows')],
    });
  });

  it('reads origin: false as cors turned off, OPTIONS and all going to the routes', () => {
    expect(importExpressCors('{ origin: false, credentials: true }')).toEqual({
      ok: true,
      policy: { ...EMPTY_POLICY, preflight: 'routes' },
      warnings: [warning(1, 'origin: false turns cors off')],
    });
  });

  it('reads preflightContinue as preflights answered by the routes, and warns about misspelled and code options', () => {
    const text = `const corsOptions: CorsOptions = {
  origin: process.env.ORIGIN || 'http://localhost:3000',
  allowHeaders: ['X-Api-Key'],
  credentials: 'true',
  preflightContinue: true,
  optionsSuccessStatus: 700,
};`;
    expect(importExpressCors(text)).toEqual({
      ok: true,
      policy: express({ allowOrigin: 'list', varyOrigin: true, preflight: 'routes' }),
      warnings: [
        warning(1, ECHOES_HEADERS),
        warning(2, "origin is computed by code (process.env.ORIGIN || 'http://localhost:3000') the importer does not run"),
        warning(3, 'allowHeaders is not a cors option (did you mean allowedHeaders?)'),
        warning(4, 'credentials: cors turns credentials on only for the boolean true; "true" leaves them off'),
        warning(5, 'preflightContinue: true: cors adds its preflight headers, then passes the OPTIONS request on to your routes'),
        warning(6, 'optionsSuccessStatus: 700 is not an HTTP status from 200 to 599; imported as 204'),
      ],
    });
  });

  it('warns that * with credentials is refused by browsers', () => {
    expect(importExpressCors("cors({ credentials: true, allowedHeaders: 'Content-Type' })")).toEqual({
      ok: true,
      policy: express({ allowCredentials: true, allowHeaders: ['Content-Type'] }),
      warnings: [warning(1, 'browsers refuse that pair for a credentialed request')],
    });
  });

  it('refuses options chosen per request by a function', () => {
    const text = 'var dynamicCorsOptions = function (req, callback) {\n  callback(null, { origin: true })\n}\napp.use(cors(dynamicCorsOptions))';
    expect(importExpressCors(text)).toEqual({
      ok: false,
      error: { line: 1, column: 26, text: expect.stringContaining('cors() is given a function that picks the options for each request') },
    });
  });

  it('points at a missing comma', () => {
    expect(importExpressCors("app.use(cors({\n  origin: 'http://localhost:8100'\n  credentials: true,\n}))")).toEqual({
      ok: false,
      error: { line: 3, column: 3, text: 'expected "," or "}" after the value of origin; found "credentials"' },
    });
  });

  it('points at an unclosed string, its line and column', () => {
    expect(importExpressCors("const corsOptions = {\n  origin: 'http://localhost:8100,\n}")).toEqual({
      ok: false,
      error: { line: 2, column: 11, text: "this string is never closed: it starts with ' and needs a matching ' before the end of the line" },
    });
  });

  it('points at a missing colon and at an unclosed brace', () => {
    expect([importExpressCors("{\n  origin 'http://a.example'\n}"), importExpressCors("cors({\n  origin: ['http://a.example'],\n")]).toEqual([
      { ok: false, error: { line: 2, column: 10, text: `expected ":" after origin; found 'http://a.example'` } },
      { ok: false, error: { line: 1, column: 6, text: 'this "{" is never closed: add "}" after its last entry' } },
    ]);
  });

  it('says what it expected when there is no options object', () => {
    expect(importExpressCors('app.listen(80)')).toEqual({
      ok: false,
      error: { line: 1, column: 1, text: `expected a cors options object, such as { origin: 'https://example.com' }, or a cors({ ... }) call; found "app"` },
    });
  });

  it('gives only policies the control plane accepts', () => {
    const texts = ["{ origin: ['HTTP://A.example', 'null'], methods: 'GET, ,BAD METHOD', maxAge: -5 }", '{ origin: 1, maxAge: 1.5, exposedHeaders: "X-A,X-B" }'];
    const results = texts.map(importExpressCors);
    expect(results.map((r) => r.ok && checkPolicy(r.policy).ok)).toEqual([true, true]);
    expect(results.map((r) => r.ok && [r.policy.allowOrigin, r.policy.originList, r.policy.allowMethods, r.policy.maxAge])).toEqual([
      ['list', ['null'], ['GET'], null],
      ['reflect', [], ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'], null],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, type Policy } from '../policy.ts';
import { expressCors } from './express-cors.ts';
import type { ExportedConfig } from './notes.ts';

const PAGE = 'http://localhost:8100';
const policy = (p: Partial<Policy>): Policy => ({ ...structuredClone(EMPTY_POLICY), ...p });
const CLASSIC = policy({ allowOrigin: 'list', originList: [PAGE], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Custom-Header'], allowCredentials: true, maxAge: 600 });
const noteNames = (c: ExportedConfig) => c.notes.map((n) => `${n.kind}:${n.name}`);
/** The lines inside cors({ ... }). */
const corsOptions = (c: ExportedConfig) => {
  const lines = c.code.split('\n');
  return lines.slice(lines.indexOf('app.use(cors({') + 1, -1);
};

describe('expressCors', () => {
  it('writes the classic policy as cors() options, with the traps and gaps of cors', () => {
    const { code, notes } = expressCors(CLASSIC);
    expect({ code, notes }).toEqual({
      code: `import cors from 'cors';
import express from 'express';

const app = express();

app.use(cors({
  origin: ['http://localhost:8100'],
  methods: ['GET', 'PUT'],
  allowedHeaders: ['X-Custom-Header'],
  credentials: true,
  maxAge: 600,
}));`,
      notes: [
        {
          kind: 'trap',
          name: 'allowed-headers-reflect',
          text:
            'allowedHeaders is load-bearing, even as an empty list: leave it out and cors echoes whatever the preflight asks for ' +
            'in Access-Control-Request-Headers, allowing every header.',
        },
        {
          kind: 'inexact',
          name: 'headers-without-origin',
          text:
            'cors sends its other CORS headers (Allow-Credentials, Allow-Methods, Allow-Headers, Max-Age, Expose-Headers, ' +
            'as configured) even to an origin it refuses and to a request without Origin, only without Access-Control-Allow-Origin; ' +
            'the lab sends none of them. ' +
            'Without Allow-Origin the browser fails the request either way.',
        },
        {
          kind: 'inexact',
          name: 'vary-origin',
          text: 'cors adds Vary: Origin to every answer when origin is a list or true, which the policy does not send; harmless, one more header.',
        },
        {
          kind: 'inexact',
          name: 'plain-options',
          text:
            'cors answers every OPTIONS request as a preflight, with 204, even one without Access-Control-Request-Method, ' +
            'which the lab passes on to the routes.',
        },
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

  it('sends * with credentials as the policy does, adds the Vary cors leaves out, and warns', () => {
    const c = expressCors(policy({ allowOrigin: '*', allowCredentials: true, allowMethods: ['*'], exposeHeaders: ['*'], varyOrigin: true, preflightStatus: 200 }));
    expect([c.code.split('\n').slice(4, 10), corsOptions(c), noteNames(c)]).toEqual([
      [
        '',
        '// Vary: Origin on every answer, as the policy says (cors adds none for a fixed *).',
        'app.use((req, res, next) => {',
        "  res.vary('Origin');",
        '  next();',
        '});',
      ],
      ["  origin: '*',", "  methods: ['*'],", '  allowedHeaders: [],', "  exposedHeaders: ['*'],", '  credentials: true,', '  optionsSuccessStatus: 200,'],
      ['trap:wildcard-with-credentials', 'trap:allowed-headers-reflect', 'inexact:expose-on-preflight', 'inexact:plain-options', 'inexact:node-refuses-method'],
    ]);
  });

  it('installs no cors() when the policy allows no origin', () => {
    const c = expressCors(policy({}));
    expect([c.code, noteNames(c)]).toEqual([
      "import express from 'express';\n\nconst app = express();\n\n// No CORS: the policy allows no origin, so there is no cors() to install.",
      ['inexact:no-cors-preflight'],
    ]);
  });

  it('reflects with origin: true, and passes preflights on with preflightContinue', () => {
    const c = expressCors(policy({ allowOrigin: 'reflect', allowCredentials: true, allowMethods: ['PUT'], exposeHeaders: ['X-Total'], maxAge: 0, varyOrigin: true, preflight: 'routes' }));
    expect([corsOptions(c), noteNames(c)]).toEqual([
      [
        "  origin: true, // echoes the request's Origin",
        "  methods: ['PUT'],",
        '  allowedHeaders: [],',
        "  exposedHeaders: ['X-Total'],",
        '  credentials: true,',
        '  maxAge: 0,',
        '  preflightContinue: true, // OPTIONS goes on to your routes',
      ],
      ['trap:reflect-with-credentials', 'trap:allowed-headers-reflect', 'inexact:headers-without-origin', 'inexact:preflight-routes', 'inexact:node-refuses-method'],
    ]);
  });

  it('in raw mode gives the options for the policy underneath, marked inexact', () => {
    const raw = expressCors({ ...CLASSIC, raw: { ...CLASSIC.raw, enabled: true } });
    expect([raw.code === expressCors(CLASSIC).code, raw.notes[0]?.kind, raw.notes[0]?.name]).toEqual([true, 'inexact', 'raw-mode']);
  });

  it("keeps quotes and backslashes inside the JavaScript string", () => {
    const c = expressCors(policy({ allowOrigin: 'list', originList: ["http://it's.example", 'http://a\\b.example'] }));
    expect(corsOptions(c)[0]).toEqual("  origin: ['http://it\\'s.example', 'http://a\\\\b.example'],");
  });

  it('says that cors sends Expose-Headers on preflights too, and that Node refuses unknown methods once a header is sent', () => {
    const c = expressCors(policy({ allowOrigin: 'list', originList: [PAGE], allowMethods: ['PUT'], exposeHeaders: ['X-Total'], varyOrigin: true }));
    expect(c.notes.find((n) => n.name === 'expose-on-preflight')).toEqual({
      kind: 'inexact',
      name: 'expose-on-preflight',
      text:
        'cors sends Access-Control-Expose-Headers on preflight answers too, where the lab sends it only on actual answers; ' +
        'browsers read it only on the actual answer, so the extra header does nothing.',
    });
    expect([noteNames(expressCors(policy({}))), noteNames(expressCors(policy({ varyOrigin: true })))]).toEqual([
      ['inexact:no-cors-preflight'],
      ['inexact:no-cors-preflight', 'inexact:node-refuses-method'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, type Policy } from '../policy.ts';
import { fastifyCors } from './fastify-cors.ts';
import type { ExportedConfig } from './notes.ts';

const PAGE = 'http://localhost:8100';
const policy = (p: Partial<Policy>): Policy => ({ ...structuredClone(EMPTY_POLICY), ...p });
const CLASSIC = policy({ allowOrigin: 'list', originList: [PAGE], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Custom-Header'], allowCredentials: true, maxAge: 600 });
const noteNames = (c: ExportedConfig) => c.notes.map((n) => `${n.kind}:${n.name}`);
/** The lines inside register(cors, { ... }). */
const pluginOptions = (c: ExportedConfig) => {
  const lines = c.code.split('\n');
  return lines.slice(lines.indexOf('await fastify.register(cors, {') + 1, -1);
};

describe('fastifyCors', () => {
  it('writes the classic policy as @fastify/cors options, with the traps and gaps of the plugin', () => {
    const { code, notes } = fastifyCors(CLASSIC);
    expect({ code, notes }).toEqual({
      code: `import cors from '@fastify/cors';
import Fastify from 'fastify';

const fastify = Fastify();

await fastify.register(cors, {
  origin: ['http://localhost:8100'],
  methods: ['GET', 'PUT'],
  allowedHeaders: ['X-Custom-Header'],
  credentials: true,
  maxAge: 600,
});`,
      notes: [
        {
          kind: 'trap',
          name: 'allowed-headers-reflect',
          text:
            'allowedHeaders is load-bearing, even as an empty list: leave it out and @fastify/cors echoes whatever the preflight ' +
            'asks for in Access-Control-Request-Headers, allowing every header.',
        },
        {
          kind: 'inexact',
          name: 'headers-without-origin',
          text:
            '@fastify/cors sends its other CORS headers (Allow-Credentials, Allow-Methods, Allow-Headers, Max-Age, Expose-Headers, ' +
            'as configured) even to an origin it refuses and to a request without Origin, only without Access-Control-Allow-Origin; ' +
            'the lab sends none of them. ' +
            'Without Allow-Origin the browser fails the request either way.',
        },
        {
          kind: 'inexact',
          name: 'vary-origin',
          text:
            '@fastify/cors adds Vary: Origin to every answer when origin is an array or true, which the policy does not send; ' +
            'harmless, one more header.',
        },
        {
          kind: 'inexact',
          name: 'strict-preflight',
          text:
            'strictPreflight (on by default) answers 400 to an OPTIONS request without Origin or Access-Control-Request-Method; ' +
            'the lab passes one without Access-Control-Request-Method on to the routes and answers one without Origin as a preflight.',
        },
        {
          kind: 'inexact',
          name: 'node-refuses-method',
          text:
            "Node's HTTP parser answers 400 Bad Request, with no CORS headers, to a method it does not know (a custom VIEW, a lowercase patch) " +
            "before Fastify sees the request; the lab answers it with the policy's headers. Browsers send such methods after a preflight that allows them.",
        },
      ],
    });
  });

  it('sends * with credentials without complaint, as the policy does, and adds the Vary the plugin leaves out before it', () => {
    const c = fastifyCors(policy({ allowOrigin: '*', allowCredentials: true, allowMethods: ['*'], allowHeaders: ['*'], varyOrigin: true, preflightStatus: 200 }));
    expect([c.code.split('\n').slice(4, 9), pluginOptions(c), noteNames(c)]).toEqual([
      [
        '',
        '// Vary: Origin on every answer, as the policy says (@fastify/cors adds none for a fixed *).',
        "fastify.addHook('onRequest', async (request, reply) => {",
        "  reply.header('Vary', 'Origin');",
        '});',
      ],
      ["  origin: '*',", "  methods: ['*'],", "  allowedHeaders: ['*'],", '  credentials: true,', '  optionsSuccessStatus: 200,'],
      ['trap:wildcard-with-credentials', 'trap:allowed-headers-reflect', 'inexact:strict-preflight', 'inexact:node-refuses-method'],
    ]);
  });

  it('registers no plugin when the policy allows no origin, and still sends the Vary the policy asks for', () => {
    const c = fastifyCors(policy({ varyOrigin: true, preflight: 'routes' }));
    expect([c.code, noteNames(c)]).toEqual([
      [
        "import Fastify from 'fastify';",
        '',
        'const fastify = Fastify();',
        '',
        '// Vary: Origin on every answer, as the policy says.',
        "fastify.addHook('onRequest', async (request, reply) => {",
        "  reply.header('Vary', 'Origin');",
        '});',
        '',
        '// No CORS: the policy allows no origin, so there is no @fastify/cors to register.',
      ].join('\n'),
      ['inexact:node-refuses-method'],
    ]);
  });

  it('reflects with origin: true and leaves preflights to the routes with preflight: false', () => {
    const c = fastifyCors(policy({ allowOrigin: 'reflect', allowCredentials: true, allowMethods: [], exposeHeaders: ['X-Total'], maxAge: 0, preflight: 'routes' }));
    expect([pluginOptions(c), noteNames(c)]).toEqual([
      [
        "  origin: true, // echoes the request's Origin",
        '  methods: [],',
        '  allowedHeaders: [],',
        "  exposedHeaders: ['X-Total'],",
        '  credentials: true,',
        '  maxAge: 0,',
        '  preflight: false, // OPTIONS goes to your routes, with the actual-answer headers',
      ],
      ['trap:reflect-with-credentials', 'trap:allowed-headers-reflect', 'inexact:headers-without-origin', 'inexact:vary-origin', 'inexact:node-refuses-method'],
    ]);
  });

  it('in raw mode gives the options for the policy underneath, marked inexact', () => {
    const raw = fastifyCors({ ...CLASSIC, raw: { ...CLASSIC.raw, enabled: true } });
    expect([raw.code === fastifyCors(CLASSIC).code, raw.notes[0]?.kind, raw.notes[0]?.name]).toEqual([true, 'inexact', 'raw-mode']);
  });

  it('says when an empty list still goes out, as a header with an empty value, and to a refused origin too', () => {
    expect(noteNames(fastifyCors(policy({ allowOrigin: 'list', originList: [PAGE], allowMethods: ['GET'], varyOrigin: true })))).toEqual([
      'trap:allowed-headers-reflect',
      'inexact:headers-without-origin',
      'inexact:strict-preflight',
      'inexact:empty-list-sent',
      'inexact:node-refuses-method',
    ]);
  });

  it('says what the plugin sends on a preflight that the lab keeps for the actual answer, and what Node refuses', () => {
    const c = fastifyCors(policy({ allowOrigin: '*', allowMethods: ['PUT'], allowHeaders: ['X-Custom-Header'], exposeHeaders: ['X-Total'] }));
    expect(c.notes.filter((n) => n.name === 'expose-on-preflight' || n.name === 'node-refuses-method')).toEqual([
      {
        kind: 'inexact',
        name: 'expose-on-preflight',
        text:
          '@fastify/cors sends Access-Control-Expose-Headers on preflight answers too, where the lab sends it only on actual answers; ' +
          'browsers read it only on the actual answer, so the extra header does nothing.',
      },
      {
        kind: 'inexact',
        name: 'node-refuses-method',
        text:
          "Node's HTTP parser answers 400 Bad Request, with no CORS headers, to a method it does not know (a custom VIEW, a lowercase patch) " +
          "before Fastify sees the request; the lab answers it with the policy's headers. Browsers send such methods after a preflight that allows them.",
      },
    ]);
    expect(noteNames(fastifyCors(policy({})))).toEqual(['inexact:no-cors-preflight']);
  });
});

import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, type Policy } from '../policy.ts';
import { exportConfig, TARGETS } from './export-config.ts';

const PAGE = 'http://localhost:8100';
const policy = (p: Partial<Policy>): Policy => ({ ...structuredClone(EMPTY_POLICY), ...p });
const RAW: Policy['raw'] = {
  enabled: true,
  preflight: { status: 204, headers: { 'Access-Control-Allow-Origin': '$x', Vary: ['Origin', 'Cookie'] }, body: "'\"" },
  actual: { status: 500, headers: {} },
};

/** Every shape a policy takes, one field at a time away from the classic demo's. */
const SHAPES: Policy[] = [
  policy({}),
  policy({ allowOrigin: '*', allowCredentials: true, allowMethods: ['*'], allowHeaders: ['*'], exposeHeaders: ['*'], varyOrigin: true }),
  policy({ allowOrigin: 'list', originList: [PAGE, 'null'], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Custom-Header'], maxAge: 600 }),
  policy({ allowOrigin: 'list', originList: [], preflightStatus: 299 }),
  policy({ allowOrigin: 'reflect', allowCredentials: true, maxAge: 0, preflight: 'routes' }),
  policy({ allowOrigin: 'reflect', exposeHeaders: ["x'y\\z"], varyOrigin: true, preflightStatus: 200 }),
  policy({ varyOrigin: true, preflight: 'routes' }),
  policy({ allowOrigin: '*', raw: RAW }),
];

/** The JavaScript exports as a function body: imports left out, top-level await allowed. */
const AsyncFunction = (async () => undefined).constructor as new (...args: string[]) => unknown;
const compileJs = (code: string) => new AsyncFunction(code.replace(/^import .*$/gm, ''));

describe('exportConfig', () => {
  it('offers six targets with distinct ids', () => {
    expect(TARGETS.map((t) => t.id)).toEqual(['express-cors', 'express-manual', 'fastify-cors', 'django-cors-headers', 'flask-cors', 'nginx']);
  });

  it('answers every target for every policy shape, in its language, with distinct note names and no placeholder left', () => {
    for (const target of TARGETS) {
      for (const p of SHAPES) {
        const c = exportConfig(p, target.id);
        const names = c.notes.map((n) => n.name);
        expect([c.target, c.language, new Set(names).size, /\u0000/.test(c.code), c.code.length > 0]).toEqual([target.id, target.language, names.length, false, true]);
        if (c.language === 'javascript') expect(() => compileJs(c.code)).not.toThrow();
      }
    }
  });

  it('marks raw mode inexact for the library targets, and sends it exactly by hand and in nginx', () => {
    const rawNoted = TARGETS.filter((t) => exportConfig(SHAPES[7]!, t.id).notes.some((n) => n.name === 'raw-mode' && n.kind === 'inexact')).map((t) => t.id);
    expect(rawNoted).toEqual(['express-cors', 'fastify-cors', 'django-cors-headers', 'flask-cors']);
  });

  it('warns about reflecting any origin with credentials on every target', () => {
    const warned = TARGETS.filter((t) => exportConfig(SHAPES[4]!, t.id).notes.some((n) => n.name === 'reflect-with-credentials' && n.kind === 'trap'));
    expect(warned).toEqual(TARGETS);
  });
});

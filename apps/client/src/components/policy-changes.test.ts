import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, importDjangoSettings, type Policy } from '@cors-lab/shared';
import { translator } from '../i18n/translate.ts';
import { fakeLab } from '../store/fake-lab.ts';
import { importedPolicy, policyChanges } from './policy-changes.ts';

const CLASSIC = `CORS_ALLOW_CREDENTIALS = True
CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = ('http://localhost:8100',)
CORS_ALLOW_METHODS = ('GET', 'PUT', 'VIEW')
CORS_ALLOW_HEADERS = ('x-csrftoken',)`;

function imported(text: string): Policy {
  const result = importDjangoSettings(text);
  if (!result.ok) throw new Error(result.error.text);
  return result.policy;
}

const LISTED: Policy = { ...EMPTY_POLICY, allowOrigin: 'list', originList: ['http://localhost:8100'], allowMethods: ['PUT', 'DELETE'], allowHeaders: ['X-CSRFToken', 'X-Custom-Header'] };

describe('policy changes', () => {
  it('finds nothing between a policy and itself', () => {
    expect(policyChanges(LISTED, { ...LISTED })).toEqual([]);
  });

  it('lists every changed field in the editor order, in its words', () => {
    expect(policyChanges(EMPTY_POLICY, imported(CLASSIC))).toEqual([
      { field: 'Access-Control-Allow-Origin', before: 'none: no header', after: "the request's Origin, if in the list", added: [], removed: [] },
      { field: 'Allowed origins', before: '(none)', after: 'http://localhost:8100', added: ['http://localhost:8100'], removed: [] },
      { field: 'Access-Control-Allow-Methods', before: '(none)', after: 'GET, PUT, VIEW', added: ['GET', 'PUT', 'VIEW'], removed: [] },
      { field: 'Access-Control-Allow-Headers', before: '(none)', after: 'x-csrftoken', added: ['x-csrftoken'], removed: [] },
      { field: 'Access-Control-Allow-Credentials', before: 'not sent', after: 'true', added: [], removed: [] },
      { field: 'Access-Control-Max-Age', before: 'not sent', after: '86400', added: [], removed: [] },
      { field: 'Vary: Origin', before: 'not sent', after: 'sent', added: [], removed: [] },
      { field: 'Preflight status', before: '204', after: '200', added: [], removed: [] },
    ]);
  });

  it('compares header names without case, methods with it', () => {
    const after: Policy = { ...LISTED, allowMethods: ['put', 'DELETE'], allowHeaders: ['x-csrftoken'] };
    expect(policyChanges(LISTED, after)).toEqual([
      { field: 'Access-Control-Allow-Methods', before: 'PUT, DELETE', after: 'put, DELETE', added: ['put'], removed: ['PUT'] },
      { field: 'Access-Control-Allow-Headers', before: 'X-CSRFToken, X-Custom-Header', after: 'x-csrftoken', added: [], removed: ['X-Custom-Header'] },
    ]);
  });

  it('names raw answers that differ', () => {
    const after: Policy = { ...EMPTY_POLICY, raw: { ...EMPTY_POLICY.raw, actual: { status: 500, headers: { Vary: ['Origin', 'Cookie'] } } } };
    expect(policyChanges(EMPTY_POLICY, after)).toEqual([{ field: 'Raw actual answer', before: '200', after: '500; Vary: Origin, Cookie', added: [], removed: [] }]);
  });

  it("speaks the page's language; header names stay as they are", () => {
    const after: Policy = { ...EMPTY_POLICY, allowOrigin: 'list', originList: ['http://localhost:8100'], varyOrigin: true };
    expect(policyChanges(EMPTY_POLICY, after, translator('zh-CN'))).toEqual([
      { field: 'Access-Control-Allow-Origin', before: '无：不发送该响应头', after: '请求的 Origin（若在列表中）', added: [], removed: [] },
      { field: '允许的源', before: '（无）', after: 'http://localhost:8100', added: ['http://localhost:8100'], removed: [] },
      { field: 'Vary: Origin', before: '不发送', after: '发送', added: [], removed: [] },
    ]);
  });
});

describe('applying an import', () => {
  it("turns raw mode off but keeps the learner's raw answers", () => {
    const raw = { enabled: true, preflight: { status: 204, headers: { 'Access-Control-Allow-Origin': 'null' } }, actual: { status: 418, headers: {} } };
    const current: Policy = { ...EMPTY_POLICY, raw };
    const next = importedPolicy(current, imported(CLASSIC));
    expect({ raw: next.raw, changes: policyChanges(current, next).map((c) => c.field).slice(0, 2) }).toEqual({
      raw: { ...raw, enabled: false },
      changes: ['Raw mode', 'Access-Control-Allow-Origin'],
    });
  });

  it("goes through the editor's path: server02 gets it, and nothing is left to change", async () => {
    const { store, lab } = fakeLab();
    await store.getState().loadPolicy();
    const policy = imported(CLASSIC);
    store.getState().editPolicy((p) => importedPolicy(p, policy));
    const flushed = await store.getState().flushPolicy();
    expect({ flushed, server: lab.policy, left: policyChanges(store.getState().policy, importedPolicy(store.getState().policy, policy)) }).toEqual({
      flushed: true,
      server: policy,
      left: [],
    });
  });
});

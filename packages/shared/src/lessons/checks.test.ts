import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, type Policy } from '../policy.ts';
import { all, hostOf, leastPermissive, onlyHeaders, onlyMethods, pathOf, sent } from './checks.ts';
import type { Evidence, SendEvidence } from './types.ts';

const PAGE = 'http://localhost:8100';
const hint = (en: string) => ({ en, 'zh-CN': en });

function send(tone: SendEvidence['tone'], policy: Partial<Policy> = {}): SendEvidence {
  return {
    number: 1,
    request: { api: 'fetch', method: 'GET', url: 'http://localhost:8000/getData.html', headers: [], body: '', credentials: 'same-origin' },
    pageOrigin: PAGE,
    result: tone === 'allowed' ? { kind: 'response', status: 200, body: 'server----001', headers: [] } : { kind: 'error', message: 'TypeError' },
    tone,
    preflight: null,
    actual: null,
    preflightFromCache: false,
    failure: null,
    policy: { ...EMPTY_POLICY, ...policy },
  };
}

const evidence = (...sends: SendEvidence[]): Evidence => ({ sends, policy: EMPTY_POLICY, pageOrigin: PAGE });

describe('lesson checks', () => {
  it('sent passes on a matching send and gives its hint otherwise', () => {
    const check = sent(hint('send a blocked request'), (s) => s.tone === 'blocked');
    expect(check(evidence(send('allowed'), send('blocked')))).toEqual({ passed: true });
    expect(check(evidence(send('allowed')))).toEqual({ passed: false, hint: hint('send a blocked request') });
  });

  it('all gives the first failing hint', () => {
    const check = all(sent(hint('a'), () => true), sent(hint('b'), () => false), sent(hint('c'), () => false));
    expect(check(evidence(send('allowed')))).toEqual({ passed: false, hint: hint('b') });
  });

  it('a challenge refuses a send that worked under a looser policy than needed, and says so', () => {
    const check = leastPermissive(
      { todo: hint('make it work'), tooLoose: hint('too loose') },
      (s) => s.tone === 'allowed',
      (p) => p.allowOrigin === 'list' && p.originList.length === 1,
    );
    expect(check(evidence(send('blocked')))).toEqual({ passed: false, hint: hint('make it work') });
    expect(check(evidence(send('allowed', { allowOrigin: '*' })))).toEqual({ passed: false, hint: hint('too loose') });
    expect(check(evidence(send('allowed', { allowOrigin: '*' }), send('allowed', { allowOrigin: 'list', originList: [PAGE] })))).toEqual({ passed: true });
  });

  it('reads paths without the lab prefix, and host names without ports', () => {
    expect(pathOf('http://localhost:8000/l/AbCdEfGhIjKlMnOpQrStUv/getData.html?x=1')).toBe('/getData.html');
    expect(pathOf('/getData.html#x')).toBe('/getData.html');
    expect(hostOf('http://127.0.0.1:8000/x')).toBe('127.0.0.1');
    expect(hostOf('http://[::1]:8000/')).toBe('[::1]');
  });

  it('onlyMethods and onlyHeaders refuse * and extras', () => {
    const p = (x: Partial<Policy>) => ({ ...EMPTY_POLICY, ...x });
    expect([onlyMethods(p({ allowMethods: ['PUT'] }), ['PUT']), onlyMethods(p({ allowMethods: ['*'] }), ['PUT']), onlyMethods(p({ allowMethods: ['PUT', 'DELETE'] }), ['PUT'])]).toEqual([true, false, false]);
    expect([onlyHeaders(p({ allowHeaders: ['x-custom-header'] }), ['X-Custom-Header']), onlyHeaders(p({ allowHeaders: ['*'] }), ['X-Custom-Header'])]).toEqual([true, false]);
  });
});

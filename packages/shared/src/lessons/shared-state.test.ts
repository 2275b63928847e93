import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY } from '../policy.ts';
import { parseSharedState, stateFromHash, stateToHash, type SharedState } from './shared-state.ts';

const STATE: SharedState = {
  v: 1,
  lang: 'zh-CN',
  lesson: { id: 'classic-demo', step: 1 },
  request: { api: 'xhr', method: 'PUT', url: '{server01}/getData.html', headers: [{ name: 'X-Custom-Header', value: '1' }], body: 'a&b=c#d', credentials: 'include' },
  policy: { ...EMPTY_POLICY, allowOrigin: 'list', originList: ['http://localhost:8100'] },
};

describe('the lab state in a link', () => {
  it('round-trips through the URL hash, whatever the body holds', () => {
    expect(stateFromHash(`#${stateToHash(STATE)}`)).toEqual({ ok: true, state: STATE });
  });

  it('keeps the script-tag sender (JSONP, lesson 13) and refuses an unknown one', () => {
    const script: SharedState = { ...STATE, request: { ...STATE.request!, api: 'script', url: '{server01}/data.jsonp?callback=?' } };
    expect(stateFromHash(`#${stateToHash(script)}`)).toEqual({ ok: true, state: script });
    expect(parseSharedState({ ...script, request: { ...script.request, api: 'iframe' } })).toEqual({ ok: false, error: '/request/api: Expected union value' });
  });

  it('is absent from a URL without it', () => {
    expect(stateFromHash('#section-2')).toBeNull();
    expect(stateFromHash('')).toBeNull();
  });

  it('refuses a policy the control plane would refuse, naming the field', () => {
    const bad = { ...STATE, policy: { ...EMPTY_POLICY, originList: ['http://evil.example/'] } };
    const parsed = parseSharedState(JSON.parse(JSON.stringify(bad)));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/^policy: originList\[0\] must be a serialized origin/);
  });

  it('refuses unknown fields and wrong versions', () => {
    expect(parseSharedState({ v: 2 }).ok).toBe(false);
    expect(parseSharedState({ v: 1, labId: 'x' }).ok).toBe(false);
    expect(stateFromHash('#state=%7Bnot json')).toEqual({ ok: false, error: "the link's state is not valid JSON" });
  });
});

/**
 * The explainer and the exporters in 简体中文: every reason, failure, headline
 * and note a learner reads has its Chinese, with the same facts as the English
 * and no English sentence left in it.
 */
/* eslint-disable no-restricted-imports -- only the test reads the Chromium examples; the code it checks stays pure */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
/* eslint-enable no-restricted-imports */
import { describe, expect, it } from 'vitest';
import { explain, explainIn } from './explainer/explain.ts';
import type { Scenario } from './explainer/scenario.ts';
import { exportConfig, TARGETS } from './frameworks/export-config.ts';
import { EMPTY_POLICY, type Policy } from './policy.ts';
import { joinSaid, said } from './said.ts';
import { sendVerdict, type SendObservation } from './send-verdict.ts';
import { sequenceOf } from './devtools/sequence.ts';
import type { ServerRecord } from './wire.ts';

/** Words that only an English sentence has; header names, methods and values never contain them as words. */
const ENGLISH = /\b(the|is|are|and|not|to|of|with|without|but|so|its|it|because|never|only|sends?|answers?)\b/i;
/** What is left once code-like spans (header names, ids, quoted values) are cut out. */
const prose = (text: string) => text.replace(/"[^"]*"/g, ' ').replace(/\b[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+\b/g, ' ');
const CJK = /[\u4e00-\u9fff]/;

const examples = JSON.parse(readFileSync(fileURLToPath(new URL('../../../fixtures/cors-examples.json', import.meta.url)), 'utf8')) as Scenario[];

describe('said', () => {
  it('joins English sentences with a space and Chinese ones with nothing, leaving out empty English', () => {
    expect(joinSaid([said('One.', '一。'), said('', ''), said('Two.', '二。')])).toEqual({ en: 'One. Two.', 'zh-CN': '一。二。' });
  });
});

describe('the explainer in 简体中文', () => {
  it('reaches the same verdict as in English on every Chromium example, its reason in Chinese', () => {
    for (const s of examples) {
      const { reason: en, ...fields } = explain(s);
      const { reason: zh, ...zhFields } = explainIn(s, 'zh-CN');
      expect(zhFields, s.id).toEqual(fields);
      expect(zh, s.id).not.toBe(en);
      expect(zh, s.id).toMatch(CJK);
    }
  });

  it('leaves no English sentence in a reason, outside the Chromium notes quoted from the standard', () => {
    const left = examples.map((s) => [s.id, prose(explainIn(s, 'zh-CN').reason)] as const).filter(([, text]) => ENGLISH.test(text));
    expect(left).toEqual([]);
  });
});

const PAGE = 'http://localhost:8100';
const put: SendObservation = {
  id: 's1', pageOrigin: PAGE, startedAt: 0,
  request: { api: 'fetch', method: 'PUT', url: 'http://localhost:8000/getData.html', headers: [], body: '', credentials: 'same-origin' },
  result: { kind: 'error', message: 'Failed to fetch' },
};
const record = (kind: 'preflight' | 'actual', status: number, headers: [string, string][]): ServerRecord =>
  ({
    kind, sendId: 's1', receivedAt: 0, respondedAt: 1, answeredBy: 'policy', parser: 'node',
    request: { method: kind === 'preflight' ? 'OPTIONS' : 'PUT', url: '/getData.html', httpVersion: '1.1', headers: [], body: '', bodyBytes: 0 },
    response: { status, headers, body: '' },
  }) as unknown as ServerRecord;

describe('a send in 简体中文', () => {
  it('says where the browser stopped, and why, in Chinese: verdict, failure and sequence', () => {
    const preflight = record('preflight', 204, [['Access-Control-Allow-Origin', '*']]);
    const v = sendVerdict(put, [preflight], 'zh-CN');
    expect([v.tone, v.headline, v.failure?.code, v.detail, v.failure?.fix]).toEqual([
      'blocked',
      '在预检处被拦截：浏览器根本没有发送 PUT',
      'method-not-allowed',
      'PUT 需要被允许，但预检的应答里没有 Access-Control-Allow-Methods。',
      '在预检的应答中把 PUT 加进 Access-Control-Allow-Methods。',
    ]);
    const sequence = sequenceOf(put, [preflight], v, 'zh-CN');
    expect(sequence.messages.map((m) => m.label)).toEqual([
      'fetch PUT /getData.html',
      'OPTIONS /getData.html（预检）',
      '204 No Content',
      '被拦截：方法不在 Access-Control-Allow-Methods 中',
      '网络错误：Failed to fetch',
    ]);
    expect(sequence.lifelines.map((l) => l.label)).toEqual(['页面（脚本）', '浏览器', 'server01']);
  });
});

const policy = (p: Partial<Policy>): Policy => ({ ...structuredClone(EMPTY_POLICY), ...p });
const SHAPES: Policy[] = [
  policy({}),
  policy({ allowOrigin: '*', allowCredentials: true, allowMethods: ['*'], allowHeaders: ['*'], exposeHeaders: ['*'], varyOrigin: true }),
  policy({ allowOrigin: 'list', originList: [PAGE], allowMethods: ['GET', 'PUT'], allowHeaders: [], maxAge: 0, exposeHeaders: ['ETag'], allowCredentials: true }),
  policy({ allowOrigin: 'reflect', allowCredentials: true, maxAge: 0, preflight: 'routes' }),
  policy({ allowOrigin: '*', raw: { enabled: true, preflight: { status: 302, headers: { 'Access-Control-Allow-Origin': '*' }, body: '' }, actual: { status: 500, headers: { A: '1' } } } }),
];

describe('the export notes in 简体中文', () => {
  it('are the same notes as in English, each in Chinese, with the same code', () => {
    for (const p of SHAPES) {
      for (const { id } of TARGETS) {
        const en = exportConfig(p, id);
        const zh = exportConfig(p, id, 'zh-CN');
        expect(zh.code).toBe(en.code);
        expect(zh.notes.map((n) => [n.kind, n.name])).toEqual(en.notes.map((n) => [n.kind, n.name]));
        expect(zh.notes.filter((n) => !CJK.test(n.text) || ENGLISH.test(prose(n.text))).map((n) => `${id}: ${n.text}`)).toEqual([]);
      }
    }
  });
});

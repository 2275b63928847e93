import { describe, expect, it } from 'vitest';
import { LANGS } from './language.ts';
import { en } from './messages-en.ts';
import { interpolate, MESSAGES, PLACEHOLDER, translator } from './translate.ts';

/** The set of names a text fills: a translation may use one twice where its grammar wants it. */
const placeholders = (text: string) => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();

describe.each(LANGS.filter((l) => l !== 'en'))('%s messages', (lang) => {
  const messages: Record<string, string> = MESSAGES[lang];

  it('has exactly the English keys', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
  });

  it('translates every message: none empty', () => {
    expect(Object.entries(messages).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it("keeps each message's placeholders, no more and no fewer", () => {
    const differ = Object.entries(en)
      .filter(([key, text]) => placeholders(text).join() !== placeholders(messages[key] ?? '').join())
      .map(([key]) => key);
    expect(differ).toEqual([]);
  });
});

describe('interpolate', () => {
  it('fills every occurrence of each placeholder, and leaves one without a value as written', () => {
    expect(interpolate('{a} and {a}, {b}; {missing}', { a: 1, b: 'two' })).toBe('1 and 1, two; {missing}');
  });

  it('returns a message without placeholders unchanged', () => {
    expect([translator('en')('request.send'), translator('zh-CN')('request.send')]).toEqual(['Send', '发送']);
  });

  it('fills the placeholders of a looked-up message in each language', () => {
    expect(LANGS.map((lang) => translator(lang)('timeline.entry', { number: 3 }))).toEqual(['Send 3', '第 3 次发送']);
  });
});

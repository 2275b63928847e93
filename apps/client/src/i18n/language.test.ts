import { describe, expect, it } from 'vitest';
import { detectLanguage, localized } from './language.ts';

describe('detectLanguage', () => {
  it('follows a stored choice over the browser', () => {
    expect([detectLanguage(['zh-CN'], 'en'), detectLanguage(['en-US'], 'zh-CN')]).toEqual(['en', 'zh-CN']);
  });

  it('ignores a stored value that is not one of the languages', () => {
    expect([detectLanguage(['zh-CN'], 'fr'), detectLanguage(['en-US'], ''), detectLanguage(['zh'], null)]).toEqual(['zh-CN', 'en', 'zh-CN']);
  });

  it('gives Simplified Chinese for any zh tag, English for any en tag, whatever their case and region', () => {
    const tags = ['zh', 'zh-CN', 'zh-TW', 'zh-Hans-SG', 'ZH-hk', 'en', 'en-US', 'en-GB'];
    expect(tags.map((tag) => detectLanguage([tag], null))).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'en', 'en', 'en']);
  });

  it('takes the first of the browser languages the lab has', () => {
    expect([
      detectLanguage(['en-US', 'zh-CN'], null),
      detectLanguage(['zh-CN', 'en-US'], null),
      detectLanguage(['ja', 'zh-CN', 'en'], null),
      detectLanguage(['fr', 'en', 'zh'], null),
    ]).toEqual(['en', 'zh-CN', 'zh-CN', 'en']);
  });

  it('falls back to English when no browser language is one the lab has', () => {
    expect([detectLanguage([], null), detectLanguage(['fr-FR', 'de'], null), detectLanguage(['zhx'], null)]).toEqual(['en', 'en', 'en']);
  });
});

describe('localized', () => {
  it("picks the language's text, and English where a translation is empty", () => {
    const both = { en: 'Preflight', 'zh-CN': '预检请求' };
    expect([localized(both, 'en'), localized(both, 'zh-CN'), localized({ en: 'Only English', 'zh-CN': '' }, 'zh-CN')]).toEqual([
      'Preflight',
      '预检请求',
      'Only English',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { LANG_STORAGE_KEY, type Lang } from './language.ts';
import { createLanguageStore, type LanguageDeps } from './language-store.ts';

function setup(languages: readonly string[], stored: Record<string, string> = {}, storage: LanguageDeps['storage'] | 'default' = 'default') {
  const saved = { ...stored };
  const applied: Lang[] = [];
  const store = createLanguageStore({
    languages,
    storage: storage === 'default' ? { getItem: (k) => saved[k] ?? null, setItem: (k, v) => void (saved[k] = v) } : storage,
    apply: (lang) => void applied.push(lang),
  });
  return { store, saved, applied };
}

describe('language store', () => {
  it("starts in the browser's language, shows it, and stores nothing until the learner chooses", () => {
    const { store, saved, applied } = setup(['zh-CN', 'en']);
    expect({ lang: store.getState().lang, saved, applied }).toEqual({ lang: 'zh-CN', saved: {}, applied: ['zh-CN'] });
  });

  it('switches, shows and remembers a choice', () => {
    const { store, saved, applied } = setup(['zh-CN']);
    store.getState().setLanguage('en');
    expect({ lang: store.getState().lang, saved, applied }).toEqual({ lang: 'en', saved: { [LANG_STORAGE_KEY]: 'en' }, applied: ['zh-CN', 'en'] });
  });

  it('starts in a remembered choice', () => {
    expect(setup(['en-US'], { [LANG_STORAGE_KEY]: 'zh-CN' }).store.getState().lang).toBe('zh-CN');
  });

  it('still switches when storage is missing or throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const stores = [setup(['zh-CN'], {}, null).store, setup(['zh-CN'], {}, throwing).store];
    for (const store of stores) store.getState().setLanguage('en');
    expect(stores.map((s) => s.getState().lang)).toEqual(['en', 'en']);
  });
});

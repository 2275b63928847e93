/** The lab's two languages, which one a visitor starts in, and picking a content object's text in one. */
import type { Lang, Text } from '@cors-lab/shared';

/** `'en' | 'zh-CN'`, defined once in shared beside the lessons that carry both. */
export type { Lang };

export const LANGS = ['en', 'zh-CN'] as const satisfies readonly Lang[];

/** Each language's name in itself, as a switcher shows it. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', 'zh-CN': '简体中文' };

/** Where the learner's own choice is kept; only an explicit choice is stored, so the browser's language keeps deciding otherwise. */
export const LANG_STORAGE_KEY = 'cors-lab.lang';

/** A text carried in both languages, `{ en, 'zh-CN' }`, as lessons carry theirs (shared's `Text`). */
export type Localized = Text;

export const isLang = (value: unknown): value is Lang => LANGS.includes(value as Lang);

/**
 * The stored choice wins. Else the browser's languages, in its preference
 * order, are read until one the lab has: any `zh…` tag gives Simplified
 * Chinese (the only Chinese here), any `en…` tag English; with neither, English.
 */
export function detectLanguage(navigatorLanguages: readonly string[], stored: string | null): Lang {
  if (isLang(stored)) return stored;
  for (const tag of navigatorLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** A content object's text in `lang`; its English when that translation is empty. */
export function localized(value: Localized, lang: Lang): string {
  return value[lang] === '' ? value.en : value[lang];
}

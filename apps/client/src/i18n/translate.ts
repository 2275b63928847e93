/** Looking a message up in one language and filling its `{name}` placeholders. */
import type { Lang } from './language.ts';
import { en, type MessageKey, type Messages } from './messages-en.ts';
import { zhCN } from './messages-zh-CN.ts';

export type Params = Readonly<Record<string, string | number>>;
/** `t('timeline.entry', { number: 3 })`: the message for the current language, placeholders filled. */
export type T = (key: MessageKey, params?: Params) => string;

export const MESSAGES: Readonly<Record<Lang, Messages>> = { en, 'zh-CN': zhCN };

/** `{name}`: letters, digits and underscores between braces. */
export const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * The template cut at its placeholders, each filled from `params`; a
 * placeholder without a value stays as written, so a missing one shows.
 * Generic, so a component can fill placeholders with elements (see Trans).
 */
export function fillParts<P>(template: string, params: Readonly<Record<string, P>>): (string | P)[] {
  const parts: (string | P)[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const value = params[m[1]!];
    if (value === undefined) continue;
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push(value);
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

export const interpolate = (template: string, params: Params = {}): string => fillParts(template, params).join('');

/** Built once per language, so a component's `t` keeps its identity while the language does. */
const TRANSLATORS: Readonly<Record<Lang, T>> = {
  en: (key, params) => interpolate(en[key], params),
  'zh-CN': (key, params) => interpolate(zhCN[key], params),
};

export const translator = (lang: Lang): T => TRANSLATORS[lang];

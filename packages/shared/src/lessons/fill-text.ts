/** Fills a lesson text's placeholders for this learner: `{host}` is the host name the page was opened with. */
import type { Lang, Text } from './types.ts';

export function fillText(text: Text, lang: Lang, vars: Readonly<Record<string, string>>): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

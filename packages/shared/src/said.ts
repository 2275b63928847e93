/**
 * The explainer's words in both of the lab's languages, as lessons carry
 * theirs: each reason is written once per language beside its logic, so the
 * English (which the CLI and the replay print) and the Chinese never drift.
 */
import type { Text } from './lessons/types.ts';

/** One sentence (or phrase) in English and in Simplified Chinese. */
export const said = (en: string, zh: string): Text => ({ en, 'zh-CN': zh });

/** Sentences in a row: a space between English ones; none between Chinese ones, which end in 。 */
export function joinSaid(parts: readonly Text[]): Text {
  return { en: parts.map((p) => p.en).filter((p) => p !== '').join(' '), 'zh-CN': parts.map((p) => p['zh-CN']).join('') };
}

/** A list in running text: `a, b` / `a、b`. */
export function listSaid(items: readonly string[]): Text {
  return { en: items.join(', '), 'zh-CN': items.join('、') };
}

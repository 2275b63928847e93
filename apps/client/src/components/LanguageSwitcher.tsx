/** The top bar's language choice; its label is in both languages, so a learner stuck in the wrong one still finds it. */
import { useId } from 'react';
import { isLang, LANG_NAMES, LANGS } from '../i18n/language.ts';
import { setLanguage, useLang } from '../i18n/use-t.ts';

export function LanguageSwitcher() {
  const lang = useLang();
  const id = useId();
  return (
    <span className="language">
      {/* Each half marked with its language, so a screen reader says both right: "Language / 语言". */}
      <label htmlFor={id}>
        <span lang="en">Language</span> / <span lang="zh-CN">语言</span>
      </label>{' '}
      <select id={id} value={lang} onChange={(e) => isLang(e.target.value) && setLanguage(e.target.value)}>
        {LANGS.map((l) => (
          // Each name in its own language, and marked so, so a screen reader says it right.
          <option key={l} value={l} lang={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}

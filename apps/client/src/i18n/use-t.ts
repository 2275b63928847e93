/** The page's one language store, wired to the browser, and the hooks components translate with. */
import { useStore } from 'zustand';
import type { Lang } from './language.ts';
import { createLanguageStore } from './language-store.ts';
import { translator, type T } from './translate.ts';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Reading localStorage itself throws where the browser blocks site data.
    return null;
  }
}

export const languageStore = createLanguageStore({
  languages: navigator.languages.length > 0 ? navigator.languages : [navigator.language],
  storage: browserStorage(),
  apply: (lang) => {
    document.documentElement.lang = lang;
    document.title = translator(lang)('app.title');
  },
});

/** The current language, for content that carries its own translations: `localized(lesson.title, useLang())`. */
export const useLang = (): Lang => useStore(languageStore, (s) => s.lang);

/** `const t = useT(); t('request.send')`: re-renders the component when the language changes. */
export const useT = (): T => translator(useLang());

/** Switches the page's language and remembers the choice. */
export const setLanguage = (lang: Lang): void => languageStore.getState().setLanguage(lang);

/** The page's language: detected once, switched by the learner, remembered only when chosen. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { detectLanguage, LANG_STORAGE_KEY, type Lang } from './language.ts';

export interface LanguageDeps {
  /** navigator.languages, in the browser's preference order. */
  readonly languages: readonly string[];
  /** localStorage, or null where the browser refuses it (storage blocked). */
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Shows the language on the document (`<html lang>`, the title); runs at creation and on each switch. */
  readonly apply: (lang: Lang) => void;
}

export interface LanguageState {
  readonly lang: Lang;
  /** The learner's choice: shown at once and stored under `cors-lab.lang`. */
  setLanguage: (lang: Lang) => void;
}

/** Storage can throw (quota, a privacy mode); the choice then lasts for this page only. */
function attempt<R>(f: () => R): R | null {
  try {
    return f();
  } catch {
    return null;
  }
}

export function createLanguageStore(deps: LanguageDeps): StoreApi<LanguageState> {
  const stored = attempt(() => deps.storage?.getItem(LANG_STORAGE_KEY) ?? null);
  const store = createStore<LanguageState>()((set) => ({
    lang: detectLanguage(deps.languages, stored),
    setLanguage: (lang) => {
      attempt(() => deps.storage?.setItem(LANG_STORAGE_KEY, lang));
      set({ lang });
      deps.apply(lang);
    },
  }));
  deps.apply(store.getState().lang);
  return store;
}

/** Sets the page's language for a restored state, as the language switcher does (and remembered). */
export { setLanguage as setPageLanguage } from '../i18n/use-t.ts';

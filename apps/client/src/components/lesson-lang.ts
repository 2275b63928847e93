/** The language lesson texts are shown in: the page's, as the language switcher sets it. */
export { useLang as useLessonLang } from '../i18n/use-t.ts';

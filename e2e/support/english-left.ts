/**
 * English left in a page that should be in Chinese: every visible text, and
 * every name a screen reader reads (aria-label, title, placeholder, alt), minus
 * what reads the same in every language: code, header tables, protocol words
 * (header names, methods, URLs, status lines), product names. What is left and
 * still has a Latin word is a leftover, reported with the text it sits in.
 */
import type { Page } from '@playwright/test';

/** Words a Chinese page may show as they are: the protocol's and the products' own names. */
export const SAME_IN_EVERY_LANGUAGE = [
  // Protocol and standards
  'CORS', 'HTTP', 'HTTPS', 'http', 'https', 'URL', 'Origin', 'Vary', 'ETag', 'SameSite', 'Lax', 'Strict', 'None', 'Cookie', 'JSON',
  'JSONP', 'API', 'HAR', 'ISO', 'NUL', 'CR', 'LF', 'token', 'Fetch', 'fetch', 'XHR', 'XMLHttpRequest', 'withCredentials', 'credentials',
  'TypeError', 'no-cors', 'no-store', 'OK', 'true', 'false', 'null', 'localhost', 'ms',
  // XMLHttpRequest's attribute, as lessons name it ("status 为 0")
  'status',
  // Methods, as typed and as sent
  'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'VIEW', 'TRACE', 'CONNECT', 'patch', 'put',
  // fetch's credentials modes, as the select offers them
  'omit', 'include',
  // The lab's parts and the tools it names
  'server01', 'server02', 'curl', 'DevTools', 'Network', 'Import', 'Chromium', 'Chrome', 'Firefox', 'Safari', 'Node',
  'Express', 'cors', 'Django', 'Flask', 'nginx', 'Fastify', 'GitHub', 'Azure', 'Amazon', 'Ctrl', 'Cmd', 'Enter',
  // A header value's scheme, a lesson's header, and HTML element names lessons talk about
  'Bearer', 'FooBar', 'iframe', 'script',
];

/** Header names of one word, in any case: a list of request headers shows them lowercase. */
const ONE_WORD_HEADERS = new Set(['accept', 'authorization', 'cookie', 'etag', 'location', 'origin', 'range', 'vary', 'allow', 'expires', 'date']);

/** Spans that are code or protocol by their form, cut out before words are looked at. */
const PROTOCOL_FORMS: readonly RegExp[] = [
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s，。；）)]*/gi, // URLs
  /\b[1-5]\d\d(?: [A-Z][A-Za-z-]*)+/g, // status lines: 204 No Content
  /(?:^|[\s（(])\/[^\s，。；）)]*/g, // paths: /getData.html?x
  /\b[a-z]+\/[a-z0-9.+-]+/g, // media types: application/json, application/x-www-form-urlencoded
  /\b[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+\b/g, // header names and ids: Access-Control-Allow-Origin, x-csrftoken, same-origin
  /\b[\w-]+\.(?:html|json|js|py|conf|har)\b/g, // file names
  /\b[a-z]+[A-Z]\w*\b/g, // identifiers: maxAge, withCredentials
  /<script>/g,
  /\b(?:TypeError|NetworkError): .*$/g, // the error the script got, in the browser's own words (Failed to fetch)
];

export interface Leftover {
  readonly word: string;
  readonly text: string;
}

/** English words outside code and protocol in the page as it is now, each with the text it was found in. */
export async function englishLeft(page: Page): Promise<Leftover[]> {
  const texts = await page.evaluate(() => {
    const CODE = 'code, pre, kbd, samp, script, style, .headers-table, [data-testid="script-error"], [data-testid="curl-command"]';
    /** Not code, not marked as another language (the switcher's "English"), and shown. */
    const counts = (el: Element | null): el is Element => {
      if (el === null || el.closest(CODE) !== null) return false;
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
      if (!lang.startsWith('zh')) return false;
      if (el instanceof HTMLOptionElement) return el.parentElement?.closest('select')?.checkVisibility() ?? false;
      return el.checkVisibility();
    };
    const out: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      if (text !== '' && counts(n.parentElement)) out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))) {
      if (!counts(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        // A placeholder of several lines is an example of code (the import editor's).
        if (value !== null && !(name === 'placeholder' && value.includes('\n'))) out.push(value);
      }
    }
    return out;
  });
  const allowed = new Set(SAME_IN_EVERY_LANGUAGE);
  const left: Leftover[] = [];
  for (const text of new Set(texts)) {
    const prose = PROTOCOL_FORMS.reduce((s, form) => s.replace(form, ' '), text);
    // A word with a digit is a name or a value (server01, token123), never prose.
    for (const word of prose.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) {
      if (word.length > 1 && !/\d/.test(word) && !allowed.has(word) && !ONE_WORD_HEADERS.has(word.toLowerCase())) left.push({ word, text });
    }
  }
  return left;
}

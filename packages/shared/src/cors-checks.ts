/**
 * The browser's checks on server01's answers, as Fetch defines them.
 * Each failure is a member of a closed catalogue with its words and its link.
 */
import type { HeaderLine } from './policy-answer.ts';
import { isCorsSafelistedMethod } from './http-syntax.ts';
import type { Lang, Text } from './lessons/types.ts';
import { said } from './said.ts';

const SPEC = 'https://fetch.spec.whatwg.org/';

export const FAILURES = {
  'no-allow-origin': { spec: `${SPEC}#cors-check`, title: 'No Access-Control-Allow-Origin', titleZh: '没有 Access-Control-Allow-Origin' },
  'multiple-allow-origin': { spec: `${SPEC}#cors-check`, title: 'More than one Access-Control-Allow-Origin', titleZh: 'Access-Control-Allow-Origin 不止一个' },
  'origin-mismatch': { spec: `${SPEC}#cors-check`, title: 'Access-Control-Allow-Origin names another origin', titleZh: 'Access-Control-Allow-Origin 写的是别的源' },
  'wildcard-with-credentials': { spec: `${SPEC}#cors-check`, title: '* with credentials', titleZh: '带凭据时用了 *' },
  'credentials-not-true': { spec: `${SPEC}#cors-check`, title: 'Access-Control-Allow-Credentials is not true', titleZh: 'Access-Control-Allow-Credentials 不是 true' },
  'preflight-status': { spec: `${SPEC}#cors-preflight-fetch`, title: 'Preflight status is not 2xx', titleZh: '预检的状态码不是 2xx' },
  'method-not-allowed': { spec: `${SPEC}#cors-preflight-fetch`, title: 'Method not in Access-Control-Allow-Methods', titleZh: '方法不在 Access-Control-Allow-Methods 中' },
  'header-not-allowed': { spec: `${SPEC}#cors-preflight-fetch`, title: 'Header not in Access-Control-Allow-Headers', titleZh: '请求头不在 Access-Control-Allow-Headers 中' },
  'redirect-loop': { spec: `${SPEC}#http-redirect-fetch`, title: 'The answer redirects, and every hop gets it again', titleZh: '应答是重定向，而且每一跳都再次重定向' },
  'invalid-allow-methods': { spec: `${SPEC}#cors-preflight-fetch`, title: 'Access-Control-Allow-Methods is not a list of methods', titleZh: 'Access-Control-Allow-Methods 不是方法列表' },
  'invalid-allow-headers': { spec: `${SPEC}#cors-preflight-fetch`, title: 'Access-Control-Allow-Headers is not a list of header names', titleZh: 'Access-Control-Allow-Headers 不是请求头名称列表' },
} as const;

export type FailureCode = keyof typeof FAILURES;

export interface Failure {
  readonly code: FailureCode;
  /** Plain words, naming the header and the value. */
  readonly text: string;
  readonly spec: string;
  /** The smallest change to the server's answer that would pass this check. */
  readonly fix: string;
}

/** A failure in the language asked for: each check writes its words in both, beside its logic. */
const fail = (code: FailureCode, text: Text, fix: Text, lang: Lang): Failure => ({ code, text: text[lang], spec: FAILURES[code].spec, fix: fix[lang] });

/**
 * A redirect in a scenario: its server answers every request the same way, so
 * each hop redirects again and the browser gives up after 20
 * (fetch.spec.whatwg.org/#http-redirect-fetch): a network error for the script.
 */
export function redirectLoop(status: number, headers: readonly HeaderLine[], lang: Lang = 'en'): Failure | null {
  if (![301, 302, 303, 307, 308].includes(status) || headerGet(headers, 'Location') === null) return null;
  const location = headerGet(headers, 'Location');
  return fail(
    'redirect-loop',
    said(
      `The answer is a ${status} redirect to ${location}, and the server answers the next hop the same way; after 20 redirects the browser gives up with a network error.`,
      `应答是重定向到 ${location} 的 ${status}，而服务器对下一跳又这样应答；重定向 20 次之后，浏览器放弃并报网络错误。`,
    ),
    said('Answer with the resource itself (2xx), or redirect once to a URL that answers with the CORS headers.', '直接用资源本身应答（2xx），或者只重定向一次，到一个会带上 CORS 响应头的 URL。'),
    lang,
  );
}

/** Every value of a header, in order (names compare case-insensitively). */
export function headerValues(headers: readonly HeaderLine[], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}

/** The header's values combined as Fetch does, joined with ", "; null if absent. */
export function headerGet(headers: readonly HeaderLine[], name: string): string | null {
  const values = headerValues(headers, name);
  return values.length === 0 ? null : values.join(', ');
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * A comma-separated list of tokens as Chromium parses it: items trimmed of
 * spaces and tabs, empty items skipped; null when an item is not a token
 * (fetch.spec.whatwg.org/#extract-header-list-values fails the same way).
 */
export function tokenList(value: string | null): string[] | null {
  if (value === null) return [];
  const items = value.split(',').map((s) => s.replace(/^[ \t]+|[ \t]+$/g, '')).filter((s) => s !== '');
  return items.every((i) => TOKEN.test(i)) ? items : null;
}

/** fetch.spec.whatwg.org/#cors-check */
export function corsCheck(headers: readonly HeaderLine[], origin: string, withCredentials: boolean, lang: Lang = 'en'): Failure | null {
  const values = headerValues(headers, 'Access-Control-Allow-Origin');
  if (values.length === 0) {
    const value = withCredentials ? origin : '*';
    return fail(
      'no-allow-origin',
      said(`The response has no Access-Control-Allow-Origin header, so the browser does not let ${origin} read it.`, `响应里没有 Access-Control-Allow-Origin 头，所以浏览器不让 ${origin} 读取它。`),
      withCredentials
        ? said(`Send Access-Control-Allow-Origin: ${value}.`, `发送 Access-Control-Allow-Origin: ${value}。`)
        : said(`Send Access-Control-Allow-Origin: ${value} (or ${origin}).`, `发送 Access-Control-Allow-Origin: ${value}（或 ${origin}）。`),
      lang,
    );
  }
  const allow = values.join(', ');
  if (values.length > 1 || allow.includes(',')) {
    return fail(
      'multiple-allow-origin',
      said(
        `Access-Control-Allow-Origin is "${allow}": it must be exactly one origin or *; a server with a list must pick the one that matches.`,
        `Access-Control-Allow-Origin 是 "${allow}"：它只能是恰好一个源或 *；服务器手里有一份列表时，必须从中挑出匹配的那一个。`,
      ),
      said(`Send one Access-Control-Allow-Origin line with exactly ${origin}.`, `只发送一行 Access-Control-Allow-Origin，值恰好是 ${origin}。`),
      lang,
    );
  }
  if (allow === '*' && !withCredentials) return null;
  if (allow === '*') {
    return fail(
      'wildcard-with-credentials',
      said('Access-Control-Allow-Origin is *, but the request carries credentials: then the server must name the origin exactly.', 'Access-Control-Allow-Origin 是 *，但请求带着凭据：这时服务器必须准确写出源。'),
      said(`Send Access-Control-Allow-Origin: ${origin} instead of *, and Access-Control-Allow-Credentials: true.`, `用 Access-Control-Allow-Origin: ${origin} 代替 *，并发送 Access-Control-Allow-Credentials: true。`),
      lang,
    );
  }
  if (allow !== origin) {
    return fail(
      'origin-mismatch',
      said(`Access-Control-Allow-Origin is "${allow}", but the page's origin is "${origin}"; they must match byte for byte.`, `Access-Control-Allow-Origin 是 "${allow}"，而页面的源是 "${origin}"；两者必须逐字节相同。`),
      said(`Send Access-Control-Allow-Origin: ${origin}, byte for byte.`, `发送 Access-Control-Allow-Origin: ${origin}，逐字节相同。`),
      lang,
    );
  }
  if (!withCredentials) return null;
  const credentials = headerGet(headers, 'Access-Control-Allow-Credentials');
  if (credentials !== 'true') {
    return fail(
      'credentials-not-true',
      credentials === null
        ? said('The request carries credentials, so Access-Control-Allow-Credentials must be exactly "true"; it is absent.', '请求带着凭据，所以 Access-Control-Allow-Credentials 必须恰好是 "true"；可响应里没有它。')
        : said(`The request carries credentials, so Access-Control-Allow-Credentials must be exactly "true"; it is "${credentials}".`, `请求带着凭据，所以 Access-Control-Allow-Credentials 必须恰好是 "true"；它却是 "${credentials}"。`),
      said('Send Access-Control-Allow-Credentials: true.', '发送 Access-Control-Allow-Credentials: true。'),
      lang,
    );
  }
  return null;
}

export interface PreflightAsk {
  /** The actual request's method, normalized. */
  readonly method: string;
  /** What Access-Control-Request-Headers listed. */
  readonly unsafeHeaderNames: readonly string[];
  readonly withCredentials: boolean;
}

/** fetch.spec.whatwg.org/#cors-preflight-fetch, steps after the response arrives. */
export function preflightCheck(status: number, headers: readonly HeaderLine[], origin: string, ask: PreflightAsk, lang: Lang = 'en'): Failure | null {
  const access = corsCheck(headers, origin, ask.withCredentials, lang);
  if (access !== null) return access;
  if (status < 200 || status > 299) {
    return fail(
      'preflight-status',
      said(`The preflight was answered ${status}; the browser needs a 2xx ("ok") status before it sends the actual request.`, `预检得到的应答是 ${status}；浏览器要先看到 2xx（"ok"）状态码，才会发送实际请求。`),
      said('Answer the preflight (OPTIONS) with 200 or 204.', '用 200 或 204 应答预检（OPTIONS）。'),
      lang,
    );
  }
  const methodsValue = headerGet(headers, 'Access-Control-Allow-Methods');
  const methods = tokenList(methodsValue);
  if (methods === null) {
    return fail(
      'invalid-allow-methods',
      said(
        `Access-Control-Allow-Methods is "${methodsValue}": every item must be a method name (an HTTP token), so the browser rejects the whole preflight.`,
        `Access-Control-Allow-Methods 是 "${methodsValue}"：每一项都必须是方法名（HTTP token），所以浏览器拒绝了整个预检。`,
      ),
      said(`Send Access-Control-Allow-Methods as a comma-separated list of method names, e.g. ${ask.method}.`, `把 Access-Control-Allow-Methods 写成逗号分隔的方法名列表，例如 ${ask.method}。`),
      lang,
    );
  }
  const headersValue = headerGet(headers, 'Access-Control-Allow-Headers');
  const allowedList = tokenList(headersValue);
  if (allowedList === null) {
    return fail(
      'invalid-allow-headers',
      said(
        `Access-Control-Allow-Headers is "${headersValue}": every item must be a header name (an HTTP token), so the browser rejects the whole preflight.`,
        `Access-Control-Allow-Headers 是 "${headersValue}"：每一项都必须是请求头名称（HTTP token），所以浏览器拒绝了整个预检。`,
      ),
      said('Send Access-Control-Allow-Headers as a comma-separated list of header names.', '把 Access-Control-Allow-Headers 写成逗号分隔的请求头名称列表。'),
      lang,
    );
  }
  // Method names are case-sensitive: "put" does not allow PUT.
  const methodOk = isCorsSafelistedMethod(ask.method) || methods.includes(ask.method) || (!ask.withCredentials && methods.includes('*'));
  if (!methodOk) {
    const got = methods.length === 0
      ? said('the preflight answer has no Access-Control-Allow-Methods', '预检的应答里没有 Access-Control-Allow-Methods')
      : said(`Access-Control-Allow-Methods is "${methods.join(', ')}"`, `Access-Control-Allow-Methods 是 "${methods.join(', ')}"`);
    const note = methods.includes('*')
      ? said(' (* does not count with credentials)', '（带凭据时 * 不算数）')
      : methods.some((m) => m.toLowerCase() === ask.method.toLowerCase())
        ? said(' (method names match case-sensitively)', '（方法名区分大小写）')
        : said('', '');
    return fail(
      'method-not-allowed',
      said(`${ask.method} needs to be allowed, but ${got.en}${note.en}.`, `${ask.method} 需要被允许，但${got['zh-CN']}${note['zh-CN']}。`),
      said(`Add ${ask.method} to Access-Control-Allow-Methods in the preflight answer.`, `在预检的应答中把 ${ask.method} 加进 Access-Control-Allow-Methods。`),
      lang,
    );
  }
  const allowed = allowedList.map((h) => h.toLowerCase());
  // Chromium 156 lets * cover Authorization on a fresh preflight (its
  // CorsNonWildcardRequestHeadersSupport feature is off by default); the
  // standard says it never does: fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name
  const wildcard = !ask.withCredentials && allowed.includes('*');
  for (const name of ask.unsafeHeaderNames) {
    if (allowed.includes(name) || wildcard) continue;
    const got = allowed.length === 0
      ? said('the preflight answer has no Access-Control-Allow-Headers', '预检的应答里没有 Access-Control-Allow-Headers')
      : said(`Access-Control-Allow-Headers is "${allowed.join(', ')}"`, `Access-Control-Allow-Headers 是 "${allowed.join(', ')}"`);
    const note = allowed.includes('*') ? said(' (* does not count with credentials)', '（带凭据时 * 不算数）') : said('', '');
    return fail(
      'header-not-allowed',
      said(`The request header ${name} needs to be allowed, but ${got.en}${note.en}.`, `请求头 ${name} 需要被允许，但${got['zh-CN']}${note['zh-CN']}。`),
      said(`Add ${name} to Access-Control-Allow-Headers in the preflight answer.`, `在预检的应答中把 ${name} 加进 Access-Control-Allow-Headers。`),
      lang,
    );
  }
  return null;
}

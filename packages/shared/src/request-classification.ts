/**
 * Is a request simple, or does it need a preflight? Fetch's rules, as the
 * page would send the request: fetch.spec.whatwg.org/#cors-preflight-fetch
 */
import { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod } from './http-syntax.ts';
import type { Lang } from './lessons/types.ts';
import type { HeaderLine } from './policy-answer.ts';
import { said } from './said.ts';

export type CredentialsMode = 'omit' | 'same-origin' | 'include';

/** How the page sends: fetch, XMLHttpRequest, or a `<script src>` element (JSONP, no CORS: lesson 13). */
export type Sender = 'fetch' | 'xhr' | 'script';

/** What a page's script asks for: the request builder's output. */
export interface LabRequest {
  readonly api: Sender;
  /** As typed, case kept. */
  readonly method: string;
  readonly url: string;
  readonly headers: readonly HeaderLine[];
  readonly body: string;
  /** fetch's credentials mode; XHR's withCredentials is `include`, without it `same-origin`. */
  readonly credentials: CredentialsMode;
  /**
   * The origin of the document whose script sends, when it is not the lab page (lesson 12): a page
   * of the attacker server, or `null` for a sandboxed iframe. That origin goes out as Origin.
   */
  readonly from?: string;
}

/** The origin a request is sent from: its `from`, or the lab page's. */
export function senderOrigin(request: LabRequest, pageOrigin: string): string {
  return request.from ?? pageOrigin;
}

export interface Classification {
  /** The method as it goes on the wire (fetch.spec.whatwg.org/#concept-method-normalize). */
  readonly method: string;
  readonly crossOrigin: boolean;
  /** CONNECT, TRACE, TRACK: the browser throws before sending. */
  readonly forbiddenMethod: boolean;
  /** Author headers the browser drops silently (fetch.spec.whatwg.org/#forbidden-request-header). */
  readonly droppedHeaders: readonly string[];
  /** Lowercased, sorted, deduplicated: what Access-Control-Request-Headers will list. */
  readonly unsafeHeaderNames: readonly string[];
  readonly needsPreflight: boolean;
  /** Plain words: what made it need a preflight. */
  readonly because: readonly string[];
  /** Whether cookies go along: include, or same-origin for a same-origin URL. */
  readonly withCredentials: boolean;
  /** A conditional request (If-Match…): Chromium's preflight cache is neither read nor filled. */
  readonly bypassesPreflightCache: boolean;
  /** Where Chromium and the Fetch standard part ways for this request, in words. */
  readonly chromiumNotes: readonly string[];
}

// fetch.spec.whatwg.org/#forbidden-request-header, as Chromium keeps it
// (net::HttpUtil::IsSafeHeader): User-Agent stays forbidden in Chromium,
// though the standard allows it since 2019.
const FORBIDDEN_HEADERS = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method',
  'access-control-request-private-network', 'connection', 'content-length', 'cookie', 'cookie2', 'date', 'dnt',
  'expect', 'host', 'keep-alive', 'origin', 'referer', 'set-cookie', 'te', 'trailer', 'transfer-encoding',
  'upgrade', 'user-agent', 'via',
]);
const METHOD_OVERRIDE_HEADERS = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);

/** fetch.spec.whatwg.org/#forbidden-request-header: fetch drops these silently. */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (FORBIDDEN_HEADERS.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  return METHOD_OVERRIDE_HEADERS.has(lower) && value.split(',').some((m) => isForbiddenMethod(m.trim()));
}

// fetch.spec.whatwg.org/#cors-unsafe-request-header-byte
const unsafeByte = (c: number) => (c < 0x20 && c !== 0x09) || [0x22, 0x28, 0x29, 0x3a, 0x3c, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f].includes(c);
const hasUnsafeByte = (v: string) => [...v].some((ch) => unsafeByte(ch.charCodeAt(0)));
const languageValue = /^[0-9A-Za-z *,\-.;=]*$/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Chromium's reading of a Content-Type: lowercased, the part before `;`, exactly type/subtype, both tokens. */
function contentTypeEssence(value: string): string | null {
  const parts = value.toLowerCase().split(';')[0]!.split('/');
  if (parts.length !== 2) return null;
  const type = parts[0]!.replace(/^[ \t]+/, '');
  const subtype = parts[1]!.replace(/[ \t]+$/, '');
  return TOKEN.test(type) && TOKEN.test(subtype) ? `${type}/${subtype}` : null;
}

/** fetch.spec.whatwg.org/#simple-range-header-value: one range, not a suffix, end not before start. */
function isSimpleRange(value: string): boolean {
  const m = /^bytes=(\d+)-(\d*)$/.exec(value);
  return m !== null && (m[2] === '' || Number(m[2]) >= Number(m[1]));
}

/**
 * Headers Chromium safelists beyond the standard: client hints a page may
 * set (services/network/public/cpp/cors/cors.cc), each with its value rule.
 */
const CHROMIUM_SAFELISTED: Record<string, (v: string) => boolean> = {
  'device-memory': (v) => /^\d+(\.\d+)?$/.test(v),
  dpr: (v) => /^\d+(\.\d+)?$/.test(v),
  downlink: (v) => /^\d+(\.\d+)?$/.test(v),
  width: (v) => /^\d+$/.test(v),
  'viewport-width': (v) => /^\d+$/.test(v),
  rtt: (v) => /^\d+$/.test(v),
  ect: (v) => ['4g', '3g', '2g', 'slow-2g'].includes(v),
  'save-data': (v) => v.toLowerCase() === 'on',
  intervention: () => true,
};

/** Safelisted by Chromium though the Fetch standard does not list it. */
export function isChromiumOnlySafelisted(name: string): boolean {
  return name.toLowerCase() in CHROMIUM_SAFELISTED;
}

/** fetch.spec.whatwg.org/#cors-safelisted-request-header, as Chromium 156 decides it. */
export function isCorsSafelistedRequestHeader(name: string, value: string): boolean {
  if (value.length > 128) return false;
  const lower = name.toLowerCase();
  switch (lower) {
    case 'accept':
      return !hasUnsafeByte(value);
    case 'accept-language':
    case 'content-language':
      return languageValue.test(value);
    case 'content-type': {
      if (hasUnsafeByte(value)) return false;
      const essence = contentTypeEssence(value);
      return essence !== null && ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(essence);
    }
    case 'range':
      return isSimpleRange(value);
    default:
      return CHROMIUM_SAFELISTED[lower]?.(value) ?? false;
  }
}

/**
 * Conditional request headers: fetch turns such a request's cache mode to
 * no-store (fetch.spec.whatwg.org/#http-network-or-cache-fetch), and Chromium
 * then neither reads nor fills its preflight cache for it.
 */
export const CONDITIONAL_HEADERS = ['if-modified-since', 'if-none-match', 'if-unmodified-since', 'if-match', 'if-range'];

/** Origin of an absolute http(s) URL, or null when it is not one. */
export function originOfUrl(url: string): string | null {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(url);
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  const hostPort = m[2]!.replace(/^.*@/, '').toLowerCase();
  const defaultPort = scheme === 'http' ? ':80' : ':443';
  return `${scheme}://${hostPort.endsWith(defaultPort) ? hostPort.slice(0, -defaultPort.length) : hostPort}`;
}

/** fetch's Headers: names compare case-insensitively, and a repeated name's values join with ", ". */
export function combineHeaders(headers: readonly HeaderLine[]): HeaderLine[] {
  const out = new Map<string, HeaderLine>();
  for (const [name, value] of headers) {
    const prev = out.get(name.toLowerCase());
    out.set(name.toLowerCase(), prev === undefined ? [name, value] : [prev[0], `${prev[1]}, ${value}`]);
  }
  return [...out.values()];
}

/** `lang` picks the language of `because` and `chromiumNotes`; the rest reads the same in every language. */
export function classify(request: LabRequest, pageOrigin: string, lang: Lang = 'en'): Classification {
  const method = normalizeMethod(request.method);
  const target = originOfUrl(request.url) ?? pageOrigin;
  const crossOrigin = target !== pageOrigin;
  // A forbidden header is dropped as each line is appended; the rest combine.
  const appended = request.headers.filter(([n, v]) => !isForbiddenRequestHeader(n, v));
  const kept = combineHeaders(appended);
  const droppedHeaders = request.headers.filter(([n, v]) => isForbiddenRequestHeader(n, v)).map(([n]) => n);
  const unsafe = new Set<string>();
  let safelistedBytes = 0;
  for (const [name, value] of kept) {
    if (isCorsSafelistedRequestHeader(name, value)) safelistedBytes += value.length;
    else unsafe.add(name.toLowerCase());
  }
  const because: string[] = [];
  if (!isCorsSafelistedMethod(method)) because.push(said(`the method ${method} is not GET, HEAD or POST`, `方法 ${method} 不是 GET、HEAD 或 POST`)[lang]);
  for (const name of unsafe) {
    because.push(
      name === 'last-event-id'
        ? said(
            'the header last-event-id is not CORS-safelisted (older articles say it is; the standard and Chromium dropped it)',
            '请求头 last-event-id 不在 CORS 安全列表中（旧文章说它在；标准和 Chromium 都已把它去掉）',
          )[lang]
        : said(`the header ${name} is not CORS-safelisted`, `请求头 ${name} 不在 CORS 安全列表中`)[lang],
    );
  }
  // fetch.spec.whatwg.org/#cors-unsafe-request-header-names: over 1024 bytes, all safelisted headers count as unsafe.
  if (safelistedBytes > 1024) {
    because.push(said('the safelisted headers together exceed 1024 bytes', '安全列表中的请求头加起来超过了 1024 字节')[lang]);
    for (const [name, value] of kept) if (isCorsSafelistedRequestHeader(name, value)) unsafe.add(name.toLowerCase());
  }
  const withCredentials = request.credentials === 'include' || (request.credentials === 'same-origin' && !crossOrigin);
  const chromiumNotes: string[] = [];
  for (const [name, value] of kept) {
    if (isChromiumOnlySafelisted(name) && isCorsSafelistedRequestHeader(name, value)) {
      chromiumNotes.push(
        said(
          `Chromium safelists the client hint ${name} (with a value like "${value}"); the Fetch standard does not, so other browsers would preflight it.`,
          `Chromium 把客户端提示 ${name}（值形如 "${value}"）列为安全；Fetch 标准没有，所以别的浏览器会为它发预检。`,
        )[lang],
      );
    }
  }
  if (droppedHeaders.some((n) => n.toLowerCase() === 'user-agent')) {
    chromiumNotes.push(said('Chromium still drops a User-Agent set by a script; the Fetch standard has allowed it since 2019.', 'Chromium 仍会丢掉脚本设置的 User-Agent；而 Fetch 标准从 2019 年起就允许它了。')[lang]);
  }
  return {
    method,
    crossOrigin,
    forbiddenMethod: isForbiddenMethod(request.method),
    droppedHeaders,
    unsafeHeaderNames: [...unsafe].sort(),
    needsPreflight: crossOrigin && because.length > 0,
    because: crossOrigin ? because : [],
    withCredentials,
    bypassesPreflightCache: kept.some(([n]) => CONDITIONAL_HEADERS.includes(n.toLowerCase())),
    chromiumNotes,
  };
}

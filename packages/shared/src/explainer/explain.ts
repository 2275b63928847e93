/**
 * The explainer: from a scenario (page, request, server answers) to the
 * verdict Chromium reaches, and why, in plain words. Pure: the page, the
 * servers and the CLI run this same code.
 */
import { corsCheck, headerGet, preflightCheck, redirectLoop, type Failure } from '../cors-checks.ts';
import { isForbiddenMethod, isToken } from '../http-syntax.ts';
import type { Lang, Text } from '../lessons/types.ts';
import type { HeaderLine } from '../policy-answer.ts';
import { classify, combineHeaders, originOfUrl, type Classification, type LabRequest } from '../request-classification.ts';
import { readableHeaders } from './exposed-headers.ts';
import { cacheCovers, cacheEntry, cacheSeconds, MAX_AGE_CAP_S, type CacheEntry } from './preflight-cache.ts';
import { joinSaid, listSaid, said } from '../said.ts';
import { scenarioHeaderLines, type Scenario, type ScenarioAnswer, type Verdict } from './scenario.ts';

/** fetch.spec.whatwg.org/#concept-header-value-normalize */
const normalizeValue = (v: string) => v.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');

/** Why fetch() itself throws before anything is sent, or null. */
export function refusedBeforeSending(request: LabRequest, lang: Lang = 'en'): string | null {
  return refusal(request)?.[lang] ?? null;
}

function refusal(request: LabRequest): Text | null {
  const method = request.method.toUpperCase();
  if (!isToken(request.method)) return said(`"${request.method}" is not a valid method name, so fetch() throws before sending anything.`, `"${request.method}" 不是合法的方法名，所以 fetch() 在发送任何东西之前就抛出错误。`);
  if (isForbiddenMethod(request.method)) {
    return said(
      `${method} is a forbidden method (fetch.spec.whatwg.org/#forbidden-method): fetch() throws a TypeError and nothing goes on the wire.`,
      `${method} 是禁止使用的方法（fetch.spec.whatwg.org/#forbidden-method）：fetch() 抛出 TypeError，网络上什么也没有发出。`,
    );
  }
  for (const [name, value] of request.headers) {
    if (!isToken(name)) return said(`"${name}" is not a valid header name, so fetch() throws before sending anything.`, `"${name}" 不是合法的请求头名称，所以 fetch() 在发送任何东西之前就抛出错误。`);
    if (/[\0\r\n]/.test(value)) return said(`The value of ${name} contains NUL, CR or LF, so fetch() throws before sending anything.`, `${name} 的值含有 NUL、CR 或 LF，所以 fetch() 在发送任何东西之前就抛出错误。`);
    // Header values are byte strings: a character above U+00FF cannot be sent.
    if (/[^\u0000-\u00ff]/.test(value)) {
      return said(`The value of ${name} has a character outside ISO-8859-1, so fetch() throws before sending anything.`, `${name} 的值含有 ISO-8859-1 以外的字符，所以 fetch() 在发送任何东西之前就抛出错误。`);
    }
  }
  if (request.body !== '' && ['GET', 'HEAD'].includes(method)) {
    return said(`A ${method} request cannot have a body: fetch() throws a TypeError before sending anything.`, `${method} 请求不能带请求体：fetch() 在发送任何东西之前就抛出 TypeError。`);
  }
  if (originOfUrl(request.url) === null) return said(`${request.url} is not an http(s) URL, so fetch() fails without sending anything.`, `${request.url} 不是 http(s) URL，所以 fetch() 什么也没发送就失败了。`);
  return null;
}

/** The scenario's request as the page's script would make it. */
export function scenarioRequest(s: Scenario): LabRequest {
  return {
    api: 'fetch',
    method: s.request.method,
    url: s.request.url,
    headers: combineHeaders(Object.entries(s.request.headers ?? {}).map(([n, v]): HeaderLine => [n, normalizeValue(v)])),
    body: s.request.body ?? '',
    credentials: s.request.credentials ?? 'same-origin',
  };
}

/** A server that does not answer OPTIONS on its own answers it like any other request. */
function preflightAnswer(s: Scenario): ScenarioAnswer {
  return s.server.preflight ?? s.server.actual;
}

interface SendResult {
  readonly preflighted: boolean;
  readonly actualSent: boolean;
  readonly blockedAt: 'preflight' | 'actual' | null;
  readonly failure: Failure | null;
  readonly fromCache: boolean;
}

/** `c` classified in `lang`: its `because` items are in that language already. */
function describeClassification(c: Classification, lang: Lang): Text {
  if (!c.crossOrigin) return said('The page and the URL are the same origin: no CORS checks apply.', '页面和 URL 同源：不做任何 CORS 检查。');
  const dropped = c.droppedHeaders.length > 0
    ? said(`The browser silently drops ${c.droppedHeaders.join(', ')} (forbidden request header).`, `浏览器会悄悄丢掉 ${listSaid(c.droppedHeaders)['zh-CN']}（禁止设置的请求头）。`)
    : said('', '');
  if (!c.needsPreflight) return joinSaid([said('A simple request: no preflight.', '简单请求：没有预检。'), dropped]);
  const because = lang === 'en' ? c.because.join(', and ') : c.because.join('；并且');
  return joinSaid([said(`It needs a preflight because ${because}.`, `它需要预检，因为${because}。`), dropped]);
}

/** What the preflight cache did, where Chromium, the standard and old articles differ. */
function cacheNotes(c: Classification, pre: readonly HeaderLine[], repeat: number): Text[] {
  if (!c.needsPreflight) return [];
  const notes: Text[] = [];
  const maxAge = headerGet(pre, 'Access-Control-Max-Age');
  const wildcard = (headerGet(pre, 'Access-Control-Allow-Headers') ?? '').split(',').some((h) => h.trim() === '*');
  if (c.unsafeHeaderNames.includes('authorization') && wildcard && !c.withCredentials) {
    notes.push(
      said(
        "Chromium 156 lets * in Access-Control-Allow-Headers cover Authorization on a fresh preflight; the Fetch standard says * never covers it (fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name), and Chromium's preflight cache already follows the standard, so each such request is preflighted again.",
        'Chromium 156 在新发出的预检里让 Access-Control-Allow-Headers 中的 * 也涵盖 Authorization；Fetch 标准规定 * 从不涵盖它（fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name），而 Chromium 的预检缓存已经遵循标准，所以每个这样的请求都会再预检一次。',
      ),
    );
  }
  if (repeat > 1 && c.bypassesPreflightCache) {
    notes.push(
      said(
        'A conditional request (If-Match, If-None-Match, If-Modified-Since…) gets cache mode no-store, so Chromium neither reads nor fills its preflight cache for it: every send is preflighted.',
        '条件请求（If-Match、If-None-Match、If-Modified-Since…）的缓存模式是 no-store，所以 Chromium 既不读也不写它的预检缓存：每次发送都会预检。',
      ),
    );
  }
  if (repeat > 1 && maxAge === null) notes.push(said('Without Access-Control-Max-Age Chromium keeps a preflight for 5 seconds.', '没有 Access-Control-Max-Age 时，Chromium 把一次预检缓存 5 秒。'));
  if (maxAge !== null && cacheSeconds(pre) === MAX_AGE_CAP_S && /^\+?\d+$/.test(maxAge) && Number(maxAge) > MAX_AGE_CAP_S) {
    notes.push(
      said(
        `Chromium caps Access-Control-Max-Age at ${MAX_AGE_CAP_S} seconds (2 hours; articles that say 10 minutes describe older Chromium).`,
        `Chromium 把 Access-Control-Max-Age 截到 ${MAX_AGE_CAP_S} 秒（2 小时；说 10 分钟的文章讲的是旧版 Chromium）。`,
      ),
    );
  }
  return notes;
}

/** The verdict, its reason in English (the CLI's and the replay's words). */
export function explain(s: Scenario): Verdict {
  return explainIn(s, 'en');
}

/** The verdict with its reason in `lang`; every other field is the same in both. */
export function explainIn(s: Scenario, lang: Lang): Verdict {
  const request = scenarioRequest(s);
  const refused = refusedBeforeSending(request, lang);
  const repeat = s.request.repeat ?? 1;
  if (refused !== null) {
    return { id: s.id, preflight: false, preflights: 0, actualSent: false, outcome: 'not-sent', blockedAt: null, exposedHeaders: [], reason: refused };
  }
  const c = classify(request, s.page, lang);
  // HTTP parsing trims spaces and tabs around each header value.
  const trimmed = (lines: HeaderLine[]) => lines.map(([n, v]): HeaderLine => [n, v.replace(/^[ \t]+|[ \t]+$/g, '')]);
  const pre = trimmed(scenarioHeaderLines(preflightAnswer(s).headers));
  const actual = trimmed(scenarioHeaderLines(s.server.actual.headers));

  let cache: CacheEntry | null = null;
  const sends: SendResult[] = [];
  for (let i = 0; i < repeat; i++) {
    const fromCache = cache !== null && !c.bypassesPreflightCache && cacheCovers(cache, c.method, c.unsafeHeaderNames, c.withCredentials);
    const preflighted = c.needsPreflight && !fromCache;
    if (preflighted) {
      const failure = preflightCheck(preflightAnswer(s).status, pre, s.page, {
        method: c.method, unsafeHeaderNames: c.unsafeHeaderNames, withCredentials: c.withCredentials,
      }, lang);
      if (failure !== null) {
        sends.push({ preflighted, actualSent: false, blockedAt: 'preflight', failure, fromCache });
        continue;
      }
      // A new preflight's result replaces the entry for this URL as a whole.
      cache = c.bypassesPreflightCache ? null : cacheEntry(pre, c.withCredentials);
    }
    const failure = (c.crossOrigin ? corsCheck(actual, s.page, c.withCredentials, lang) : null) ?? redirectLoop(s.server.actual.status, actual, lang);
    sends.push({ preflighted, actualSent: true, blockedAt: failure === null ? null : 'actual', failure, fromCache });
  }

  const last = sends[sends.length - 1]!;
  const outcome = last.blockedAt === null ? 'allowed' : 'blocked';
  const preflights = sends.filter((x) => x.preflighted).length;
  const parts = [describeClassification(c, lang)];
  if (last.failure !== null) {
    const { text, fix } = last.failure;
    parts.push(
      last.blockedAt === 'preflight'
        ? said(`The preflight fails: ${text} The actual request is never sent.`, `预检失败：${text}实际请求根本不会发出。`)
        : said(`The actual response fails the CORS check: ${text}`, `实际响应没有通过 CORS 检查：${text}`),
    );
    parts.push(said(`Smallest fix: ${fix}`, `最小的修改：${fix}`));
  } else {
    parts.push(c.crossOrigin ? said('The response passes the CORS check, so the script can read it.', '响应通过了 CORS 检查，所以脚本可以读取它。') : said('The script can read the response.', '脚本可以读取响应。'));
  }
  if (repeat > 1) {
    const cached = sends.some((x) => x.fromCache);
    parts.push(
      said(
        `Over ${repeat} sends the browser sent ${preflights} preflight${preflights === 1 ? '' : 's'}${cached ? ': later sends used its preflight cache' : ''}.`,
        `${repeat} 次发送中，浏览器发了 ${preflights} 次预检${cached ? '：后面的发送用了它的预检缓存' : ''}。`,
      ),
    );
  }
  parts.push(...c.chromiumNotes.map((n) => said(n, n)), ...cacheNotes(c, pre, repeat));
  return {
    id: s.id,
    preflight: sends[0]!.preflighted,
    preflights,
    actualSent: sends.some((x) => x.actualSent),
    outcome,
    blockedAt: last.blockedAt,
    exposedHeaders: outcome === 'allowed' ? readableHeaders(actual, c.withCredentials, c.crossOrigin) : [],
    reason: joinSaid(parts)[lang],
  };
}

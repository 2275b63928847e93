/**
 * Joins one send (what the page's script got) with what server01 recorded
 * for it, and says in plain words what happened and why.
 */
import { corsCheck, preflightCheck, type Failure } from './cors-checks.ts';
import type { Lang, Text } from './lessons/types.ts';
import type { HeaderLine } from './policy-answer.ts';
import { classify, type Classification, type LabRequest } from './request-classification.ts';
import { scriptSendVerdict } from './explainer/script-load.ts';
import { joinSaid, said } from './said.ts';
import type { ScriptLoad } from './jsonp.ts';
import type { ServerRecord } from './wire.ts';

/** What the script was allowed to see. */
export type ScriptResult =
  | { readonly kind: 'response'; readonly status: number; readonly body: string; readonly headers: readonly HeaderLine[] }
  /** fetch rejected with a TypeError, or XHR ended with status 0, or a script element fired error. */
  | { readonly kind: 'error'; readonly message: string }
  | ScriptLoad;

export interface SendObservation {
  readonly id: string;
  readonly request: LabRequest;
  readonly pageOrigin: string;
  readonly startedAt: number;
  /** null while the request is in flight. */
  readonly result: ScriptResult | null;
}

/** no-cors: a script element loaded it; CORS never applied (lesson 13). */
export type Tone = 'pending' | 'allowed' | 'blocked' | 'not-sent' | 'same-origin' | 'no-cors';

export interface SendVerdict {
  readonly classification: Classification;
  readonly preflight: ServerRecord | null;
  readonly actual: ServerRecord | null;
  /** A preflight was needed, none reached server01, and the actual request did: the browser's preflight cache answered. */
  readonly preflightFromCache: boolean;
  readonly tone: Tone;
  readonly headline: string;
  readonly detail: string;
  readonly failure: Failure | null;
}

/** `lang` picks the language of the headline, the detail and the failure's words. */
export function sendVerdict(send: SendObservation, records: readonly ServerRecord[], lang: Lang = 'en'): SendVerdict {
  const classification = classify(send.request, send.pageOrigin, lang);
  const preflight = records.find((r) => r.kind === 'preflight') ?? null;
  const actual = records.find((r) => r.kind === 'actual') ?? null;
  const preflightFromCache = classification.needsPreflight && preflight === null && actual !== null;
  const base = { classification, preflight, actual, preflightFromCache };
  const method = classification.method;
  const result = send.result;
  const words = (headline: Text, detail: Text) => ({ headline: headline[lang], detail: detail[lang] });

  if (result === null) return { ...base, tone: 'pending', failure: null, ...words(said('Sending…', '发送中…'), said('', '')) };
  if (send.request.api === 'script' || result.kind === 'script') return scriptSendVerdict(send, base, lang);

  if (classification.forbiddenMethod) {
    return {
      ...base, tone: 'not-sent', failure: null,
      ...words(
        said(`The browser refused to send ${method}`, `浏览器拒绝发送 ${method}`),
        said(
          `${method} is a forbidden method (fetch.spec.whatwg.org/#forbidden-method): the script gets an error and nothing goes on the wire.`,
          `${method} 是禁止使用的方法（fetch.spec.whatwg.org/#forbidden-method）：脚本得到一个错误，网络上什么也没有发出。`,
        ),
      ),
    };
  }

  const cacheNote = preflightFromCache
    ? said(
        "No OPTIONS this time: the browser used its preflight cache, filled by an earlier preflight's Access-Control-Max-Age.",
        '这次没有 OPTIONS：浏览器用了它的预检缓存，缓存来自更早一次预检的 Access-Control-Max-Age。',
      )
    : said('', '');

  if (result.kind === 'response') {
    if (!classification.crossOrigin) {
      return {
        ...base, tone: 'same-origin', failure: null,
        ...words(
          said(`Same origin: the script read status ${result.status}`, `同源：脚本读到了状态码 ${result.status}`),
          said('The page and the URL share scheme, host and port, so no CORS check applies.', '页面和 URL 的协议、主机和端口都相同，所以不做 CORS 检查。'),
        ),
      };
    }
    const allow = actual?.response.headers.find(([n]) => n.toLowerCase() === 'access-control-allow-origin')?.[1];
    const pre = preflight !== null ? said('The preflight allowed the method and headers first.', '在此之前，预检已经允许了这个方法和这些请求头。') : said('', '');
    return {
      ...base, tone: 'allowed', failure: null,
      ...words(
        said(`Allowed: the script read status ${result.status}`, `允许：脚本读到了状态码 ${result.status}`),
        joinSaid([
          allow === undefined
            ? said('The response passed the CORS check.', '响应通过了 CORS 检查。')
            : said(`Access-Control-Allow-Origin: ${allow} lets ${send.pageOrigin} read the response.`, `Access-Control-Allow-Origin: ${allow} 让 ${send.pageOrigin} 可以读取响应。`),
          pre,
          cacheNote,
        ]),
      ),
    };
  }

  const browserSaid = said(`The preflight looked fine to the lab, yet the browser said: ${result.message}`, `在实验室看来预检没有问题，浏览器却报告：${result.message}`);
  const withCredentials = classification.withCredentials;
  if (preflight !== null && actual === null) {
    const failure = preflightCheck(preflight.response.status, preflight.response.headers, send.pageOrigin, {
      method, unsafeHeaderNames: classification.unsafeHeaderNames, withCredentials,
    }, lang);
    return {
      ...base, tone: 'blocked', failure,
      headline: said(`Blocked at the preflight: the browser never sent the ${method}`, `在预检处被拦截：浏览器根本没有发送 ${method}`)[lang],
      detail: failure?.text ?? browserSaid[lang],
    };
  }
  if (actual !== null) {
    const failure = corsCheck(actual.response.headers, send.pageOrigin, withCredentials, lang);
    const text = failure === null
      ? said(`The response looked fine to the lab, yet the browser said: ${result.message}`, `在实验室看来响应没有问题，浏览器却报告：${result.message}`)
      : said(failure.text, failure.text);
    return {
      ...base, tone: 'blocked', failure,
      ...words(
        said(`server01 answered ${actual.response.status}, but the browser hid the response from the script`, `server01 应答了 ${actual.response.status}，但浏览器没有把响应交给脚本`),
        joinSaid([text, cacheNote]),
      ),
    };
  }
  return {
    ...base, tone: 'blocked', failure: null,
    ...words(
      said('Nothing reached server01', '没有任何请求到达 server01'),
      said(
        `The script got an error (${result.message}) and server01 recorded no request: it may be down, or the URL may point elsewhere.`,
        `脚本得到一个错误（${result.message}），而 server01 没有记录到任何请求：它可能没在运行，或者 URL 指向了别处。`,
      ),
    ),
  };
}

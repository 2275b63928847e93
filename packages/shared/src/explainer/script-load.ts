/**
 * A `<script src>` load (JSONP, lesson 13): a no-cors request, so CORS never
 * applies. The browser sends no Origin and no preflight, and runs whatever
 * comes back with the page's full powers; the page reads nothing but what the
 * script chooses to hand its callback.
 * fetch.spec.whatwg.org/#concept-request-mode (no-cors),
 * html.spec.whatwg.org/multipage/webappapis.html#fetch-a-classic-script
 */
import { headerGet } from '../cors-checks.ts';
import type { Lang, Text } from '../lessons/types.ts';
import type { HeaderLine } from '../policy-answer.ts';
import type { Classification, LabRequest } from '../request-classification.ts';
import { joinSaid, said } from '../said.ts';
import type { SendObservation, SendVerdict } from '../send-verdict.ts';
import type { ServerRecord } from '../wire.ts';
import type { Verdict } from './scenario.ts';

/** What server01 answered a script load: enough to know whether the browser runs it. */
export interface ScriptAnswer {
  readonly status: number;
  readonly headers: readonly HeaderLine[];
  /** The start of the body; sniffed as Chromium's ORB does. */
  readonly body: string;
}

/** html.spec.whatwg.org/#javascript-mime-type */
const JAVASCRIPT_MIME = /^(application|text)\/(x-)?(javascript|ecmascript)$|^text\/(jscript|livescript|javascript1\.[0-5])$/;
/** Never run as script (Chromium's "not executable" types, and media that ORB blocks). */
const NEVER_SCRIPT = /^(image|audio|video)\/|^text\/csv$/;
/** ORB's sniffing: a body that starts like JSON, HTML or XML is blocked for a script. */
const SNIFFS_BLOCKED = /^\s*(\{\s*"(?:[^"\\]|\\.)*"\s*:|<(?:!doctype html|html|head|body|script|!--|\?xml))/i;

const essence = (contentType: string | null) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** Whether Chromium runs a script element's answer, and why; CORS headers play no part. */
export function scriptRuns(answer: ScriptAnswer): { readonly runs: boolean; readonly because: Text } {
  const { status } = answer;
  if (status < 200 || status > 299) {
    return {
      runs: false,
      because: said(
        `server01 answered ${status}: a script element fires error for any status outside 200–299 and runs nothing. This is not CORS: a script load has no CORS check to fail.`,
        `server01 应答了 ${status}：状态码不在 200–299 之间时，script 元素触发 error 事件，什么也不执行。这与 CORS 无关：加载脚本根本没有 CORS 检查。`,
      ),
    };
  }
  const type = essence(headerGet(answer.headers, 'Content-Type'));
  if (JAVASCRIPT_MIME.test(type)) {
    return { runs: true, because: said(`The answer is ${type}, so the browser runs it as a script.`, `响应是 ${type}，浏览器把它当作脚本执行。`) };
  }
  const nosniff = (headerGet(answer.headers, 'X-Content-Type-Options') ?? '').trim().toLowerCase() === 'nosniff';
  if (nosniff || NEVER_SCRIPT.test(type) || SNIFFS_BLOCKED.test(answer.body)) {
    return {
      runs: false,
      because: said(
        `The answer is ${type || 'without a Content-Type'}${nosniff ? ' with X-Content-Type-Options: nosniff' : ''}, which is not JavaScript: Chromium refuses to run it (strict MIME checks and Opaque Response Blocking), and the script element fires error.`,
        `响应是 ${type || '没有 Content-Type 的内容'}${nosniff ? '，且带有 X-Content-Type-Options: nosniff' : ''}，不是 JavaScript：Chromium 拒绝执行（严格 MIME 检查和不透明响应拦截 ORB），script 元素触发 error 事件。`,
      ),
    };
  }
  return {
    runs: true,
    because: said(
      `The answer is ${type || 'without a Content-Type'}, not JavaScript, but it does not look like JSON, HTML or XML, so Chromium runs it anyway; if it is not valid JavaScript, the page only sees "Script error.".`,
      `响应是 ${type || '没有 Content-Type 的内容'}，不是 JavaScript，但看起来也不像 JSON、HTML 或 XML，所以 Chromium 照样执行；如果它不是合法的 JavaScript，页面只能看到 "Script error."。`,
    ),
  };
}

const NO_CORS = said(
  'A script element loads its URL as a no-cors request: the browser adds no Origin header and never preflights, and the CORS policy does not matter. The script cannot choose a method (always GET), headers or a body.',
  'script 元素以 no-cors 模式请求它的 URL：浏览器不加 Origin 请求头，也从不发预检，CORS 策略无关紧要。脚本也无法选择方法（永远是 GET）、请求头或请求体。',
);

const RUNS_IN_PAGE = said(
  'Whatever server01 sends runs in this page with its full powers: it can read the page and its storage and change anything. The page reads only what that code hands to the callback.',
  'server01 发来的任何代码都会以这个页面的全部权限运行：它能读取页面和本地存储，也能修改任何东西。页面只能读到这段代码交给回调函数的内容。',
);

/** The explainer's verdict on a script load; `answer` null: before sending, server01's answer unknown. */
export function explainScriptLoad(id: string, answer: ScriptAnswer | null, lang: Lang = 'en'): Verdict {
  const decided = answer === null ? null : scriptRuns(answer);
  const runs = decided?.runs ?? true;
  const parts = [NO_CORS, ...(decided === null ? [] : [decided.because]), ...(runs ? [RUNS_IN_PAGE] : [])];
  return {
    id,
    preflight: false,
    preflights: 0,
    actualSent: true,
    outcome: runs ? 'allowed' : 'blocked',
    blockedAt: runs ? null : 'actual',
    exposedHeaders: [],
    reason: joinSaid(parts)[lang],
  };
}

/** A script send's request as it goes out: GET, no author headers, no body, cookies along (no crossorigin attribute). */
export function scriptRequest(request: LabRequest): LabRequest {
  return { ...request, api: 'script', method: 'GET', headers: [], body: '', credentials: 'include' };
}

const answerOf = (r: ServerRecord): ScriptAnswer => ({ status: r.response.status, headers: r.response.headers, body: r.response.body });

/** Where the lab and Chromium disagree on a script send, in words; null when they agree. */
export function scriptLoadMismatch(send: SendObservation, preflight: ServerRecord | null, actual: ServerRecord | null, verdict: Verdict, lang: Lang = 'en'): string | null {
  const result = send.result;
  if (result === null || actual === null) return null;
  const observed = result.kind === 'error' ? 'blocked' : 'allowed';
  const problems: Text[] = [];
  if (preflight !== null) problems.push(said('a preflight: predicted none for a script load, Chromium sent one', '预检：预测加载脚本不会发预检，Chromium 却发了一次'));
  if (headerGet(actual.request.headers, 'Origin') !== null) {
    problems.push(said('the Origin header: predicted none on a no-cors GET, Chromium sent one', 'Origin 请求头：预测 no-cors 的 GET 不带它，Chromium 却带上了'));
  }
  if (verdict.outcome !== observed) problems.push(said(`the outcome: predicted ${verdict.outcome}, Chromium ${observed}`, `结果：预测为 ${verdict.outcome}，Chromium 为 ${observed}`));
  if (problems.length === 0) return null;
  const list = lang === 'en' ? problems.map((p) => p.en).join('; ') : problems.map((p) => p['zh-CN']).join('；');
  return said(`The explainer and Chromium disagree on ${list}.`, `解释器与 Chromium 在这些方面不一致：${list}。`)[lang];
}

/** The timeline's verdict on a script send: tone no-cors when it ran. */
export function scriptSendVerdict(send: SendObservation, base: { classification: Classification; preflight: ServerRecord | null; actual: ServerRecord | null }, lang: Lang = 'en'): SendVerdict {
  const { actual } = base;
  const result = send.result;
  const common = { ...base, preflightFromCache: false, failure: null };
  const secFetch = headerGet(actual?.request.headers ?? [], 'Sec-Fetch-Dest');
  const marked = secFetch === null ? said('', '') : said(`Chromium marked it Sec-Fetch-Dest: ${secFetch}.`, `Chromium 把它标记为 Sec-Fetch-Dest: ${secFetch}。`);
  if (result !== null && result.kind === 'script') {
    const got =
      result.received === null
        ? said('The script ran, but it never called the callback', '脚本执行了，但没有调用回调函数')
        : said('No CORS: the script ran and handed the callback the data', '没有 CORS：脚本执行了，并把数据交给了回调函数');
    const changed = result.titleChanged !== null || result.elementsAdded > 0
      ? said('It also changed the page: server01 decides what runs here.', '它还修改了页面：在这里运行什么，由 server01 决定。')
      : said('', '');
    return { ...common, tone: 'no-cors', headline: got[lang], detail: joinSaid([NO_CORS, marked, changed])[lang] };
  }
  if (actual === null) {
    const message = result?.kind === 'error' ? result.message : '';
    return {
      ...common, tone: 'blocked',
      headline: said('Nothing reached server01', '没有任何请求到达 server01')[lang],
      detail: said(`The script element fired error (${message}) and server01 recorded no request.`, `script 元素触发了 error 事件（${message}），server01 没有记录到任何请求。`)[lang],
    };
  }
  return {
    ...common, tone: 'blocked',
    headline: said(`The script did not run: server01 answered ${actual.response.status}`, `脚本没有执行：server01 应答了 ${actual.response.status}`)[lang],
    detail: joinSaid([scriptRuns(answerOf(actual)).because, marked])[lang],
  };
}

/** The explainer on a recorded script send. */
export function explainScriptSend(send: SendObservation, preflight: ServerRecord | null, actual: ServerRecord | null, lang: Lang = 'en'): { verdict: Verdict; mismatch: string | null } {
  const verdict = explainScriptLoad(send.id, actual === null ? null : answerOf(actual), lang);
  return { verdict, mismatch: scriptLoadMismatch(send, preflight, actual, verdict, lang) };
}

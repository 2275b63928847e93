/**
 * One send as a sequence diagram: the page's script, the browser and
 * server01 as lifelines, and the messages between them in the order they
 * went, the preflight first (fetch.spec.whatwg.org/#cors-preflight-fetch).
 * Where the browser stopped, a message from the browser to itself names the
 * check that failed. Pure: a component only draws it.
 */
import { FAILURES } from '../cors-checks.ts';
import type { Lang } from '../lessons/types.ts';
import { said } from '../said.ts';
import { sendVerdict, type SendObservation, type SendVerdict } from '../send-verdict.ts';
import type { ServerRecord } from '../wire.ts';
import { statusText } from './status-text.ts';

export type Lifeline = 'page' | 'browser' | 'server01';

export const LIFELINES: readonly { readonly id: Lifeline; readonly label: string }[] = [
  { id: 'page', label: 'page (script)' },
  { id: 'browser', label: 'browser' },
  { id: 'server01', label: 'server01' },
];

const LIFELINES_ZH: typeof LIFELINES = [
  { id: 'page', label: '页面（脚本）' },
  { id: 'browser', label: '浏览器' },
  { id: 'server01', label: 'server01' },
];

/**
 * call: the script asks; request: on the wire; answer: server01's status;
 * allowed / blocked: what the script was given, or where it stopped;
 * cache: the browser answered a preflight from its cache; pending: in flight.
 */
export type MessageTone = 'call' | 'request' | 'answer' | 'allowed' | 'blocked' | 'cache' | 'pending';

/** An arrow; `from === to` is a note on that lifeline (a failed check, a cache hit). */
export interface SequenceMessage {
  readonly from: Lifeline;
  readonly to: Lifeline;
  readonly label: string;
  readonly tone: MessageTone;
}

export interface Sequence {
  readonly lifelines: typeof LIFELINES;
  readonly messages: readonly SequenceMessage[];
  /** One sentence for a screen reader: who talked, and how it ended. */
  readonly summary: string;
}

/** `http://localhost:8000/getData.html?x` → `/getData.html?x`: the diagram names server01 already. */
const pathOf = (url: string): string => url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') || '/';

const SENDER_LABEL = { fetch: 'fetch', xhr: 'XHR', script: '<script>' } as const;

const statusLine = (status: number): string => `${status} ${statusText(status)}`.trimEnd();

const blockedBy = (v: SendVerdict, lang: Lang): string => {
  const why = v.failure === null ? said('the browser refused the answer', '浏览器拒绝了这个应答') : said(FAILURES[v.failure.code].title, FAILURES[v.failure.code].titleZh);
  return said(`Blocked: ${why.en}`, `被拦截：${why['zh-CN']}`)[lang];
};

/** The diagram of one send; `verdict` when the caller has it already (in `lang`, the labels' language). */
export function sequenceOf(send: SendObservation, records: readonly ServerRecord[], given?: SendVerdict, lang: Lang = 'en'): Sequence {
  const verdict = given ?? sendVerdict(send, records, lang);
  const { request, result } = send;
  const { preflight, actual } = verdict;
  const messages: SequenceMessage[] = [];
  const say = (from: Lifeline, to: Lifeline, label: string, tone: MessageTone) => messages.push({ from, to, label, tone });
  const blocked = verdict.tone === 'blocked' || verdict.tone === 'not-sent';

  say('page', 'browser', `${SENDER_LABEL[request.api]} ${request.method} ${pathOf(request.url)}`, 'call');
  if (verdict.classification.forbiddenMethod && result !== null) {
    say('browser', 'browser', said(`Refused: ${verdict.classification.method} is a forbidden method`, `拒绝：${verdict.classification.method} 是禁止使用的方法`)[lang], 'blocked');
  }
  if (preflight !== null) {
    const stoppedHere = blocked && actual === null && result !== null;
    say('browser', 'server01', said(`${preflight.request.method} ${preflight.request.url} (preflight)`, `${preflight.request.method} ${preflight.request.url}（预检）`)[lang], 'request');
    say('server01', 'browser', statusLine(preflight.response.status), stoppedHere ? 'blocked' : 'answer');
    if (stoppedHere) say('browser', 'browser', blockedBy(verdict, lang), 'blocked');
  } else if (verdict.preflightFromCache) {
    say('browser', 'browser', said('Preflight cache: no OPTIONS sent', '预检缓存：没有发送 OPTIONS')[lang], 'cache');
  }
  if (actual !== null) {
    const stoppedHere = blocked && result?.kind === 'error';
    say('browser', 'server01', `${actual.request.method} ${actual.request.url}`, 'request');
    say('server01', 'browser', statusLine(actual.response.status), stoppedHere ? 'blocked' : 'answer');
    if (stoppedHere) say('browser', 'browser', blockedBy(verdict, lang), 'blocked');
  }
  if (result === null) say('browser', 'page', said('waiting…', '等待中…')[lang], 'pending');
  else if (result.kind === 'response') say('browser', 'page', said(`response: status ${result.status}`, `响应：状态码 ${result.status}`)[lang], 'allowed');
  else if (result.kind === 'script') say('browser', 'page', (result.received === null ? said('script ran: callback not called', '脚本已运行：回调没有被调用') : said('script ran: callback called', '脚本已运行：回调被调用了'))[lang], 'allowed');
  else say('browser', 'page', said(`network error: ${result.message}`, `网络错误：${result.message}`)[lang], 'blocked');

  const wire = [preflight, actual].filter((r) => r !== null).map((r) => r.request.method);
  const onWire = wire.length === 0 ? said('nothing went to server01', '没有任何请求发往 server01') : said(`${wire.join(' then ')} to server01`, `${wire.join('，然后 ')} 发往 server01`);
  const end = verdict.headline.replace(/[.…。]$/, '');
  const summary = said(`Sequence diagram: ${messages[0]!.label}, ${onWire.en}. ${end}.`, `时序图：${messages[0]!.label}，${onWire['zh-CN']}。${end}。`);
  return { lifelines: lang === 'en' ? LIFELINES : LIFELINES_ZH, messages, summary: summary[lang] };
}

/**
 * One send as a sequence diagram: the page's script, the browser and
 * server01 as lifelines, and the messages between them in the order they
 * went, the preflight first (fetch.spec.whatwg.org/#cors-preflight-fetch).
 * Where the browser stopped, a message from the browser to itself names the
 * check that failed. Pure: a component only draws it.
 */
import { FAILURES } from '../cors-checks.ts';
import { sendVerdict, type SendObservation, type SendVerdict } from '../send-verdict.ts';
import type { ServerRecord } from '../wire.ts';
import { statusText } from './status-text.ts';

export type Lifeline = 'page' | 'browser' | 'server01';

export const LIFELINES: readonly { readonly id: Lifeline; readonly label: string }[] = [
  { id: 'page', label: 'page (script)' },
  { id: 'browser', label: 'browser' },
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

const statusLine = (status: number): string => `${status} ${statusText(status)}`.trimEnd();

const blockedBy = (v: SendVerdict): string => `Blocked: ${v.failure === null ? 'the browser refused the answer' : FAILURES[v.failure.code].title}`;

/** The diagram of one send; `verdict` when the caller has it already. */
export function sequenceOf(send: SendObservation, records: readonly ServerRecord[], verdict: SendVerdict = sendVerdict(send, records)): Sequence {
  const { request, result } = send;
  const { preflight, actual } = verdict;
  const messages: SequenceMessage[] = [];
  const say = (from: Lifeline, to: Lifeline, label: string, tone: MessageTone) => messages.push({ from, to, label, tone });
  const blocked = verdict.tone === 'blocked' || verdict.tone === 'not-sent';

  say('page', 'browser', `${request.api === 'fetch' ? 'fetch' : 'XHR'} ${request.method} ${pathOf(request.url)}`, 'call');
  if (verdict.classification.forbiddenMethod && result !== null) {
    say('browser', 'browser', `Refused: ${verdict.classification.method} is a forbidden method`, 'blocked');
  }
  if (preflight !== null) {
    const stoppedHere = blocked && actual === null && result !== null;
    say('browser', 'server01', `${preflight.request.method} ${preflight.request.url} (preflight)`, 'request');
    say('server01', 'browser', statusLine(preflight.response.status), stoppedHere ? 'blocked' : 'answer');
    if (stoppedHere) say('browser', 'browser', blockedBy(verdict), 'blocked');
  } else if (verdict.preflightFromCache) {
    say('browser', 'browser', 'Preflight cache: no OPTIONS sent', 'cache');
  }
  if (actual !== null) {
    const stoppedHere = blocked && result?.kind === 'error';
    say('browser', 'server01', `${actual.request.method} ${actual.request.url}`, 'request');
    say('server01', 'browser', statusLine(actual.response.status), stoppedHere ? 'blocked' : 'answer');
    if (stoppedHere) say('browser', 'browser', blockedBy(verdict), 'blocked');
  }
  if (result === null) say('browser', 'page', 'waiting…', 'pending');
  else if (result.kind === 'response') say('browser', 'page', `response: status ${result.status}`, 'allowed');
  else say('browser', 'page', `network error: ${result.message}`, 'blocked');

  const wire = [preflight, actual].filter((r) => r !== null).map((r) => r.request.method);
  const onWire = wire.length === 0 ? 'nothing went to server01' : `${wire.join(' then ')} to server01`;
  return { lifelines: LIFELINES, messages, summary: `Sequence diagram: ${messages[0]!.label}, ${onWire}. ${verdict.headline.replace(/[.…]$/, '')}.` };
}

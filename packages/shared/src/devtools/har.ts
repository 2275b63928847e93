/**
 * The timeline as a HAR 1.2 file (w3c.github.io/web-performance/specs/HAR/Overview.html),
 * which Chrome DevTools' Network panel imports: one entry per request
 * server01 received, in wire order, each as it went on the wire. HAR lets
 * a tool add fields whose names start with `_`; `_corsLab` carries what the
 * lab knows besides the wire: which send it was, and what the script saw.
 */
import { headerGet } from '../cors-checks.ts';
import type { HeaderLine } from '../policy-answer.ts';
import { sendVerdict, type ScriptResult, type SendObservation, type Tone } from '../send-verdict.ts';
import type { RecordEvent, ServerRecord } from '../wire.ts';
import { isBodyCut, requestUrl } from './request-url.ts';
import { statusText } from './status-text.ts';

export interface HarNameValue { readonly name: string; readonly value: string }
export interface HarCookie extends HarNameValue { readonly path?: string; readonly domain?: string; readonly httpOnly?: boolean; readonly secure?: boolean }
export interface HarCreator { readonly name: string; readonly version: string }

export interface HarRequest {
  readonly method: string;
  readonly url: string;
  readonly httpVersion: string;
  readonly cookies: readonly HarCookie[];
  readonly headers: readonly HarNameValue[];
  readonly queryString: readonly HarNameValue[];
  readonly postData?: { readonly mimeType: string; readonly text: string; readonly comment?: string };
  readonly headersSize: -1;
  readonly bodySize: number;
}

export interface HarResponse {
  readonly status: number;
  readonly statusText: string;
  readonly httpVersion: string;
  readonly cookies: readonly HarCookie[];
  readonly headers: readonly HarNameValue[];
  readonly content: { readonly size: number; readonly mimeType: string; readonly text: string; readonly comment?: string };
  readonly redirectURL: string;
  readonly headersSize: -1;
  readonly bodySize: number;
}

export interface HarEntry {
  readonly pageref: string;
  readonly startedDateTime: string;
  readonly time: number;
  readonly request: HarRequest;
  readonly response: HarResponse;
  readonly cache: Record<string, never>;
  readonly timings: { readonly send: number; readonly wait: number; readonly receive: number };
  /** Chrome DevTools' own custom field: the Type column. */
  readonly _resourceType: 'preflight' | 'fetch' | 'xhr' | 'script';
  readonly _corsLab: {
    readonly kind: ServerRecord['kind'];
    /** The send's number in the timeline (#1, #2…). */
    readonly send: number;
    /** What the page's script got for that send: null while it was in flight. */
    readonly scriptSaw: ScriptResult | null;
    readonly tone: Tone;
    readonly verdict: string;
    /** The record's sequence number in the lab's event stream. */
    readonly seq: number;
  };
}

export interface Har {
  readonly log: {
    readonly version: '1.2';
    readonly creator: HarCreator;
    readonly pages: readonly { readonly startedDateTime: string; readonly id: string; readonly title: string; readonly pageTimings: { readonly onContentLoad: -1; readonly onLoad: -1 } }[];
    readonly entries: readonly HarEntry[];
  };
}

/** One send of the timeline, with its number, and the records server01 published for it. */
export interface SentRequest {
  readonly send: SendObservation & { readonly number: number };
  readonly records: readonly RecordEvent[];
}

export interface HarOptions {
  /** The lab page's URL: the HAR's one page. */
  readonly pageUrl: string;
  /** server01's origin (http://localhost:8000): the URL's scheme, and its host when a request named none. */
  readonly origin: string;
  readonly creator: HarCreator;
}

const PAGE_ID = 'page_1';

const nameValues = (headers: readonly HeaderLine[]): HarNameValue[] => headers.map(([name, value]) => ({ name, value }));

function decodeFormPart(s: string): string {
  try {
    return decodeURIComponent(s.replaceAll('+', ' '));
  } catch {
    return s;
  }
}

/** The query's pairs, decoded as a form is (`+` is a space), as DevTools lists them. */
export function queryStringOf(url: string): HarNameValue[] {
  const query = /\?([^#]*)/.exec(url)?.[1] ?? '';
  return query.split('&').filter((p) => p !== '').map((pair) => {
    const eq = pair.indexOf('=');
    return eq === -1 ? { name: decodeFormPart(pair), value: '' } : { name: decodeFormPart(pair.slice(0, eq)), value: decodeFormPart(pair.slice(eq + 1)) };
  });
}

/** `Cookie: a=1; b=2` as HAR cookies. */
function requestCookies(headers: readonly HeaderLine[]): HarCookie[] {
  const value = headerGet(headers, 'Cookie');
  if (value === null) return [];
  return value.split(/;\s*/).filter((c) => c !== '').map((c) => {
    const eq = c.indexOf('=');
    return eq === -1 ? { name: '', value: c } : { name: c.slice(0, eq), value: c.slice(eq + 1) };
  });
}

/** Each Set-Cookie line as a HAR cookie: its pair and the attributes DevTools shows. */
function responseCookies(headers: readonly HeaderLine[]): HarCookie[] {
  return headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, line]) => {
    const [pair = '', ...attributes] = line.split(/;\s*/);
    const eq = pair.indexOf('=');
    const attr = (name: string) => attributes.find((a) => a.toLowerCase().startsWith(`${name}=`))?.slice(name.length + 1);
    const flag = (name: string) => attributes.some((a) => a.toLowerCase() === name);
    const path = attr('path');
    const domain = attr('domain');
    return {
      name: eq === -1 ? '' : pair.slice(0, eq),
      value: eq === -1 ? pair : pair.slice(eq + 1),
      ...(path === undefined ? {} : { path }),
      ...(domain === undefined ? {} : { domain }),
      httpOnly: flag('httponly'),
      secure: flag('secure'),
    };
  });
}

const cutNote = (bodyBytes: number) => ({ comment: `server01 kept only the start of this ${bodyBytes}-byte body` });

function entryOf(event: RecordEvent, sent: SentRequest, origin: string): HarEntry {
  const { request, response, kind } = event.record;
  const verdict = sendVerdict(sent.send, sent.records.map((r) => r.record));
  const time = Math.max(0, event.record.respondedAt - event.record.receivedAt);
  return {
    pageref: PAGE_ID,
    startedDateTime: new Date(event.record.receivedAt).toISOString(),
    time,
    request: {
      method: request.method,
      url: requestUrl(request, origin),
      httpVersion: `HTTP/${request.httpVersion}`,
      cookies: requestCookies(request.headers),
      headers: nameValues(request.headers),
      queryString: queryStringOf(request.url),
      ...(request.bodyBytes > 0
        ? { postData: { mimeType: headerGet(request.headers, 'Content-Type') ?? '', text: request.body, ...(isBodyCut(request.body, request.bodyBytes) ? cutNote(request.bodyBytes) : {}) } }
        : {}),
      headersSize: -1,
      bodySize: request.bodyBytes,
    },
    response: {
      status: response.status,
      statusText: statusText(response.status),
      // Node writes HTTP/1.1 status lines whatever the request's version.
      httpVersion: 'HTTP/1.1',
      cookies: responseCookies(response.headers),
      headers: nameValues(response.headers),
      content: {
        size: response.bodyBytes,
        mimeType: headerGet(response.headers, 'Content-Type') ?? 'x-unknown',
        text: response.body,
        ...(isBodyCut(response.body, response.bodyBytes) ? cutNote(response.bodyBytes) : {}),
      },
      redirectURL: headerGet(response.headers, 'Location') ?? '',
      headersSize: -1,
      bodySize: response.bodyBytes,
    },
    cache: {},
    // server01 sees only when the request arrived and when its answer left: all of it is waiting.
    timings: { send: 0, wait: time, receive: 0 },
    _resourceType: kind === 'preflight' ? 'preflight' : sent.send.request.api,
    _corsLab: { kind, send: sent.send.number, scriptSaw: sent.send.result, tone: verdict.tone, verdict: verdict.headline, seq: event.seq },
  };
}

/** The timeline as a HAR 1.2 log: sends that reached nothing on the wire have no entry. */
export function harOf(sent: readonly SentRequest[], opts: HarOptions): Har {
  const bySeq = new Map<number, { event: RecordEvent; sent: SentRequest }>();
  for (const s of sent) for (const event of s.records) bySeq.set(event.seq, { event, sent: s });
  const entries = [...bySeq.values()].sort((a, b) => a.event.seq - b.event.seq).map((e) => entryOf(e.event, e.sent, opts.origin));
  const starts = [...sent.map((s) => s.send.startedAt), ...entries.map((e) => Date.parse(e.startedDateTime))];
  const startedAt = starts.length === 0 ? 0 : Math.min(...starts);
  return {
    log: {
      version: '1.2',
      creator: { name: opts.creator.name, version: opts.creator.version },
      pages: [{ startedDateTime: new Date(startedAt).toISOString(), id: PAGE_ID, title: opts.pageUrl, pageTimings: { onContentLoad: -1, onLoad: -1 } }],
      entries,
    },
  };
}

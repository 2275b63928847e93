/* eslint-disable-next-line no-restricted-imports -- only the test loads the schema package (CommonJS, JSON files) */
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { HeaderLine } from '../policy-answer.ts';
import type { LabRequest } from '../request-classification.ts';
import type { ScriptResult } from '../send-verdict.ts';
import type { RecordEvent, ServerRecord } from '../wire.ts';
import { harOf, queryStringOf, type SentRequest } from './har.ts';

const require = createRequire(import.meta.url);

/**
 * The HAR 1.2 schema of the `har-schema` package (draft-06) under Ajv 8. It
 * uses three words JSON Schema does not define (`optional`, `min`, `unique`):
 * declared as annotations, Ajv's strict mode stays on for everything else but
 * the types it leaves implied (`timings`, `cache` and `postData.params` name no `type`).
 */
function harValidator() {
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  ajv.addVocabulary(['optional', 'min', 'unique']);
  // ajv-formats is CommonJS with a `default` beside its module.exports.
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  addFormats(ajv);
  for (const schema of Object.values(require('har-schema') as Record<string, object>)) ajv.addSchema(schema);
  return ajv.getSchema('har.json#')!;
}

const PAGE = 'http://localhost:8100';
const ORIGIN = 'http://localhost:8000';
const T0 = Date.UTC(2025, 0, 2, 3, 4, 5, 600);

function rec(seq: number, kind: ServerRecord['kind'], method: string, status: number, extra: { reqHeaders?: HeaderLine[]; resHeaders?: HeaderLine[]; body?: string; resBody?: string; url?: string } = {}): RecordEvent {
  const body = extra.body ?? '';
  const resBody = extra.resBody ?? '';
  return {
    type: 'record',
    seq,
    record: {
      kind,
      parser: 'node',
      answeredBy: 'policy',
      request: { method, url: extra.url ?? '/getData.html', httpVersion: '1.1', headers: [['Host', 'localhost:8000'], ['Origin', PAGE], ...(extra.reqHeaders ?? [])], body, bodyBytes: body.length },
      response: { status, headers: extra.resHeaders ?? [], body: resBody, bodyBytes: resBody.length },
      receivedAt: T0 + seq * 100,
      respondedAt: T0 + seq * 100 + 2.5,
    },
  };
}

function sent(number: number, request: Partial<LabRequest>, result: ScriptResult | null, records: RecordEvent[]): SentRequest {
  return {
    send: {
      id: `send-${number}`,
      number,
      pageOrigin: PAGE,
      startedAt: T0 + number * 100 - 50,
      result,
      request: { api: 'fetch', method: 'GET', url: `${ORIGIN}/getData.html`, headers: [], body: '', credentials: 'same-origin', ...request },
    },
    records,
  };
}

const allowedPut = sent(1, { method: 'PUT', body: 'new value', headers: [['Content-Type', 'text/plain']] }, { kind: 'response', status: 200, body: 'server----001', headers: [] }, [
  rec(1, 'preflight', 'OPTIONS', 204, {
    reqHeaders: [['Access-Control-Request-Method', 'PUT']],
    resHeaders: [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Methods', 'PUT']],
  }),
  rec(2, 'actual', 'PUT', 200, {
    reqHeaders: [['Content-Type', 'text/plain'], ['Cookie', 'labsession=abc; theme=dark']],
    resHeaders: [['Access-Control-Allow-Origin', '*'], ['Content-Type', 'text/html'], ['Set-Cookie', 'labsession=xyz; Path=/; HttpOnly; SameSite=None; Secure']],
    body: 'new value',
    resBody: 'server----001',
  }),
]);
const blockedGet = sent(2, { api: 'xhr', url: `${ORIGIN}/getData.html?a=1&b=x+y%21` }, { kind: 'error', message: 'XHR error (status 0)' }, [
  rec(3, 'actual', 'GET', 200, { url: '/getData.html?a=1&b=x+y%21', resBody: 'server----001', resHeaders: [['Content-Type', 'text/html']] }),
]);
const forbidden = sent(3, { method: 'TRACE' }, { kind: 'error', message: 'TypeError' }, []);

const har = harOf([allowedPut, blockedGet, forbidden], { pageUrl: `${PAGE}/`, origin: ORIGIN, creator: { name: 'CORS Lab', version: '1.0.0' } });

describe('harOf', () => {
  it('is valid HAR 1.2 by the har-schema package', () => {
    const validate = harValidator();
    expect(validate(har), JSON.stringify(validate.errors)).toBe(true);
    // The validator has teeth: a HAR without a response status fails it.
    const broken = JSON.parse(JSON.stringify(har)) as { log: { entries: { response: { status?: number } }[] } };
    delete broken.log.entries[0]!.response.status;
    expect(validate(broken)).toBe(false);
  });

  it('has one entry per record, in wire order, and none for a send that reached nothing', () => {
    expect(har.log.entries.map((e) => [e.request.method, e.request.url, e.response.status, e._resourceType, e._corsLab.kind, e._corsLab.send])).toEqual([
      ['OPTIONS', `${ORIGIN}/getData.html`, 204, 'preflight', 'preflight', 1],
      ['PUT', `${ORIGIN}/getData.html`, 200, 'fetch', 'actual', 1],
      ['GET', `${ORIGIN}/getData.html?a=1&b=x+y%21`, 200, 'xhr', 'actual', 2],
    ]);
  });

  it('writes the log, the page and a request as DevTools reads them', () => {
    const { entries, ...log } = har.log;
    expect(log).toEqual({
      version: '1.2',
      creator: { name: 'CORS Lab', version: '1.0.0' },
      pages: [{ startedDateTime: new Date(T0 + 50).toISOString(), id: 'page_1', title: `${PAGE}/`, pageTimings: { onContentLoad: -1, onLoad: -1 } }],
    });
    expect(entries[1]).toEqual({
      pageref: 'page_1',
      startedDateTime: '2025-01-02T03:04:05.800Z',
      time: 2.5,
      request: {
        method: 'PUT',
        url: `${ORIGIN}/getData.html`,
        httpVersion: 'HTTP/1.1',
        cookies: [{ name: 'labsession', value: 'abc' }, { name: 'theme', value: 'dark' }],
        headers: [
          { name: 'Host', value: 'localhost:8000' },
          { name: 'Origin', value: PAGE },
          { name: 'Content-Type', value: 'text/plain' },
          { name: 'Cookie', value: 'labsession=abc; theme=dark' },
        ],
        queryString: [],
        postData: { mimeType: 'text/plain', text: 'new value' },
        headersSize: -1,
        bodySize: 9,
      },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        cookies: [{ name: 'labsession', value: 'xyz', path: '/', httpOnly: true, secure: true }],
        headers: [
          { name: 'Access-Control-Allow-Origin', value: '*' },
          { name: 'Content-Type', value: 'text/html' },
          { name: 'Set-Cookie', value: 'labsession=xyz; Path=/; HttpOnly; SameSite=None; Secure' },
        ],
        content: { size: 13, mimeType: 'text/html', text: 'server----001' },
        redirectURL: '',
        headersSize: -1,
        bodySize: 13,
      },
      cache: {},
      timings: { send: 0, wait: 2.5, receive: 0 },
      _resourceType: 'fetch',
      _corsLab: {
        kind: 'actual',
        send: 1,
        scriptSaw: { kind: 'response', status: 200, body: 'server----001', headers: [] },
        tone: 'allowed',
        verdict: 'Allowed: the script read status 200',
        seq: 2,
      },
    });
  });

  it('keeps what the script saw beside a response the browser hid', () => {
    expect(har.log.entries[2]!._corsLab).toMatchObject({ scriptSaw: { kind: 'error', message: 'XHR error (status 0)' }, tone: 'blocked' });
    expect(har.log.entries[2]!.request.queryString).toEqual([{ name: 'a', value: '1' }, { name: 'b', value: 'x y!' }]);
  });

  it('notes a body server01 kept only the start of', () => {
    const cut = rec(9, 'actual', 'POST', 200, { body: 'abc' });
    const big = { ...cut, record: { ...cut.record, request: { ...cut.record.request, bodyBytes: 10_000 } } };
    const [entry] = harOf([sent(9, { method: 'POST' }, null, [big])], { pageUrl: PAGE, origin: ORIGIN, creator: { name: 'CORS Lab', version: '1' } }).log.entries;
    expect(entry!.request.postData).toEqual({ mimeType: '', text: 'abc', comment: 'server01 kept only the start of this 10000-byte body' });
    expect(entry!.request.bodySize).toBe(10_000);
  });

  it('reads a query as a form does', () => {
    expect(queryStringOf('/p?x=%E2%9C%93&flag&=v&bad=%E0#frag')).toEqual([
      { name: 'x', value: '✓' },
      { name: 'flag', value: '' },
      { name: '', value: 'v' },
      { name: 'bad', value: '%E0' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { answerResource, entityTags, freshResource, INITIAL_VALUE, type ConditionalRequest } from './conditional-resource.ts';

const T0 = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
const HTTP_T0 = 'Fri, 02 Jan 2026 03:04:05 GMT';
const v1 = freshResource(T0);
const get = (extra: Partial<ConditionalRequest> = {}): ConditionalRequest => ({ method: 'GET', body: '', ...extra });
const put = (extra: Partial<ConditionalRequest> = {}): ConditionalRequest => ({ method: 'PUT', body: 'edited', ...extra });

describe('the conditional resource', () => {
  it('answers a plain GET 200 with its JSON, a strong ETag, Last-Modified in whole seconds and no-store', () => {
    expect(answerResource(v1, get(), T0)).toEqual({
      status: 200,
      headers: [['ETag', '"v1"'], ['Last-Modified', HTTP_T0], ['Cache-Control', 'no-store'], ['Content-Type', 'application/json; charset=utf-8']],
      body: JSON.stringify({ version: 1, value: INITIAL_VALUE }),
      next: v1,
    });
  });

  it('answers 304 with the validators and no body when If-None-Match matches, weakly or by *', () => {
    const statuses = ['"v1"', 'W/"v1"', '"v0", "v1"', '*', '"v2"', 'v1'].map((tag) => answerResource(v1, get({ ifNoneMatch: tag }), T0).status);
    expect(statuses).toEqual([304, 304, 304, 304, 200, 200]);
    expect(answerResource(v1, get({ ifNoneMatch: '"v1"' }), T0)).toEqual({
      status: 304,
      headers: [['ETag', '"v1"'], ['Last-Modified', HTTP_T0], ['Cache-Control', 'no-store']],
      body: '',
      next: v1,
    });
  });

  it('answers 304 to If-Modified-Since at or after Last-Modified, ignores a bad date, and lets If-None-Match win', () => {
    const at = (ims: string, inm?: string) => answerResource(v1, get({ ifModifiedSince: ims, ...(inm === undefined ? {} : { ifNoneMatch: inm }) }), T0).status;
    expect([at(HTTP_T0), at('Fri, 02 Jan 2026 03:04:04 GMT'), at('Sat, 03 Jan 2026 00:00:00 GMT'), at('yesterday'), at(HTTP_T0, '"v9"')]).toEqual([304, 200, 304, 200, 200]);
  });

  it('takes a PUT whose If-Match is the current ETag: a new version, ETag and a later Last-Modified, even in the same second', () => {
    const answer = answerResource(v1, put({ ifMatch: '"v1"' }), T0 + 100);
    expect(answer).toEqual({
      status: 200,
      headers: [['ETag', '"v2"'], ['Last-Modified', 'Fri, 02 Jan 2026 03:04:06 GMT'], ['Cache-Control', 'no-store'], ['Content-Type', 'application/json; charset=utf-8']],
      body: JSON.stringify({ version: 2, value: 'edited' }),
      next: { version: 2, value: 'edited', lastModified: T0 - 678 + 1000 },
    });
  });

  it('refuses a stale If-Match with 412 and the current ETag, and a PUT without If-Match with 428; neither changes it', () => {
    const stale = answerResource({ ...v1, version: 2 }, put({ ifMatch: '"v1"' }), T0);
    expect({ status: stale.status, etag: stale.headers.find(([n]) => n === 'ETag')?.[1], body: JSON.parse(stale.body), version: stale.next.version }).toEqual({
      status: 412,
      etag: '"v2"',
      body: { error: 'Precondition Failed: If-Match "v1" is not the current ETag "v2"' },
      version: 2,
    });
    const weakOrMissing = [put({ ifMatch: 'W/"v1"' }), put({ ifMatch: 'nonsense' }), put()].map((r) => answerResource(v1, r, T0));
    expect(weakOrMissing.map((a) => [a.status, a.next])).toEqual([[412, v1], [412, v1], [428, v1]]);
    expect(answerResource(v1, put({ ifMatch: '*' }), T0).status).toBe(200);
  });

  it('answers other methods 405 with Allow, and OPTIONS (when the routes answer preflights) 204', () => {
    expect([answerResource(v1, { method: 'DELETE', body: '' }, T0), answerResource(v1, { method: 'OPTIONS', body: '' }, T0)].map((a) => [a.status, a.headers[0]])).toEqual([
      [405, ['Allow', 'GET, HEAD, PUT']],
      [204, ['Allow', 'GET, HEAD, PUT']],
    ]);
  });

  it('parses entity-tag lists, and refuses what is not one', () => {
    expect([entityTags(' * '), entityTags('"a", W/"b"'), entityTags('a'), entityTags(''), entityTags('"a" "b"')]).toEqual([
      '*',
      [{ weak: false, tag: 'a' }, { weak: true, tag: 'b' }],
      null,
      null,
      null,
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  classify,
  CONDITIONAL_HEADERS,
  isChromiumOnlySafelisted,
  isCorsSafelistedRequestHeader,
  isForbiddenRequestHeader,
  originOfUrl,
  type Classification,
  type LabRequest,
} from './request-classification.ts';

const PAGE = 'http://localhost:8100';
const API = 'http://localhost:8000/getData.html';

const request = (r: Partial<LabRequest>): LabRequest => ({ api: 'fetch', method: 'GET', url: API, headers: [], body: '', credentials: 'same-origin', ...r });

/** A cross-origin GET without headers: each test states the fields it changes, and compares the whole classification. */
const simpleGet: Classification = {
  method: 'GET',
  crossOrigin: true,
  forbiddenMethod: false,
  droppedHeaders: [],
  unsafeHeaderNames: [],
  needsPreflight: false,
  because: [],
  withCredentials: false,
  bypassesPreflightCache: false,
  chromiumNotes: [],
};

const hintNote = (name: string, value: string) =>
  `Chromium safelists the client hint ${name} (with a value like "${value}"); the Fetch standard does not, so other browsers would preflight it.`;

/** Pairs [value, safelisted?] for one header name, so a failure names the value. */
function safelisting(name: string, table: readonly (readonly [string, boolean])[]) {
  return { actual: table.map(([value]) => [value, isCorsSafelistedRequestHeader(name, value)]), expected: table };
}

// fetch.spec.whatwg.org/#cors-preflight-fetch (when a request needs one) and #cors-unsafe-request-header-names
describe('classify', () => {
  it('a cross-origin GET without headers is simple', () => {
    expect(classify(request({}), PAGE)).toEqual(simpleGet);
  });

  // fetch.spec.whatwg.org/#concept-method-normalize, #cors-safelisted-method
  it('a PUT typed in lowercase goes out as PUT and needs a preflight', () => {
    expect(classify(request({ method: 'put' }), PAGE)).toEqual({
      ...simpleGet,
      method: 'PUT',
      needsPreflight: true,
      because: ['the method PUT is not GET, HEAD or POST'],
    });
  });

  it('a lowercase patch stays patch on the wire', () => {
    expect(classify(request({ method: 'patch' }), PAGE)).toEqual({
      ...simpleGet,
      method: 'patch',
      needsPreflight: true,
      because: ['the method patch is not GET, HEAD or POST'],
    });
  });

  it('a custom header needs a preflight and is listed lowercased, once, sorted', () => {
    const headers: LabRequest['headers'] = [
      ['X-Custom-Header', 'a'],
      ['x-custom-header', 'b'],
      ['Accept', 'text/plain'],
      ['X-Another', '1'],
    ];
    expect(classify(request({ headers }), PAGE)).toEqual({
      ...simpleGet,
      unsafeHeaderNames: ['x-another', 'x-custom-header'],
      needsPreflight: true,
      because: ['the header x-custom-header is not CORS-safelisted', 'the header x-another is not CORS-safelisted'],
    });
  });

  it('Content-Type application/json needs a preflight; text/plain does not', () => {
    const json = classify(request({ method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' }), PAGE);
    const text = classify(request({ method: 'POST', headers: [['Content-Type', 'text/plain;charset=UTF-8']], body: 'hi' }), PAGE);
    expect([json, text]).toEqual([
      { ...simpleGet, method: 'POST', unsafeHeaderNames: ['content-type'], needsPreflight: true, because: ['the header content-type is not CORS-safelisted'] },
      { ...simpleGet, method: 'POST' },
    ]);
  });

  // fetch.spec.whatwg.org/#forbidden-request-header
  it('drops forbidden headers like Cookie silently, so they cause no preflight', () => {
    const headers: LabRequest['headers'] = [
      ['Cookie', 'labsession=1'],
      ['Sec-Fetch-Mode', 'cors'],
      ['Proxy-Authorization', 'x'],
      ['X-HTTP-Method-Override', 'TRACE'],
    ];
    expect(classify(request({ headers }), PAGE)).toEqual({
      ...simpleGet,
      droppedHeaders: ['Cookie', 'Sec-Fetch-Mode', 'Proxy-Authorization', 'X-HTTP-Method-Override'],
    });
  });

  it('Chromium 156: drops a User-Agent set by the script, and says the standard allows it', () => {
    expect(classify(request({ headers: [['User-Agent', 'lab/1.0']] }), PAGE)).toEqual({
      ...simpleGet,
      droppedHeaders: ['User-Agent'],
      chromiumNotes: ['Chromium still drops a User-Agent set by a script; the Fetch standard has allowed it since 2019.'],
    });
  });

  it('Chromium 156: a safelisted client hint needs no preflight, and the classification says other browsers differ', () => {
    const headers: LabRequest['headers'] = [['DPR', '2'], ['Save-Data', 'on']];
    expect(classify(request({ headers }), PAGE)).toEqual({ ...simpleGet, chromiumNotes: [hintNote('DPR', '2'), hintNote('Save-Data', 'on')] });
  });

  it('Chromium 156: a client hint with a value outside its rule needs a preflight and earns no note', () => {
    expect(classify(request({ headers: [['ECT', '5g']] }), PAGE)).toEqual({
      ...simpleGet,
      unsafeHeaderNames: ['ect'],
      needsPreflight: true,
      because: ['the header ect is not CORS-safelisted'],
    });
  });

  it('Last-Event-ID needs a preflight, and the reason corrects the older articles', () => {
    expect(classify(request({ headers: [['Last-Event-ID', '42']] }), PAGE)).toEqual({
      ...simpleGet,
      unsafeHeaderNames: ['last-event-id'],
      needsPreflight: true,
      because: ['the header last-event-id is not CORS-safelisted (older articles say it is; the standard and Chromium dropped it)'],
    });
  });

  // fetch.spec.whatwg.org/#simple-range-header-value
  it('a simple Range stays simple; a Range Chromium does not call simple needs a preflight', () => {
    const ranges = ['bytes=0-', 'bytes=0-1', 'BYTES=0-1', 'bytes=5-1', 'bytes=+5-'];
    expect(ranges.map((range) => [range, classify(request({ headers: [['Range', range]] }), PAGE).needsPreflight])).toEqual([
      ['bytes=0-', false],
      ['bytes=0-1', false],
      ['BYTES=0-1', true],
      ['bytes=5-1', true],
      ['bytes=+5-', true],
    ]);
  });

  // fetch.spec.whatwg.org/#cors-unsafe-request-header-names counts the values' lengths only.
  // Eight different names, 128 bytes of value each: fetch joins repeated lines of one name
  // into one value (which would then exceed 128 bytes by itself).
  const eightSafelisted: [string, string][] = [
    ['Accept', 'a'.repeat(128)],
    ['Content-Language', 'a'.repeat(128)],
    ['Range', `bytes=0-${'1'.repeat(120)}`],
    ['Intervention', 'a'.repeat(128)],
    ['DPR', '1'.repeat(128)],
    ['Device-Memory', '1'.repeat(128)],
    ['Width', '1'.repeat(128)],
    ['Viewport-Width', '1'.repeat(128)],
  ];
  const eightNotes = eightSafelisted.slice(3).map(([n, v]) => hintNote(n, v));

  it('keeps safelisted headers simple while their values total at most 1024 bytes, however long the names', () => {
    expect(eightSafelisted.reduce((sum, [, v]) => sum + v.length, 0)).toBe(1024);
    expect(classify(request({ headers: eightSafelisted }), PAGE)).toEqual({ ...simpleGet, chromiumNotes: eightNotes });
  });

  it('counts every safelisted header as unsafe once their values exceed 1024 bytes together', () => {
    const headers: LabRequest['headers'] = [...eightSafelisted, ['Accept-Language', 'en_US'], ['Content-Type', 'text/plain']];
    expect(classify(request({ method: 'POST', headers }), PAGE)).toEqual({
      ...simpleGet,
      method: 'POST',
      unsafeHeaderNames: ['accept', 'accept-language', 'content-language', 'content-type', 'device-memory', 'dpr', 'intervention', 'range', 'viewport-width', 'width'],
      needsPreflight: true,
      because: ['the header accept-language is not CORS-safelisted', 'the safelisted headers together exceed 1024 bytes'],
      chromiumNotes: eightNotes,
    });
  });

  it('never preflights a same-origin request, whatever it carries, and sends its cookies', () => {
    const same = request({ method: 'DELETE', url: `${PAGE}/api/policy`, headers: [['X-Custom-Header', '1']] });
    const relative = request({ method: 'PUT', url: '/api/policy', headers: [['Content-Type', 'application/json']] });
    expect([classify(same, PAGE), classify(relative, PAGE)]).toEqual([
      { ...simpleGet, method: 'DELETE', crossOrigin: false, unsafeHeaderNames: ['x-custom-header'], withCredentials: true },
      { ...simpleGet, method: 'PUT', crossOrigin: false, unsafeHeaderNames: ['content-type'], withCredentials: true },
    ]);
  });

  // fetch.spec.whatwg.org/#concept-request-credentials-mode
  it('sends credentials cross-origin only with include; same-origin mode only to the same origin', () => {
    const modes = (['include', 'same-origin', 'omit'] as const).flatMap((credentials) => [
      classify(request({ credentials }), PAGE).withCredentials,
      classify(request({ credentials, url: `${PAGE}/x` }), PAGE).withCredentials,
    ]);
    expect(modes).toEqual([true, true, false, true, false, false]);
  });

  // fetch.spec.whatwg.org/#forbidden-method
  it('marks CONNECT, TRACE and TRACK as forbidden methods', () => {
    expect(['connect', 'TRACE', 'track', 'VIEW'].map((method) => classify(request({ method }), PAGE).forbiddenMethod)).toEqual([true, true, true, false]);
  });

  // fetch.spec.whatwg.org/#http-network-or-cache-fetch: a conditional request's cache mode becomes no-store.
  it('Chromium 156: every conditional header bypasses the preflight cache; Cache-Control and Pragma do not', () => {
    const names = ['If-Match', 'If-None-Match', 'If-Modified-Since', 'If-Unmodified-Since', 'If-Range', 'Cache-Control', 'Pragma'];
    expect(names.map((name) => [name, classify(request({ method: 'PUT', headers: [[name, '"v1"']] }), PAGE).bypassesPreflightCache])).toEqual([
      ['If-Match', true],
      ['If-None-Match', true],
      ['If-Modified-Since', true],
      ['If-Unmodified-Since', true],
      ['If-Range', true],
      ['Cache-Control', false],
      ['Pragma', false],
    ]);
  });

  it('a conditional request is preflighted for its header, and flagged to bypass the cache', () => {
    expect(classify(request({ method: 'PUT', headers: [['If-Match', '"v1"']] }), PAGE)).toEqual({
      ...simpleGet,
      method: 'PUT',
      unsafeHeaderNames: ['if-match'],
      needsPreflight: true,
      because: ['the method PUT is not GET, HEAD or POST', 'the header if-match is not CORS-safelisted'],
      bypassesPreflightCache: true,
    });
  });
});

describe('CONDITIONAL_HEADERS', () => {
  // fetch.spec.whatwg.org/#http-network-or-cache-fetch names these five.
  it('lists the five conditional request headers, lowercased', () => {
    expect([...CONDITIONAL_HEADERS].sort()).toEqual(['if-match', 'if-modified-since', 'if-none-match', 'if-range', 'if-unmodified-since']);
  });
});

// fetch.spec.whatwg.org/#cors-safelisted-request-header
describe('isCorsSafelistedRequestHeader', () => {
  it('Accept: any value without a CORS-unsafe byte, up to 128 bytes', () => {
    const { actual, expected } = safelisting('Accept', [
      ['application/json, text/*;q=0.9', true],
      ['*/*', true],
      ['a'.repeat(128), true],
      ['a'.repeat(129), false],
      ['text/"plain"', false],
      ['a{b}', false],
      ['x@y', false],
      ['a\x01b', false],
      ['a\tb', true],
    ]);
    expect(actual).toEqual(expected);
  });

  it('Accept-Language and Content-Language: only 0-9 A-Z a-z space * , - . ; =', () => {
    const table = [
      ['en-US,en;q=0.9', true],
      ['*', true],
      ['en_US', false],
      ['de/AT', false],
    ] as const;
    expect([...safelisting('Accept-Language', table).actual, ...safelisting('content-language', table).actual]).toEqual([...table, ...table]);
  });

  it('Content-Type: the essence, lowercased, is one of the three; the type/subtype split must give two tokens', () => {
    const { actual, expected } = safelisting('Content-Type', [
      ['text/plain', true],
      ['TEXT/PLAIN', true],
      ['text/plain;', true],
      ['text/plain;charset=UTF-8', true],
      ['text/plain ;charset=UTF-8', true],
      [' text/plain', true],
      ['application/x-www-form-urlencoded', true],
      ['multipart/form-data; boundary=x', true],
      ['application/json', false],
      ['text/html', false],
      ['text/plain, text/html', false],
      ['text /plain', false],
      ['text/ plain', false],
      ['text/plain/x', false],
      ['text', false],
      ['', false],
      // CORS-unsafe bytes fail anywhere in the value, parameters included.
      ['text/plain; charset="utf-8"', false],
      ['text/plain; a=(b)', false],
      [`text/plain;a=${'a'.repeat(115)}`, true],
      [`text/plain;a=${'a'.repeat(116)}`, false],
    ]);
    expect(actual).toEqual(expected);
  });

  // fetch.spec.whatwg.org/#simple-range-header-value
  it('Range: only bytes=N- or bytes=N-M with M >= N, lowercase bytes, no spaces, one range', () => {
    const { actual, expected } = safelisting('Range', [
      ['bytes=0-', true],
      ['bytes=0-1', true],
      ['bytes=5-5', true],
      ['bytes=100-', true],
      ['BYTES=0-1', false],
      ['Bytes=0-1', false],
      ['bytes=5-1', false],
      ['bytes=+5-', false],
      ['bytes=-5', false],
      ['bytes = 0-1', false],
      ['bytes=0-1,2-3', false],
      ['bytes=a-b', false],
      ['items=0-1', false],
    ]);
    expect(actual).toEqual(expected);
  });

  it('Chromium 156: device-memory, dpr and downlink take 1*DIGIT ["." 1*DIGIT]', () => {
    const table = [
      ['8', true],
      ['0.5', true],
      ['10.25', true],
      ['.5', false],
      ['1.', false],
      ['1.2.3', false],
      ['-1', false],
      ['+1', false],
      ['1e3', false],
      ['', false],
      ['fast', false],
    ] as const;
    const actual = ['Device-Memory', 'DPR', 'Downlink'].flatMap((name) => safelisting(name, table).actual);
    expect(actual).toEqual([...table, ...table, ...table]);
  });

  it('Chromium 156: width, viewport-width and rtt take 1*DIGIT', () => {
    const table = [
      ['1920', true],
      ['0', true],
      ['19.5', false],
      ['800px', false],
      ['-1', false],
      ['', false],
    ] as const;
    const actual = ['Width', 'Viewport-Width', 'RTT'].flatMap((name) => safelisting(name, table).actual);
    expect(actual).toEqual([...table, ...table, ...table]);
  });

  it('Chromium 156: ect is exactly 4g, 3g, 2g or slow-2g', () => {
    const { actual, expected } = safelisting('ECT', [
      ['4g', true],
      ['3g', true],
      ['2g', true],
      ['slow-2g', true],
      ['4G', false],
      ['5g', false],
      [' 4g', false],
      ['', false],
    ]);
    expect(actual).toEqual(expected);
  });

  it('Chromium 156: save-data is "on" in any case; intervention takes any value up to 128 bytes', () => {
    const saveData = safelisting('Save-Data', [
      ['on', true],
      ['ON', true],
      ['On', true],
      ['off', false],
      ['on;', false],
    ]);
    const intervention = safelisting('Intervention', [
      ['<https://example.com/>; level="warning"', true],
      ['', true],
      ['a'.repeat(128), true],
      ['a'.repeat(129), false],
    ]);
    expect([saveData.actual, intervention.actual]).toEqual([saveData.expected, intervention.expected]);
  });

  it('Last-Event-ID, Authorization, Cache-Control, X-Requested-With and custom names are not safelisted', () => {
    const names = ['Last-Event-ID', 'Authorization', 'Cache-Control', 'Pragma', 'X-Requested-With', 'X-Custom-Header', 'If-Match'];
    expect(names.filter((n) => isCorsSafelistedRequestHeader(n, '1'))).toEqual([]);
  });
});

describe('isChromiumOnlySafelisted', () => {
  it('Chromium 156: names the nine client hints Chromium safelists beyond the standard, any case', () => {
    const names = ['device-memory', 'DPR', 'Downlink', 'width', 'Viewport-Width', 'rtt', 'ECT', 'Save-Data', 'intervention', 'accept', 'content-type', 'range', 'last-event-id', 'lang'];
    expect(names.filter(isChromiumOnlySafelisted)).toEqual(['device-memory', 'DPR', 'Downlink', 'width', 'Viewport-Width', 'rtt', 'ECT', 'Save-Data', 'intervention']);
  });
});

// fetch.spec.whatwg.org/#forbidden-request-header
describe('isForbiddenRequestHeader', () => {
  it('forbids the standard list and the Proxy- and Sec- prefixes, in any case', () => {
    const names = [
      'Accept-Charset', 'Accept-Encoding', 'Access-Control-Request-Headers', 'Access-Control-Request-Method', 'Connection',
      'Content-Length', 'Cookie', 'Cookie2', 'Date', 'DNT', 'Expect', 'Host', 'Keep-Alive', 'Origin', 'Referer', 'Set-Cookie',
      'TE', 'Trailer', 'Transfer-Encoding', 'Upgrade', 'Via', 'proxy-authorization', 'Proxy-Anything', 'Sec-Fetch-Mode', 'SEC-CH-UA',
      'COOKIE', 'host',
    ];
    expect(names.filter((n) => !isForbiddenRequestHeader(n, 'x'))).toEqual([]);
  });

  it('Chromium 156: User-Agent is forbidden (the standard allows it since 2019)', () => {
    expect([isForbiddenRequestHeader('User-Agent', 'lab/1.0'), isForbiddenRequestHeader('user-agent', '')]).toEqual([true, true]);
  });

  it('a method-override header is forbidden only when it names CONNECT, TRACE or TRACK, in any case', () => {
    const lines: [string, string][] = [
      ['X-HTTP-Method-Override', 'TRACE'],
      ['X-HTTP-Method', 'connect'],
      ['X-Method-Override', 'Track'],
      ['x-http-method-override', 'GET, TRACE'],
      ['X-HTTP-Method-Override', ' track '],
      ['X-HTTP-Method-Override', 'PUT'],
      ['X-HTTP-Method-Override', 'DELETE, PATCH'],
      ['X-HTTP-Method', 'TRACES'],
      ['X-Other-Override', 'TRACE'],
    ];
    expect(lines.map(([n, v]) => [n, v, isForbiddenRequestHeader(n, v)])).toEqual([
      ['X-HTTP-Method-Override', 'TRACE', true],
      ['X-HTTP-Method', 'connect', true],
      ['X-Method-Override', 'Track', true],
      ['x-http-method-override', 'GET, TRACE', true],
      ['X-HTTP-Method-Override', ' track ', true],
      ['X-HTTP-Method-Override', 'PUT', false],
      ['X-HTTP-Method-Override', 'DELETE, PATCH', false],
      ['X-HTTP-Method', 'TRACES', false],
      ['X-Other-Override', 'TRACE', false],
    ]);
  });

  it('lets ordinary headers through, Authorization and the safelisted ones included', () => {
    const names = ['Authorization', 'Accept', 'Content-Type', 'X-Custom-Header', 'If-Match', 'Cache-Control', 'Last-Event-ID', 'Secret', 'Proxy'];
    expect(names.filter((n) => isForbiddenRequestHeader(n, 'x'))).toEqual([]);
  });
});

// html.spec.whatwg.org/#ascii-serialisation-of-an-origin
describe('originOfUrl', () => {
  it('serializes the origin of absolute http(s) URLs and refuses the rest', () => {
    const urls = ['http://localhost:8000/getData.html', 'HTTP://LocalHost:8000', 'http://localhost:80/x', 'https://user:pw@example.com:443/?q', 'http://localhost:8080', '/getData.html', 'ftp://x'];
    expect(urls.map(originOfUrl)).toEqual(['http://localhost:8000', 'http://localhost:8000', 'http://localhost', 'https://example.com', 'http://localhost:8080', null, null]);
  });
});

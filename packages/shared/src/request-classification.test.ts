import { describe, expect, it } from 'vitest';
import { classify, originOfUrl, type LabRequest } from './request-classification.ts';

const PAGE = 'http://localhost:8100';
const API = 'http://localhost:8000/getData.html';

const request = (r: Partial<LabRequest>): LabRequest => ({ api: 'fetch', method: 'GET', url: API, headers: [], body: '', credentials: 'same-origin', ...r });

describe('classify', () => {
  it('a cross-origin GET without headers is simple', () => {
    expect(classify(request({}), PAGE)).toEqual({
      method: 'GET',
      crossOrigin: true,
      forbiddenMethod: false,
      droppedHeaders: [],
      unsafeHeaderNames: [],
      needsPreflight: false,
      because: [],
      withCredentials: false,
    });
  });

  it('a PUT typed in lowercase goes out as PUT and needs a preflight', () => {
    expect(classify(request({ method: 'put' }), PAGE)).toEqual({
      method: 'PUT',
      crossOrigin: true,
      forbiddenMethod: false,
      droppedHeaders: [],
      unsafeHeaderNames: [],
      needsPreflight: true,
      because: ['the method PUT is not GET, HEAD or POST'],
      withCredentials: false,
    });
  });

  it('a lowercase patch stays patch on the wire', () => {
    expect(classify(request({ method: 'patch' }), PAGE)).toEqual({
      method: 'patch',
      crossOrigin: true,
      forbiddenMethod: false,
      droppedHeaders: [],
      unsafeHeaderNames: [],
      needsPreflight: true,
      because: ['the method patch is not GET, HEAD or POST'],
      withCredentials: false,
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
      method: 'GET',
      crossOrigin: true,
      forbiddenMethod: false,
      droppedHeaders: [],
      unsafeHeaderNames: ['x-another', 'x-custom-header'],
      needsPreflight: true,
      because: ['the header x-custom-header is not CORS-safelisted', 'the header x-another is not CORS-safelisted'],
      withCredentials: false,
    });
  });

  it('Content-Type application/json needs a preflight; text/plain does not', () => {
    const json = classify(request({ method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' }), PAGE);
    const text = classify(request({ method: 'POST', headers: [['Content-Type', 'text/plain;charset=UTF-8']], body: 'hi' }), PAGE);
    expect([json, text]).toEqual([
      {
        method: 'POST',
        crossOrigin: true,
        forbiddenMethod: false,
        droppedHeaders: [],
        unsafeHeaderNames: ['content-type'],
        needsPreflight: true,
        because: ['the header content-type is not CORS-safelisted'],
        withCredentials: false,
      },
      {
        method: 'POST',
        crossOrigin: true,
        forbiddenMethod: false,
        droppedHeaders: [],
        unsafeHeaderNames: [],
        needsPreflight: false,
        because: [],
        withCredentials: false,
      },
    ]);
  });

  it('drops forbidden headers like Cookie silently, so they cause no preflight', () => {
    const headers: LabRequest['headers'] = [
      ['Cookie', 'labsession=1'],
      ['Sec-Fetch-Mode', 'cors'],
      ['Proxy-Authorization', 'x'],
      ['X-HTTP-Method-Override', 'TRACE'],
    ];
    expect(classify(request({ headers }), PAGE)).toEqual({
      method: 'GET',
      crossOrigin: true,
      forbiddenMethod: false,
      droppedHeaders: ['Cookie', 'Sec-Fetch-Mode', 'Proxy-Authorization', 'X-HTTP-Method-Override'],
      unsafeHeaderNames: [],
      needsPreflight: false,
      because: [],
      withCredentials: false,
    });
  });

  // fetch.spec.whatwg.org/#cors-unsafe-request-header-names counts the values' lengths only.
  it('keeps safelisted headers simple while their values total at most 1024 bytes, however long the names', () => {
    const headers = Array.from({ length: 8 }, (): [string, string] => ['Accept', 'a'.repeat(128)]);
    expect(classify(request({ headers }), PAGE)).toEqual({
      method: 'GET',
      crossOrigin: true,
      forbiddenMethod: false,
      droppedHeaders: [],
      unsafeHeaderNames: [],
      needsPreflight: false,
      because: [],
      withCredentials: false,
    });
  });

  it('counts every safelisted header as unsafe once their values exceed 1024 bytes together', () => {
    const headers: LabRequest['headers'] = [
      ...Array.from({ length: 8 }, (): [string, string] => ['Accept', 'a'.repeat(128)]),
      ['Accept-Language', 'en_US'],
      ['Content-Type', 'text/plain'],
    ];
    expect(classify(request({ method: 'POST', headers }), PAGE)).toEqual({
      method: 'POST',
      crossOrigin: true,
      forbiddenMethod: false,
      droppedHeaders: [],
      unsafeHeaderNames: ['accept', 'accept-language', 'content-type'],
      needsPreflight: true,
      because: ['the header accept-language is not CORS-safelisted', 'the safelisted headers together exceed 1024 bytes'],
      withCredentials: false,
    });
  });

  it('never preflights a same-origin request, whatever it carries, and sends its cookies', () => {
    const same = request({ method: 'DELETE', url: `${PAGE}/api/policy`, headers: [['X-Custom-Header', '1']] });
    const relative = request({ method: 'PUT', url: '/api/policy', headers: [['Content-Type', 'application/json']] });
    expect([classify(same, PAGE), classify(relative, PAGE)]).toEqual([
      {
        method: 'DELETE',
        crossOrigin: false,
        forbiddenMethod: false,
        droppedHeaders: [],
        unsafeHeaderNames: ['x-custom-header'],
        needsPreflight: false,
        because: [],
        withCredentials: true,
      },
      {
        method: 'PUT',
        crossOrigin: false,
        forbiddenMethod: false,
        droppedHeaders: [],
        unsafeHeaderNames: ['content-type'],
        needsPreflight: false,
        because: [],
        withCredentials: true,
      },
    ]);
  });

  it('sends credentials cross-origin only with include; same-origin mode only to the same origin', () => {
    const modes = (['include', 'same-origin', 'omit'] as const).flatMap((credentials) => [
      classify(request({ credentials }), PAGE).withCredentials,
      classify(request({ credentials, url: `${PAGE}/x` }), PAGE).withCredentials,
    ]);
    expect(modes).toEqual([true, true, false, true, false, false]);
  });

  it('marks CONNECT, TRACE and TRACK as forbidden methods', () => {
    expect(['connect', 'TRACE', 'track', 'VIEW'].map((method) => classify(request({ method }), PAGE).forbiddenMethod)).toEqual([true, true, true, false]);
  });
});

describe('originOfUrl', () => {
  it('serializes the origin of absolute http(s) URLs and refuses the rest', () => {
    const urls = ['http://localhost:8000/getData.html', 'HTTP://LocalHost:8000', 'http://localhost:80/x', 'https://user:pw@example.com:443/?q', 'http://localhost:8080', '/getData.html', 'ftp://x'];
    expect(urls.map(originOfUrl)).toEqual(['http://localhost:8000', 'http://localhost:8000', 'http://localhost', 'https://example.com', 'http://localhost:8080', null, null]);
  });
});

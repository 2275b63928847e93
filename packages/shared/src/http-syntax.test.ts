import { describe, expect, it } from 'vitest';
import { isHeaderValue, isSerializedOrigin, isToken, normalizeMethod } from './http-syntax.ts';

describe('isToken', () => {
  it('accepts method and header names made of token characters', () => {
    const names = ['GET', 'patch', 'VIEW', 'X-Custom-Header', 'content-type', "!#$%&'*+-.^_`|~09azAZ", '*'];
    expect(names.filter((n) => !isToken(n))).toEqual([]);
  });

  it('refuses the empty string, spaces, separators, CR/LF and non-ASCII', () => {
    const bad = ['', 'X Custom', ' GET', 'GET ', 'X-A:', 'X-A\r\n', 'X-A\nB', 'a/b', 'a(b)', 'a,b', 'a"b', 'a;b', 'a=b', 'a@b', 'ä', 'a\tb'];
    expect(bad.filter((n) => isToken(n))).toEqual([]);
  });
});

describe('isHeaderValue', () => {
  it('accepts visible ASCII with inner spaces and tabs, obs-text, and the empty value', () => {
    const good = ['', 'text/plain; charset=utf-8', 'a', 'x\ty', 'http://localhost:8100', 'caf\u00e9', '*'];
    expect(good.filter((v) => !isHeaderValue(v))).toEqual([]);
  });

  it('refuses CR, LF and NUL anywhere, other controls, and leading or trailing whitespace', () => {
    const bad = ['a\rb', 'a\nb', 'a\r\nX-Injected: 1', 'a\0b', '\r', '\n', 'a\x7fb', 'a\x01', ' a', 'a ', '\ta', 'a\t', ' '];
    expect(bad.filter((v) => isHeaderValue(v))).toEqual([]);
  });
});

describe('isSerializedOrigin', () => {
  it('accepts origins as a browser serializes them, and the opaque origin null', () => {
    const good = ['http://localhost:8100', 'https://example.com', 'http://127.0.0.1:8000', 'http://[::1]:8000', 'http://localhost:443', 'https://example.com:8443', 'null'];
    expect(good.filter((o) => !isSerializedOrigin(o))).toEqual([]);
  });

  it('refuses a trailing slash, a path, uppercase, a default port, a port out of range, and non-origins', () => {
    const bad = [
      'http://localhost:8100/',
      'http://localhost:8100/getData.html',
      'HTTP://localhost:8100',
      'http://LOCALHOST:8100',
      'http://localhost:80',
      'https://example.com:443',
      'http://localhost:65536',
      'http://localhost:08100',
      'http://localhost:8100?x=1',
      'localhost:8100',
      'Null',
      '*',
      '',
      'http://a b',
    ];
    expect(bad.filter((o) => isSerializedOrigin(o))).toEqual([]);
  });
});

describe('normalizeMethod', () => {
  it('uppercases only the methods Fetch normalizes and keeps others as typed', () => {
    const typed = ['put', 'get', 'Delete', 'options', 'post', 'head', 'patch', 'Patch', 'PATCH', 'VIEW', 'view'];
    expect(typed.map(normalizeMethod)).toEqual(['PUT', 'GET', 'DELETE', 'OPTIONS', 'POST', 'HEAD', 'patch', 'Patch', 'PATCH', 'VIEW', 'view']);
  });
});

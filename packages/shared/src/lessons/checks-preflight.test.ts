import { describe, expect, it } from 'vitest';
import { askedHeaders, askedMethod, listedIn } from './checks.ts';
import { simulate } from './evidence-fixtures.ts';

describe('lesson checks on preflights and header lists', () => {
  it('askedMethod and askedHeaders read what the preflight asked, and nothing without one', () => {
    const put = simulate({ request: { method: 'PUT', headers: [['X-B', '1'], ['X-A', '2']] }, policy: { allowOrigin: '*' } });
    expect([askedMethod(put), askedHeaders(put)]).toEqual(['PUT', ['x-a', 'x-b']]);
    const get = simulate({ policy: { allowOrigin: '*' } });
    expect([askedMethod(get), askedHeaders(get)]).toEqual([undefined, []]);
  });

  it('listedIn reads every line of a list header, lowercased, names case-insensitively', () => {
    const lines: [string, string][] = [['vary', 'Accept-Encoding, Origin'], ['Content-Type', 'text/plain'], ['Vary', ' Cookie ,']];
    expect(listedIn(lines, 'Vary')).toEqual(['accept-encoding', 'origin', 'cookie']);
    expect(listedIn(undefined, 'Vary')).toEqual([]);
  });
});

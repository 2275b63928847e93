import { describe, expect, it } from 'vitest';
import { compareAnswers, corsView, describeDifference, listMembers } from './compare-answers.ts';

describe('corsView', () => {
  it('keeps only the CORS headers and Vary, lowercased, a repeated header combined as fetch combines it', () => {
    const view = corsView({
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', 'http://a.example'],
        ['access-control-allow-origin', 'http://b.example'],
        ['Vary', 'Origin'],
        ['Content-Length', '0'],
        ['Access-Control-Max-Age', ' 600 '],
      ],
    });
    expect([view.status, [...view.headers]]).toEqual([
      204,
      [
        ['access-control-allow-origin', 'http://a.example, http://b.example'],
        ['vary', 'Origin'],
        ['access-control-max-age', '600'],
      ],
    ]);
  });
});

describe('listMembers', () => {
  it('splits a comma list into a sorted set, lowercased for names only', () => {
    expect([listMembers(' X-B ,x-a,, X-B', true), listMembers('PUT, get,PUT', false), listMembers('', true)]).toEqual([['x-a', 'x-b'], ['PUT', 'get'], []]);
  });
});

describe('compareAnswers', () => {
  const lab = corsView({
    status: 204,
    headers: [
      ['Access-Control-Allow-Origin', 'http://localhost:8100'],
      ['Access-Control-Allow-Methods', 'GET, PUT'],
      ['Access-Control-Allow-Headers', 'X-Custom-Header, Authorization'],
      ['Vary', 'Origin'],
    ],
  });

  it('finds no difference in case, order, spacing or a list split over two lines', () => {
    const library = corsView({
      status: 200,
      headers: [
        ['vary', 'origin'],
        ['access-control-allow-headers', 'authorization,x-custom-header'],
        ['access-control-allow-methods', 'PUT'],
        ['access-control-allow-methods', 'GET'],
        ['access-control-allow-origin', 'http://localhost:8100'],
      ],
    });
    expect(compareAnswers(lab, library, true)).toEqual([]);
  });

  it('reports a method in another case, an empty header against none, a missing header, and the preflight status class', () => {
    const library = corsView({
      status: 400,
      headers: [
        ['Access-Control-Allow-Methods', 'get, PUT'],
        ['Access-Control-Allow-Headers', ''],
        ['Vary', 'Origin, Access-Control-Request-Headers'],
      ],
    });
    const diffs = compareAnswers(lab, library, true);
    expect(diffs.map(describeDifference)).toEqual([
      'access-control-allow-headers: lab "X-Custom-Header, Authorization", library ""',
      'access-control-allow-methods: lab "GET, PUT", library "get, PUT"',
      'access-control-allow-origin: lab "http://localhost:8100", library (none)',
      'vary: lab "Origin", library "Origin, Access-Control-Request-Headers"',
      'status: lab 204, library 400',
    ]);
  });

  it('leaves the status of an actual answer to the routes', () => {
    expect(compareAnswers(corsView({ status: 200, headers: [] }), corsView({ status: 400, headers: [] }), false)).toEqual([]);
  });
});

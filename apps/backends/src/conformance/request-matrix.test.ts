import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY } from '@cors-lab/shared';
import { describeRequest, labAnswer, requestMatrix, wireRequest, type MatrixRequest } from './request-matrix.ts';

const PAGE = 'http://localhost:8100';
const POLICY = { ...EMPTY_POLICY, allowOrigin: 'list' as const, originList: [PAGE], allowMethods: ['PUT'], varyOrigin: true, preflightStatus: 204 };

describe('requestMatrix', () => {
  it('crosses 4 origins, 4 methods and 3 header sets in preflights, and adds a plain OPTIONS and a cookie in actual requests', () => {
    const matrix = requestMatrix();
    const count = (f: (r: MatrixRequest) => boolean) => matrix.filter(f).length;
    expect([matrix.length, count((r) => r.preflight), count((r) => r.preflight && r.credentials), count((r) => !r.preflight && r.method === 'OPTIONS')]).toEqual([
      168, 48, 0, 24,
    ]);
  });
});

describe('wireRequest', () => {
  it('sends a preflight as OPTIONS asking for the method and the headers, sorted as browsers do', () => {
    const req: MatrixRequest = { path: '/getData.html', preflight: true, method: 'PUT', origin: PAGE, headers: ['x-custom-header', 'authorization'], credentials: false };
    expect(wireRequest(req)).toEqual({
      method: 'OPTIONS',
      headers: { origin: PAGE, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,x-custom-header' },
    });
  });

  it('sends an actual request with its headers and the cookie, and no Origin when it has none', () => {
    const req: MatrixRequest = { path: '/getData.html', preflight: false, method: 'VIEW', origin: undefined, headers: ['authorization'], credentials: true };
    expect([wireRequest(req), describeRequest(req)]).toEqual([
      { method: 'VIEW', headers: { authorization: 'Bearer conformance', cookie: 'labsession=conformance' } },
      'actual VIEW [authorization] with cookie without Origin',
    ]);
  });
});

describe('labAnswer', () => {
  it("answers with answerFor's headers, and the route's 200 where the policy leaves the status to the route", () => {
    const base = { path: '/getData.html', method: 'PUT', origin: PAGE, headers: [], credentials: false };
    expect([labAnswer(POLICY, { ...base, preflight: true }), labAnswer(POLICY, { ...base, preflight: false })]).toEqual([
      {
        status: 204,
        headers: [
          ['Access-Control-Allow-Origin', PAGE],
          ['Access-Control-Allow-Methods', 'PUT'],
          ['Vary', 'Origin'],
        ],
      },
      {
        status: 200,
        headers: [
          ['Access-Control-Allow-Origin', PAGE],
          ['Vary', 'Origin'],
        ],
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, exportConfig, type Policy } from '@cors-lab/shared';
import { checkExchange, emptyTally, formatTally, summaryLine, tallyCase } from './conformance-tally.ts';
import type { MatrixRequest } from './request-matrix.ts';

const PAGE = 'http://localhost:8100';
const POLICY: Policy = { ...EMPTY_POLICY, allowOrigin: 'list', originList: [PAGE], allowMethods: ['PUT'], allowHeaders: ['x-custom-header'], maxAge: 600 };
const REFUSED: MatrixRequest = { path: '/getData.html', preflight: true, method: 'PUT', origin: 'https://other.example', headers: [], credentials: false };

describe('checkExchange', () => {
  it("explains what cors sends to a refused origin by the export's own notes, and leaves a foreign header unexplained", () => {
    const notes = exportConfig(POLICY, 'express-cors').notes;
    const library = {
      status: 204,
      headers: [
        ['Vary', 'Origin'],
        ['Access-Control-Allow-Methods', 'PUT'],
        ['Access-Control-Allow-Headers', 'x-custom-header'],
        ['Access-Control-Max-Age', '600'],
        ['Access-Control-Allow-Private-Network', 'true'],
      ] as [string, string][],
    };
    expect(checkExchange(POLICY, REFUSED, library, notes).map(({ difference, notes: n }) => [difference.kind === 'header' ? difference.name : 'status', n])).toEqual([
      ['access-control-allow-headers', ['headers-without-origin']],
      ['access-control-allow-methods', ['headers-without-origin']],
      ['access-control-allow-private-network', []],
      ['access-control-max-age', ['headers-without-origin']],
      ['vary', ['vary-origin']],
    ]);
  });
});

describe('tally', () => {
  it('counts cases, differing cases, differences per note and unexplained ones, and prints them compactly', () => {
    const tally = emptyTally('express-cors');
    tally.policies = 1;
    const vary = { kind: 'header' as const, name: 'vary', lab: null, library: 'Origin' };
    tallyCase(tally, 'list', REFUSED, [{ difference: vary, notes: ['vary-origin'] }]);
    tallyCase(tally, 'list', REFUSED, [{ difference: { kind: 'status', lab: 204, library: 500 }, notes: [] }]);
    tallyCase(tally, 'list', { ...REFUSED, preflight: false }, []);
    expect([...formatTally(tally), summaryLine(1, tally.cases, tally.unexplained.length)]).toEqual([
      'express-cors         policies  1  cases     3  differing     2  differences     2  unexplained 1',
      '  explained by: vary-origin 1',
      '  UNEXPLAINED [list] preflight PUT from https://other.example: status: lab 204, library 500',
      'conformance: libraries=1 cases=3 unexplained=1',
    ]);
  });
});

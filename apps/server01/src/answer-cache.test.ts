import { describe, expect, it } from 'vitest';
import { answerFor, EMPTY_POLICY, type CorsRequest, type Policy } from '@cors-lab/shared';
import { groupHeaders, preparedAnswer } from './answer-cache.ts';

const PAGE = 'http://localhost:8100';
const policy = (p: Partial<Policy>): Policy => ({ ...structuredClone(EMPTY_POLICY), ...p });
const LIST = policy({ allowOrigin: 'list', originList: [PAGE], allowMethods: ['PUT'], allowCredentials: true, varyOrigin: true });
const preflight = (origin: string | undefined): CorsRequest => ({ method: 'OPTIONS', origin, isPreflight: true });
const actual = (origin: string | undefined): CorsRequest => ({ method: 'PUT', origin, isPreflight: false });

describe('preparedAnswer', () => {
  it("is answerFor's answer with its headers grouped, per policy, method, preflight or not, and Origin", () => {
    const requests = [preflight(PAGE), preflight('http://evil.example'), preflight(undefined), actual(PAGE), actual('')];
    expect(requests.map((r) => preparedAnswer(LIST, r))).toEqual(
      requests.map((r) => {
        const headersToSet = groupHeaders(answerFor(LIST, r).headers);
        return { answer: answerFor(LIST, r), headersToSet, headerPairs: headersToSet.flat() };
      }),
    );
  });

  it('gives the same prepared answer again for the same policy object, and a new policy its own', () => {
    const again = policy({ ...LIST, allowCredentials: false });
    const first = preparedAnswer(LIST, actual(PAGE));
    expect({ same: preparedAnswer(LIST, actual(PAGE)) === first, changed: preparedAnswer(again, actual(PAGE)).answer }).toEqual({
      same: true,
      changed: answerFor(again, actual(PAGE)),
    });
  });

  it('keeps answering right past the answers it keeps per policy (any Origin a script makes up)', () => {
    const reflect = policy({ allowOrigin: 'reflect' });
    const origins = Array.from({ length: 100 }, (_, n) => `http://host${n}.example`);
    expect(origins.map((o) => preparedAnswer(reflect, actual(o)).answer)).toEqual(origins.map((o) => answerFor(reflect, actual(o))));
  });
});

describe('groupHeaders', () => {
  it('gives each name once, in order of first appearance, a repeated name as its values', () => {
    expect(groupHeaders([['Vary', 'Origin'], ['Access-Control-Allow-Origin', '*'], ['Vary', 'Cookie']])).toEqual([
      ['Vary', ['Origin', 'Cookie']],
      ['Access-Control-Allow-Origin', '*'],
    ]);
  });
});

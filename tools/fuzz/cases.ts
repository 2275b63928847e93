/** The seeded case generator: case `i` of seed `s` is always the same request, whichever worker sends it. */
import { POLICY_BODY_LIMIT } from '@cors-lab/shared';
import type { Expect, FuzzCase, FuzzTarget } from './fuzz-case.ts';
import { contentType, headBytes, labQuery, origin, oversize, pageRequest } from './head-mutations.ts';
import { deepNesting, headerChars, hugeHeaderName, hugeString, invalidUtf8, jsonSyntax, protoKeys, wrongType } from './policy-mutations.ts';
import { Random } from './random.ts';
import { requestBytes } from './request-bytes.ts';
import { validPolicy } from './valid-policy.ts';

type Make = (random: Random, t: FuzzTarget) => Omit<FuzzCase, 'strategy'>;

/** A body mutation sent the way the page sends a policy (sometimes without Origin, as curl does). */
const bodyStrategy = (mutate: (random: Random, policy: ReturnType<typeof validPolicy>) => { body: Buffer; expect: Expect; note: string }): Make => (random, t) => {
  const { body, expect, note } = mutate(random, validPolicy(random));
  const headers = random.chance(0.2) ? ([['Content-Type', 'application/json']] as const) : undefined;
  return { request: requestBytes(pageRequest(t, body, headers), t.host), expect, note, lab: t.fuzzLab };
};

/** A head mutation around a valid policy. */
const headStrategy = (mutate: typeof origin): Make => (random, t) => {
  const policy = validPolicy(random);
  const body = Buffer.from(JSON.stringify(policy), 'utf8');
  const { parts, expect, note, lab } = mutate(random, t, body);
  return { request: requestBytes(parts, t.host), expect: tooLarge(body) && expect === 'accept' ? 'reject' : expect, note, lab };
};

const tooLarge = (body: Buffer) => body.length > POLICY_BODY_LIMIT;

const valid: Make = (random, t) => {
  const policy = validPolicy(random);
  const body = Buffer.from(JSON.stringify(policy), 'utf8');
  return { request: requestBytes(pageRequest(t, body), t.host), expect: tooLarge(body) ? 'reject' : 'accept', note: `${body.length} bytes, raw ${policy.raw.enabled ? 'on' : 'off'}`, lab: t.fuzzLab };
};

/** Strategy, weight. */
export const STRATEGIES: readonly (readonly [string, number, Make])[] = [
  ['valid', 12, valid],
  ['wrong-type', 12, bodyStrategy(wrongType)],
  ['huge-string', 6, bodyStrategy(hugeString)],
  ['huge-header-name', 2, bodyStrategy(hugeHeaderName)],
  ['header-chars', 12, bodyStrategy(headerChars)],
  ['proto-keys', 8, bodyStrategy(protoKeys)],
  ['deep-nesting', 5, bodyStrategy(deepNesting)],
  ['json-syntax', 6, bodyStrategy(jsonSyntax)],
  ['invalid-utf8', 8, bodyStrategy(invalidUtf8)],
  ['origin', 8, headStrategy(origin)],
  ['content-type', 7, headStrategy(contentType)],
  ['lab-query', 7, headStrategy(labQuery)],
  ['head-bytes', 8, headStrategy(headBytes)],
  ['oversize', 3, headStrategy(oversize)],
];

const TOTAL = STRATEGIES.reduce((sum, [, w]) => sum + w, 0);

export function fuzzCase(seed: number, index: number, target: FuzzTarget): FuzzCase {
  const random = new Random(Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77));
  let roll = random.next() * TOTAL;
  for (const [strategy, weight, make] of STRATEGIES) {
    roll -= weight;
    if (roll < 0) return { strategy, ...make(random, target) };
  }
  throw new Error('unreachable: weights cover the roll');
}

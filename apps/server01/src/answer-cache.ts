/**
 * The policy's answer to a kind of request, computed once: server01 needs it
 * on every request, and a page sends the same few over and over. A policy is
 * never changed in place (a change is a new object), so answers are kept per
 * policy object and go with it.
 */
import { answerFor, type CorsAnswer, type CorsRequest, type HeaderLine, type Policy } from '@cors-lab/shared';

/** A header as `ServerResponse.setHeader` takes it: one value, or one line per value of a repeated name. */
export type HeaderToSet = readonly [name: string, value: string | readonly string[]];

export interface PreparedAnswer {
  readonly answer: CorsAnswer;
  /** `answer.headers` grouped by name, in order of first appearance: a repeated name becomes repeated lines. */
  readonly headersToSet: readonly HeaderToSet[];
  /** The same as one flat list (name, value, name, value…), as `ServerResponse.writeHead` takes it. */
  readonly headerPairs: readonly (string | readonly string[])[];
}

/** Answers kept per policy: a page sends a handful of kinds; past this (any Origin a script makes up), they are computed each time. */
const KEPT_PER_POLICY = 64;

/** Per policy: method, then preflight or not, then Origin (undefined when the request had none). */
type Kept = Map<string, [actual: Map<string | undefined, PreparedAnswer>, preflight: Map<string | undefined, PreparedAnswer>]>;

const kept = new WeakMap<Policy, { size: number; byMethod: Kept }>();

/** Groups header lines by name so a repeated header becomes repeated lines. */
export function groupHeaders(lines: readonly HeaderLine[]): HeaderToSet[] {
  const out = new Map<string, string[]>();
  for (const [name, value] of lines) out.set(name, [...(out.get(name) ?? []), value]);
  return [...out].map(([name, values]): HeaderToSet => [name, values.length === 1 ? values[0]! : values]);
}

/** `answerFor(policy, req)`, with its headers grouped, from the policy's kept answers when it has one. */
export function preparedAnswer(policy: Policy, req: CorsRequest): PreparedAnswer {
  const entry = kept.get(policy);
  const found = entry?.byMethod.get(req.method)?.[req.isPreflight ? 1 : 0].get(req.origin);
  if (found !== undefined) return found;
  const answer = answerFor(policy, req);
  const headersToSet = groupHeaders(answer.headers);
  const prepared: PreparedAnswer = { answer, headersToSet, headerPairs: headersToSet.flat() };
  keep(policy, req, prepared);
  return prepared;
}

function keep(policy: Policy, req: CorsRequest, prepared: PreparedAnswer): void {
  let entry = kept.get(policy);
  if (entry === undefined) kept.set(policy, (entry = { size: 0, byMethod: new Map() }));
  if (entry.size >= KEPT_PER_POLICY) return;
  let byKind = entry.byMethod.get(req.method);
  if (byKind === undefined) entry.byMethod.set(req.method, (byKind = [new Map(), new Map()]));
  byKind[req.isPreflight ? 1 : 0].set(req.origin, prepared);
  entry.size++;
}

/**
 * The lab's answers as templates, for the targets that send headers by hand
 * (Express middleware, nginx): taken from policy-answer.ts, so an export
 * cannot drift from what server01 sends.
 */
import { actualHeaders, preflightHeaders, type HeaderLine } from '../policy-answer.ts';
import type { Policy } from '../policy.ts';

/** Stands for the request's Origin in a template line; a NUL is never a header value. */
export const REQUEST_ORIGIN = '\u0000origin';

export interface AnswerPlan {
  /** Sent only when the origin is allowed: always for `*`, a listed Origin for a list, any Origin for reflect; empty for none. */
  readonly allowed: readonly HeaderLine[];
  /** Sent on every answer. */
  readonly vary: readonly HeaderLine[];
}

/** The lines of a preflight answer, or of an actual answer, with REQUEST_ORIGIN where the Origin goes. */
export function answerPlan(policy: Policy, preflight: boolean): AnswerPlan {
  // A list answers a listed Origin exactly as reflect answers any Origin.
  const probe: Policy = policy.allowOrigin === 'list' ? { ...policy, allowOrigin: 'reflect' } : policy;
  const lines = (preflight ? preflightHeaders : actualHeaders)(probe, REQUEST_ORIGIN);
  return { allowed: lines.filter(([name]) => name !== 'Vary'), vary: lines.filter(([name]) => name === 'Vary') };
}

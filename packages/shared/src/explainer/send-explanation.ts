/**
 * The explainer applied to one send in the lab: what it predicts from the
 * request and server01's recorded answers, and whether Chromium did the same.
 * A disagreement is a bug in the lab, shown plainly (and failing the e2e suite).
 */
import type { SendObservation } from '../send-verdict.ts';
import type { ServerRecord, WireResponse } from '../wire.ts';
import { explain } from './explain.ts';
import type { Outcome, Scenario, ScenarioAnswer, Verdict } from './scenario.ts';

export interface SendExplanation {
  readonly verdict: Verdict;
  /** Plain words when the browser did something other than predicted; null when they agree. */
  readonly mismatch: string | null;
}

function answerOf(response: WireResponse): ScenarioAnswer {
  const headers: Record<string, string[]> = {};
  for (const [name, value] of response.headers) (headers[name] ??= []).push(value);
  return { status: response.status, headers };
}

/** The send as a scenario; fetch combines a repeated request header into one value. */
export function scenarioOfSend(send: SendObservation, preflight: ServerRecord | null, actual: ServerRecord | null): Scenario {
  const headers: Record<string, string> = {};
  for (const [name, value] of send.request.headers) headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  return {
    id: send.id,
    page: send.pageOrigin,
    request: {
      url: send.request.url,
      method: send.request.method,
      headers,
      credentials: send.request.credentials,
      ...(send.request.body !== '' && !['GET', 'HEAD'].includes(send.request.method.toUpperCase()) ? { body: send.request.body } : {}),
    },
    server: {
      ...(preflight !== null ? { preflight: answerOf(preflight.response) } : {}),
      actual: actual !== null ? answerOf(actual.response) : { status: 200, headers: {} },
    },
  };
}

/**
 * Predicts the send from its records; `cachedPreflight` is the earlier
 * preflight whose cache entry answered, when no OPTIONS went out this time.
 */
export function explainSend(send: SendObservation, preflight: ServerRecord | null, actual: ServerRecord | null, cachedPreflight: ServerRecord | null): SendExplanation | null {
  if (send.result === null) return null;
  const verdict = explain(scenarioOfSend(send, preflight ?? cachedPreflight, actual));
  const sent = preflight !== null || actual !== null;
  const observed: Outcome = send.result.kind === 'response' ? 'allowed' : sent ? 'blocked' : 'not-sent';
  // Nothing reached server01 and the script got an error: a network failure the explainer cannot see.
  if (observed === 'not-sent' && verdict.outcome !== 'not-sent') return { verdict, mismatch: null };
  const problems: string[] = [];
  if (verdict.outcome !== observed) problems.push(`the outcome: predicted ${verdict.outcome}, Chromium ${observed}`);
  if (!verdict.preflight && preflight !== null) problems.push('a preflight: predicted none, Chromium sent one');
  if (verdict.preflight && preflight === null && actual !== null && cachedPreflight === null) {
    problems.push('a preflight: predicted one, Chromium sent none and no earlier preflight could have been cached');
  }
  const observedAt = observed !== 'blocked' ? null : preflight !== null && actual === null ? 'preflight' : 'actual';
  if (verdict.outcome === observed && verdict.blockedAt !== observedAt) problems.push(`where it was blocked: predicted ${verdict.blockedAt}, Chromium ${observedAt}`);
  return { verdict, mismatch: problems.length === 0 ? null : `The explainer and Chromium disagree on ${problems.join('; ')}.` };
}

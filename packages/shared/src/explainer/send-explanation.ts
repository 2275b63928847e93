/**
 * The explainer applied to one send in the lab: what it predicts from the
 * request and server01's recorded answers, and whether Chromium did the same.
 * A disagreement is a bug in the lab, shown plainly (and failing the e2e suite).
 */
import type { Lang, Text } from '../lessons/types.ts';
import { said } from '../said.ts';
import type { SendObservation } from '../send-verdict.ts';
import type { ServerRecord, WireResponse } from '../wire.ts';
import { explainIn } from './explain.ts';
import { explainScriptSend } from './script-load.ts';
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
 * `lang` picks the language of the reason and of the mismatch.
 */
export function explainSend(
  send: SendObservation,
  preflight: ServerRecord | null,
  actual: ServerRecord | null,
  cachedPreflight: ServerRecord | null,
  lang: Lang = 'en',
): SendExplanation | null {
  if (send.result === null) return null;
  // A script element's load is no-cors: its own model, not the CORS scenario's.
  if (send.request.api === 'script') return explainScriptSend(send, preflight, actual, lang);
  const verdict = explainIn(scenarioOfSend(send, preflight ?? cachedPreflight, actual), lang);
  const sent = preflight !== null || actual !== null;
  const observed: Outcome = send.result.kind === 'response' ? 'allowed' : sent ? 'blocked' : 'not-sent';
  // Nothing reached server01 and the script got an error: a network failure the explainer cannot see.
  if (observed === 'not-sent' && verdict.outcome !== 'not-sent') return { verdict, mismatch: null };
  const problems: Text[] = [];
  if (verdict.outcome !== observed) problems.push(said(`the outcome: predicted ${verdict.outcome}, Chromium ${observed}`, `结果：预测为 ${verdict.outcome}，Chromium 为 ${observed}`));
  if (!verdict.preflight && preflight !== null) problems.push(said('a preflight: predicted none, Chromium sent one', '预检：预测没有，Chromium 发了一次'));
  if (verdict.preflight && preflight === null && actual !== null && cachedPreflight === null) {
    problems.push(said('a preflight: predicted one, Chromium sent none and no earlier preflight could have been cached', '预检：预测有一次，Chromium 没有发，而且也没有更早的预检可能被缓存'));
  }
  const observedAt = observed !== 'blocked' ? null : preflight !== null && actual === null ? 'preflight' : 'actual';
  if (verdict.outcome === observed && verdict.blockedAt !== observedAt) {
    problems.push(said(`where it was blocked: predicted ${verdict.blockedAt}, Chromium ${observedAt}`, `在哪里被拦截：预测为 ${verdict.blockedAt}，Chromium 为 ${observedAt}`));
  }
  if (problems.length === 0) return { verdict, mismatch: null };
  const list = lang === 'en' ? problems.map((p) => p.en).join('; ') : problems.map((p) => p['zh-CN']).join('；');
  return { verdict, mismatch: said(`The explainer and Chromium disagree on ${list}.`, `解释器与 Chromium 在这些方面不一致：${list}。`)[lang] };
}

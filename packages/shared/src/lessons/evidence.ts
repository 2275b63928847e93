/** Builds what lesson checks read from the timeline: one SendEvidence per settled send. */
import { sendVerdict, type SendObservation } from '../send-verdict.ts';
import type { Policy } from '../policy.ts';
import type { ServerRecord } from '../wire.ts';
import type { SendEvidence } from './types.ts';

export function sendEvidence(send: SendObservation & { readonly number: number; readonly policy: Policy }, records: readonly ServerRecord[]): SendEvidence | null {
  if (send.result === null) return null;
  const v = sendVerdict(send, records);
  return {
    number: send.number,
    request: send.request,
    pageOrigin: send.pageOrigin,
    result: send.result,
    tone: v.tone,
    preflight: v.preflight,
    actual: v.actual,
    preflightFromCache: v.preflightFromCache,
    failure: v.failure,
    policy: send.policy,
  };
}

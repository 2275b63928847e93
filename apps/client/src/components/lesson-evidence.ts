/** The evidence a lesson step's check reads: the settled sends since the step began, with their records. */
import { sendEvidence, type Evidence, type Policy, type RecordEvent, type SendEvidence } from '@cors-lab/shared';
import { recordsOf, type TimelineSend } from '../store/timeline-slice.ts';

export function stepEvidence(sends: readonly TimelineSend[], records: readonly RecordEvent[], since: number, policy: Policy, pageOrigin: string): Evidence {
  const evidence: SendEvidence[] = [];
  for (const send of sends) {
    if (send.number <= since || send.seqTo === null) continue;
    const e = sendEvidence(send, recordsOf(send, records).map((r) => r.record));
    if (e !== null) evidence.push(e);
  }
  return { sends: evidence, policy, pageOrigin };
}

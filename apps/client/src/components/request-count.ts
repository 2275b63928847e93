/** How many requests server01 received for the sends in the timeline: preflights (OPTIONS) and actual requests. */
import type { RecordEvent } from '@cors-lab/shared';
import { recordsOf, type TimelineSend } from '../store/timeline-slice.ts';

export interface RequestCount {
  readonly preflights: number;
  readonly actuals: number;
}

export function countRequests(sends: readonly TimelineSend[], records: readonly RecordEvent[]): RequestCount {
  let preflights = 0;
  let actuals = 0;
  for (const send of sends) {
    for (const { record } of recordsOf(send, records)) {
      if (record.kind === 'preflight') preflights++;
      else actuals++;
    }
  }
  return { preflights, actuals };
}

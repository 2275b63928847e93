/**
 * Beside the prediction: whether Chromium holds a cached preflight answer
 * for the request being built, and how long it has left. Read from
 * server01's records of earlier sends; the page cannot see the cache itself.
 */
import { preflightCacheStatus, senderOrigin, type RecordEvent, type SentPreflight } from '@cors-lab/shared';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../i18n/use-t.ts';
import { toLabRequest } from '../store/request-slice.ts';
import { recordsOf, type TimelineSend } from '../store/timeline-slice.ts';
import { useLab } from '../store/use-lab.ts';

/** Each send of the timeline that reached server01 with a preflight, oldest first. */
function sentPreflights(sends: readonly TimelineSend[], records: readonly RecordEvent[]): SentPreflight[] {
  const out: SentPreflight[] = [];
  for (const send of sends) {
    const own = recordsOf(send, records);
    const preflight = own.find((r) => r.record.kind === 'preflight')?.record;
    if (preflight === undefined) continue;
    const actual = own.find((r) => r.record.kind === 'actual')?.record ?? null;
    out.push({ request: send.request, pageOrigin: send.pageOrigin, preflight, actual });
  }
  return out;
}

/** The clock, read once a second while `until` lies ahead; still otherwise. */
function useNow(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const tick = () => setNow(Date.now());
    // Catch up at once: the clock stood still while no entry was live.
    const first = setTimeout(tick, 0);
    const id = setInterval(() => {
      tick();
      if (Date.now() >= until) clearInterval(id);
    }, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [until]);
  return now;
}

export function PreflightCacheStatus() {
  const draft = useLab((s) => s.request);
  const sends = useLab((s) => s.sends);
  const records = useLab((s) => s.records);
  const t = useT();
  const sent = useMemo(() => sentPreflights(sends, records), [sends, records]);
  const request = toLabRequest(draft);
  const origin = senderOrigin(request, location.origin);
  // Tick only while an entry is live. `now` may be stale when new records arrive, but it is never
  // later than the real time, so a stale "expired" is true; a stale "live" restarts the clock.
  const [until, setUntil] = useState<number | null>(null);
  const now = useNow(until);
  const status = request.api === 'script' ? null : preflightCacheStatus(sent, request, origin, now);
  const live = status !== null && now < status.expiresAt ? status.expiresAt : null;
  if (live !== until) setUntil(live);
  if (status === null) return null;
  const { method } = status;
  const seconds = Math.max(1, Math.ceil((status.expiresAt - now) / 1000));
  const state = status.cached ? 'cached' : status.maxAge === 0 ? 'not-cached' : now >= status.expiresAt ? 'expired' : 'not-covered';
  return (
    <p className={`prediction preflight-cache cache-${state}`} data-testid="preflight-cache" data-state={state}>
      {state === 'cached'
        ? t('preflightCache.cached', { method, seconds })
        : state === 'not-cached'
          ? t('preflightCache.notCached', { method })
          : state === 'expired'
            ? t('preflightCache.expired', { method })
            : t('preflightCache.notCovered', { method, seconds })}
    </p>
  );
}

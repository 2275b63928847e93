/**
 * A live count of what server01 received for the timeline's sends: OPTIONS
 * beside actual requests. Preflights double the traffic; Max-Age cuts it
 * (the preflight-cache lesson). Shown in the timeline's header.
 */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n/use-t.ts';
import { useLab } from '../store/use-lab.ts';
import { countRequests } from './request-count.ts';

export function RequestCounter() {
  const { preflights, actuals } = useLab(useShallow((s) => countRequests(s.sends, s.records)));
  const t = useT();
  return (
    <span className="muted request-counter" data-testid="request-counter" data-preflights={preflights} data-actuals={actuals}>
      {t('counter.text', { preflights, actuals })}
    </span>
  );
}

/** One entry per send, newest first: the wire next to what the script saw. */
import { useT } from '../i18n/use-t.ts';
import { labStore, useLab } from '../store/use-lab.ts';
import { ExportHar } from './ExportHar.tsx';
import { RequestCounter } from './RequestCounter.tsx';
import { TimelineEntry } from './TimelineEntry.tsx';

export function Timeline() {
  const sends = useLab((s) => s.sends);
  const { clearTimeline } = labStore.getState();
  const t = useT();
  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <div className="panel-head">
        <h2 id="timeline-title">{t('timeline.title')}</h2>
        <RequestCounter />
        <ExportHar />
        <button type="button" onClick={clearTimeline} disabled={sends.length === 0}>{t('timeline.clear')}</button>
      </div>
      {sends.length === 0 ? (
        <p className="empty">{t('timeline.empty')}</p>
      ) : (
        <ol className="entries">
          {[...sends].reverse().map((send) => (
            <TimelineEntry key={send.id} send={send} />
          ))}
        </ol>
      )}
    </section>
  );
}

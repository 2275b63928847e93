/** One entry per send, newest first: the wire next to what the script saw. */
import { labStore, useLab } from '../store/use-lab.ts';
import { TimelineEntry } from './TimelineEntry.tsx';

export function Timeline() {
  const sends = useLab((s) => s.sends);
  const { clearTimeline } = labStore.getState();
  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <div className="panel-head">
        <h2 id="timeline-title">Timeline</h2>
        <button type="button" onClick={clearTimeline} disabled={sends.length === 0}>Clear</button>
      </div>
      {sends.length === 0 ? (
        <p className="empty">Nothing sent yet. Build a request on the left and press Send (Ctrl+Enter).</p>
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

/** Downloads the timeline as a HAR 1.2 file, which Chrome DevTools' Network panel opens. */
import { harOf, originOf } from '@cors-lab/shared';
import { useT } from '../i18n/use-t.ts';
import { recordsOf } from '../store/timeline-slice.ts';
import { labStore, useLab } from '../store/use-lab.ts';
import '../devtools.css';

/** The project carries no release number; the HAR names the lab and the format's own version. */
const CREATOR = { name: 'CORS Lab', version: '1' } as const;

/** `cors-lab-2025-01-02T03-04-05.har`: sorts by time, and no character a file system refuses. */
const fileName = (at: Date) => `cors-lab-${at.toISOString().slice(0, 19).replaceAll(':', '-')}.har`;

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has started from the URL by then; release the blob.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportHar() {
  const empty = useLab((s) => s.sends.length === 0);
  const t = useT();
  const exportHar = () => {
    const { sends, records } = labStore.getState();
    const har = harOf(
      sends.map((send) => ({ send, records: recordsOf(send, records) })),
      { pageUrl: location.href, origin: originOf('server01', location.hostname), creator: CREATOR },
    );
    download(JSON.stringify(har, null, 2), fileName(new Date()));
  };
  return (
    <button type="button" className="har-export" onClick={exportHar} disabled={empty} title={t('har.title')}>
      {t('har.export')}
    </button>
  );
}

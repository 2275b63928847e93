/** Share the lab's whole state as a link, or keep it as a JSON file and load it again. */
import { useRef, useState } from 'react';
import { applyState, currentState, shareLink, stateFromJson } from '../api/share-state.ts';
import { useT } from '../i18n/use-t.ts';
import { labStore } from '../store/use-lab.ts';
import { useLessonLang } from './lesson-lang.ts';
import { setPageLanguage } from './page-language.ts';

export function ShareBar() {
  const lang = useLessonLang();
  const t = useT();
  const [message, setMessage] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);

  const copyLink = async () => {
    const url = shareLink(labStore, lang);
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setMessage({ tone: 'ok', text: t('share.copied') });
    } catch {
      setMessage({ tone: 'ok', text: t('share.copyByHand') });
    }
  };

  const exportJson = () => {
    const blob = new Blob([`${JSON.stringify(currentState(labStore, lang), null, 2)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'cors-lab-state.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const importJson = async (f: File | undefined) => {
    if (f === undefined) return;
    const parsed = stateFromJson(await f.text());
    if (!parsed.ok) setMessage({ tone: 'bad', text: t('share.notImported', { error: parsed.error }) });
    else {
      applyState(labStore, parsed.state, setPageLanguage);
      setMessage({ tone: 'ok', text: t('share.imported') });
    }
    if (file.current !== null) file.current.value = '';
  };

  return (
    <div className="share-bar">
      <button type="button" onClick={() => void copyLink()}>
        {t('share.copyLink')}
      </button>
      <button type="button" onClick={exportJson}>
        {t('share.export')}
      </button>
      <label className="file-button">
        {t('share.import')}
        <input ref={file} type="file" accept="application/json,.json" onChange={(e) => void importJson(e.target.files?.[0])} />
      </label>
      {link !== null && <input className="share-link" aria-label={t('share.link')} readOnly value={link} onFocus={(e) => e.target.select()} />}
      {message !== null && (
        <p role="status" className={message.tone === 'bad' ? 'field-errors' : 'muted'} data-testid="share-status">
          {message.text}
        </p>
      )}
    </div>
  );
}

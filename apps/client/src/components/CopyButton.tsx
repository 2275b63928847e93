/** Copies text to the clipboard and says so, or says how to copy by hand. */
import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-t.ts';

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const t = useT();
  // A confirmation is about the text that was copied: it goes when that text changes, or after a moment.
  useEffect(() => setState('idle'), [text]);
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = () => {
    // navigator.clipboard exists only in a secure context (https, or http on localhost).
    if (!window.isSecureContext || !('clipboard' in navigator)) return setState('failed');
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  return (
    <div className="copy">
      <button type="button" onClick={copy} aria-label={label}>{t('copy.button')}</button>
      <span role="status" className={`copy-${state}`}>{state === 'idle' ? '' : t(`copy.${state}`)}</span>
    </div>
  );
}

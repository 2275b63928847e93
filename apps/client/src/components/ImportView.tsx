/** Paste a django-cors-headers or Express cors() configuration, read it as a policy, and apply it. */
import { IMPORTERS, type ImportError, type ImporterId, type ImportResult } from '@cors-lab/shared';
import { useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useT } from '../i18n/use-t.ts';
import { errorExcerpt, offsetOf } from './import-excerpt.ts';
import { ImportOutcome } from './ImportOutcome.tsx';

const importerFor = (id: ImporterId) => IMPORTERS.find((i) => i.id === id) ?? IMPORTERS[0]!;

/** "Line L, column C: text", the line quoted with the spot marked, and a way to put the cursor there. */
function ImportErrorView({ id, error, text, textarea }: { id: string; error: ImportError; text: string; textarea: RefObject<HTMLTextAreaElement | null> }) {
  const excerpt = errorExcerpt(text, error.line, error.column);
  const t = useT();
  const goTo = () => {
    const at = offsetOf(text, error.line, error.column);
    textarea.current?.focus();
    textarea.current?.setSelectionRange(at, at + (excerpt?.at.length ?? 0));
  };
  return (
    <div className="import-error" id={id} role="alert">
      <p>{t('import.error', { line: error.line, column: error.column, text: error.text })}</p>
      {excerpt && (
        // Focusable, so a keyboard can scroll a long line sideways.
        <pre className="excerpt" tabIndex={0} data-testid="import-error-line">
          <span className="excerpt-line">{excerpt.before}<mark>{excerpt.at || ' '}</mark>{excerpt.after}</span>
          {'\n'}
          {/* The same text, invisible, puts the caret under the column whatever the characters' widths. */}
          <span aria-hidden="true"><span className="excerpt-pad">{excerpt.before}</span>^</span>
        </pre>
      )}
      <button type="button" onClick={goTo}>{t('import.goTo', { line: error.line })}</button>
    </div>
  );
}

export function ImportView() {
  const [format, setFormat] = useState<ImporterId>('django-cors-headers');
  const [text, setText] = useState('');
  // What was read, and the text it was read from: the error's line and column refer to that text.
  const [read, setRead] = useState<{ text: string; result: ImportResult } | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const t = useT();
  const importer = importerFor(format);
  const error = read?.result.ok === false ? read.result.error : null;

  const doImport = () => setRead({ text, result: importer.read(text) });
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Ctrl/Cmd+Enter reads the text here, instead of sending the builder's request.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      if (text.trim() !== '') doImport();
    }
  };

  return (
    <>
      <div className="field">
        <label className="label" htmlFor={`${id}-format`}>{t('import.format')}</label>
        <select id={`${id}-format`} value={format} onChange={(e) => (setFormat(e.target.value as ImporterId), setRead(null))}>
          {IMPORTERS.map((i) => <option key={i.id} value={i.id}>{t(`import.format.${i.id}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label className="label" htmlFor={`${id}-text`}>{t('import.text')}</label>
        <textarea
          id={`${id}-text`}
          ref={textarea}
          rows={8}
          spellCheck={false}
          wrap="off"
          placeholder={importer.example}
          value={text}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => (setText(e.target.value), setRead(null))}
          onKeyDown={onKey}
        />
        {error && read && <ImportErrorView id={`${id}-error`} error={error} text={read.text} textarea={textarea} />}
      </div>
      <button type="button" disabled={text.trim() === ''} aria-keyshortcuts="Control+Enter" onClick={doImport}>
        {t('import.button')} <kbd>Ctrl+Enter</kbd>
      </button>
      {read?.result.ok && <ImportOutcome imported={read.result.policy} warnings={read.result.warnings} />}
    </>
  );
}

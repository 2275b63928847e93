/** Raw mode: the exact status, header lines and body of one kind of answer. */
import type { FieldError, RawAnswer, RawHeaders } from '@cors-lab/shared';
import { useEffect, useId, useState } from 'react';
import { useT } from '../i18n/use-t.ts';
import { FieldErrors } from './FieldErrors.tsx';

export function headersToText(headers: RawHeaders): string {
  return Object.entries(headers)
    .flatMap(([n, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${n}: ${x}`))
    .join('\n');
}

/** `Name: value` per line; a name given twice becomes a list, sent as two lines. A line without a name and colon is an error, by its 1-based number. */
export function textToHeaders(text: string): { headers: RawHeaders } | { errorLine: number } {
  const headers: Record<string, string | string[]> = {};
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { errorLine: i + 1 };
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    const prev = headers[name];
    headers[name] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return { headers };
}

export function RawAnswerEditor(props: {
  side: 'preflight' | 'actual';
  answer: RawAnswer;
  errors: readonly FieldError[];
  onChange: (answer: RawAnswer) => void;
}) {
  const { side, answer, onChange } = props;
  const [text, setText] = useState(headersToText(answer.headers));
  const [lineError, setLineError] = useState<number | null>(null);
  const id = useId();
  const t = useT();
  useEffect(() => {
    const parsed = textToHeaders(text);
    if ('headers' in parsed && JSON.stringify(parsed.headers) === JSON.stringify(answer.headers)) return;
    setText(headersToText(answer.headers));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answer.headers]);
  const prefix = `/raw/${side}`;
  return (
    <fieldset className="raw-answer">
      <legend>{t(`raw.${side}.answer`)}</legend>
      <label className="label" htmlFor={`${id}-status`}>{t(`raw.${side}.status`)}</label>
      <input
        id={`${id}-status`}
        type="number"
        value={answer.status}
        onChange={(e) => onChange({ ...answer, status: Number(e.target.value) })}
      />
      <FieldErrors id={`${id}-status-err`} errors={props.errors} prefix={`${prefix}/status`} />
      <label className="label" htmlFor={`${id}-headers`}>{t(`raw.${side}.headers`)}</label>
      <textarea
        id={`${id}-headers`}
        rows={4}
        spellCheck={false}
        value={text}
        placeholder="Access-Control-Allow-Origin: *"
        onChange={(e) => {
          setText(e.target.value);
          const parsed = textToHeaders(e.target.value);
          if ('errorLine' in parsed) setLineError(parsed.errorLine);
          else {
            setLineError(null);
            onChange({ ...answer, headers: parsed.headers });
          }
        }}
      />
      {lineError !== null && <ul className="field-errors" role="alert"><li>{`raw.${side}.headers ${t('raw.lineError', { line: lineError })}`}</li></ul>}
      <FieldErrors id={`${id}-headers-err`} errors={props.errors} prefix={`${prefix}/headers`} />
      {side === 'actual' && (
        <>
          <label className="label" htmlFor={`${id}-body`}>{t('raw.actual.body')}</label>
          <textarea
            id={`${id}-body`}
            rows={2}
            value={answer.body ?? ''}
            placeholder={t('raw.bodyPlaceholder')}
            onChange={(e) => {
              const { body: _old, ...rest } = answer;
              onChange(e.target.value === '' ? rest : { ...rest, body: e.target.value });
            }}
          />
        </>
      )}
    </fieldset>
  );
}

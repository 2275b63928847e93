/** The policy's origin patterns (lesson 12): one regular expression per line; commas belong to the pattern (`{1,3}`). */
import { useEffect, useId, useState } from 'react';
import type { FieldError } from '@cors-lab/shared';
import { useT } from '../i18n/use-t.ts';
import { FieldErrors } from './FieldErrors.tsx';

const parse = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

export function OriginPatternsInput(props: { value: readonly string[]; onChange: (patterns: string[]) => void; errors: readonly FieldError[] }) {
  const { value, onChange, errors } = props;
  const [text, setText] = useState(value.join('\n'));
  const id = useId();
  const t = useT();
  // Follow changes from elsewhere (a preset, a reset, another tab), not the learner's own typing.
  useEffect(() => {
    if (parse(text).join('\n') !== value.join('\n')) setText(value.join('\n'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const invalid = errors.some((e) => e.field.startsWith('/originPatterns'));
  return (
    <div className="field">
      <label className="label" htmlFor={id}>{t('policy.originPatterns')}</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        placeholder="^http://app\.example\.com$"
        spellCheck={false}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-errors` : ''}`}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parse(e.target.value));
        }}
      />
      <p className="muted" id={`${id}-hint`}>{t('policy.originPatternsHint')}</p>
      <FieldErrors id={`${id}-errors`} errors={errors} prefix="/originPatterns" />
    </div>
  );
}

/** A comma- or line-separated list, edited as text and kept as a list. */
import { useEffect, useId, useState } from 'react';

const parse = (text: string) => text.split(/[\s,]+/).filter((s) => s !== '');

export function ListInput(props: {
  label: string;
  value: readonly string[];
  onChange: (list: string[]) => void;
  placeholder?: string;
  multiline?: boolean;
  errorId?: string;
  invalid?: boolean;
}) {
  const { value, onChange, multiline = false } = props;
  const [text, setText] = useState(value.join(multiline ? '\n' : ', '));
  const id = useId();
  // Follow changes that come from elsewhere (a reset, another tab), not the learner's own typing.
  useEffect(() => {
    if (parse(text).join('\n') !== value.join('\n')) setText(value.join(multiline ? '\n' : ', '));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const common = {
    id,
    value: text,
    placeholder: props.placeholder,
    spellCheck: false,
    'aria-invalid': props.invalid,
    'aria-describedby': props.invalid ? props.errorId : undefined,
    onChange: (e: { target: { value: string } }) => {
      setText(e.target.value);
      onChange(parse(e.target.value));
    },
  };
  return (
    <>
      <label className="label" htmlFor={id}>{props.label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
    </>
  );
}

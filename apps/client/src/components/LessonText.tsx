/** A lesson text: paragraphs split on blank lines, `code` in backticks. */
import { Fragment } from 'react';

export function LessonText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((para, i) => (
        <p key={i}>
          {para.split('`').map((part, j) => (j % 2 === 1 ? <code key={j}>{part}</code> : <Fragment key={j}>{part}</Fragment>))}
        </p>
      ))}
    </>
  );
}

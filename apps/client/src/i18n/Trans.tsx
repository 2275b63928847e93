/** A message whose placeholders are elements: `<Trans k="export.goesIn" params={{ file: <code>app.js</code> }} />`. */
import { Fragment, type ReactNode } from 'react';
import { MESSAGES, fillParts } from './translate.ts';
import type { MessageKey } from './messages-en.ts';
import { useLang } from './use-t.ts';

export function Trans({ k, params }: { k: MessageKey; params: Readonly<Record<string, ReactNode>> }) {
  const lang = useLang();
  return (
    <>
      {fillParts(MESSAGES[lang][k], params).map((part, i) => (
        <Fragment key={i}>{part}</Fragment>
      ))}
    </>
  );
}

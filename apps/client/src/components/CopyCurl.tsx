/** DevTools' "Copy as cURL" for one exchange: the command that sends this request again by hand. */
import { curlOf, originOf, type ServerRecord } from '@cors-lab/shared';
import { useMemo } from 'react';
import { CopyButton } from './CopyButton.tsx';
import '../devtools.css';

// English for now: to move to the message catalogs.
const TEXT = {
  copy: 'Copy as curl',
  show: 'curl command',
};

export function CopyCurl({ record }: { record: ServerRecord }) {
  const command = useMemo(() => curlOf(record, originOf('server01', location.hostname)), [record]);
  return (
    <div className="curl">
      <CopyButton text={command} label={TEXT.copy} />
      <details>
        <summary>{TEXT.show}</summary>
        <pre className="curl-command" data-testid="curl-command">{command}</pre>
      </details>
    </div>
  );
}

/** DevTools' "Copy as cURL" for one exchange: the command that sends this request again by hand. */
import { curlOf, originOf, type ServerRecord } from '@cors-lab/shared';
import { useMemo } from 'react';
import { useT } from '../i18n/use-t.ts';
import { CopyButton } from './CopyButton.tsx';
import '../devtools.css';

export function CopyCurl({ record }: { record: ServerRecord }) {
  const t = useT();
  const command = useMemo(() => curlOf(record, originOf('server01', location.hostname)), [record]);
  return (
    <div className="curl">
      <CopyButton text={command} label={t('curl.copy')} />
      <details>
        <summary>{t('curl.show')}</summary>
        <pre className="curl-command" data-testid="curl-command">{command}</pre>
      </details>
    </div>
  );
}

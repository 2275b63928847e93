/** One request server01 received and its answer, as they went on the wire. */
import { BACKEND_NAMES, type BackendChoice, type HeaderLine, type RecordEvent } from '@cors-lab/shared';
import { useEffect, useState } from 'react';
import { Trans } from '../i18n/Trans.tsx';
import type { T } from '../i18n/translate.ts';
import { useT } from '../i18n/use-t.ts';
import { noteRecordShown } from '../metrics.ts';
import { CopyCurl } from './CopyCurl.tsx';

export function HeaderTable({ headers, caption }: { headers: readonly HeaderLine[]; caption: string }) {
  return (
    <table className="headers-table">
      <caption>{caption}</caption>
      <tbody>
        {headers.map(([n, v], i) => (
          <tr key={i} className={/^(access-control-|origin$|vary$|cookie$|set-cookie$)/i.test(n) ? 'cors' : undefined}>
            <th scope="row">{n}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "answered by Express + cors" when a real library answered, else who in the lab did. */
function answeredBy(record: RecordEvent['record'], t: T): string {
  const name = record.backend === undefined ? undefined : BACKEND_NAMES[record.backend as BackendChoice];
  return record.answeredBy === 'backend' && name !== undefined ? t('exchange.answeredByName', { name }) : t(`exchange.answeredBy.${record.answeredBy}`);
}

export function Exchange({ event }: { event: RecordEvent }) {
  const { record, seq } = event;
  useEffect(() => noteRecordShown(seq, record.receivedAt), [seq, record.receivedAt]);
  const [open, setOpen] = useState(false);
  const t = useT();
  const { request, response } = record;
  const ms = (record.respondedAt - record.receivedAt).toFixed(1);
  // The header tables are built only once the learner opens the exchange: a long timeline stays light.
  return (
    <details className={`exchange ${record.kind}`} data-kind={record.kind} data-seq={seq} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="kind">{t(record.kind === 'preflight' ? 'exchange.preflight' : 'exchange.actual')}</span>{' '}
        <code>{request.method} {request.url}</code> → <strong>{response.status}</strong>{' '}
        <span className="muted">{t('exchange.meta', { answeredBy: answeredBy(record, t), ms })}</span>
      </summary>
      {open && record.parser === 'raw' && (
        <p className="note">
          <Trans k="exchange.rawParser" params={{ method: <code>{request.method}</code> }} />
        </p>
      )}
      {open && (
        <>
          <CopyCurl record={record} />
          <HeaderTable caption={t('exchange.requestHeaders', { version: request.httpVersion })} headers={request.headers} />
          {request.bodyBytes > 0 && <pre className="body" aria-label={t('exchange.requestBody')}>{request.body}</pre>}
          <HeaderTable caption={t('exchange.responseHeaders', { status: response.status })} headers={response.headers} />
          {response.body !== '' && <pre className="body" aria-label={t('exchange.responseBody')}>{response.body}</pre>}
        </>
      )}
    </details>
  );
}

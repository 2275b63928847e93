/** One request server01 received and its answer, as they went on the wire. */
import { BACKEND_NAMES, type BackendChoice, type HeaderLine, type RecordEvent } from '@cors-lab/shared';
import { useEffect, useState } from 'react';
import { noteRecordShown } from '../metrics.ts';

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

const ANSWERED_BY = { policy: 'answered by the policy', raw: 'answered in raw mode', routes: 'answered by the route', backend: 'answered by a library' } as const;

/** "answered by Express + cors" when a real library answered, else who in the lab did. */
function answeredBy(record: RecordEvent['record']): string {
  const name = record.backend === undefined ? undefined : BACKEND_NAMES[record.backend as BackendChoice];
  return record.answeredBy === 'backend' && name !== undefined ? `answered by ${name}` : ANSWERED_BY[record.answeredBy];
}

export function Exchange({ event }: { event: RecordEvent }) {
  const { record, seq } = event;
  useEffect(() => noteRecordShown(seq, record.receivedAt), [seq, record.receivedAt]);
  const [open, setOpen] = useState(false);
  const { request, response } = record;
  const ms = (record.respondedAt - record.receivedAt).toFixed(1);
  // The header tables are built only once the learner opens the exchange: a long timeline stays light.
  return (
    <details className={`exchange ${record.kind}`} data-kind={record.kind} data-seq={seq} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="kind">{record.kind === 'preflight' ? 'Preflight' : 'Actual'}</span>{' '}
        <code>{request.method} {request.url}</code> → <strong>{response.status}</strong>{' '}
        <span className="muted">{answeredBy(record)}, {ms} ms</span>
      </summary>
      {open && record.parser === 'raw' && (
        <p className="note">
          Node's HTTP parser refused the method <code>{request.method}</code> (HPE_INVALID_METHOD) before any route ran; server01 read the raw bytes and answered on purpose.
        </p>
      )}
      {open && (
        <>
          <HeaderTable caption={`Request headers (HTTP/${request.httpVersion})`} headers={request.headers} />
          {request.bodyBytes > 0 && <pre className="body" aria-label="Request body">{request.body}</pre>}
          <HeaderTable caption={`Response headers (${response.status})`} headers={response.headers} />
          {response.body !== '' && <pre className="body" aria-label="Response body">{response.body}</pre>}
        </>
      )}
    </details>
  );
}

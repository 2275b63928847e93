/** server02's same-origin control plane: the only server the page talks to besides the lesson's target. */
import { CONTROL_ROUTES, type ErrorBody, type FieldError, type History, type LabEvent, type Policy } from '@cors-lab/shared';

export type SaveResult = { ok: true; seq: number } | { ok: false; errors: FieldError[] };

export async function fetchPolicy(): Promise<Policy> {
  const res = await fetch(CONTROL_ROUTES.policy);
  if (!res.ok) throw new Error(`GET ${CONTROL_ROUTES.policy}: ${res.status}`);
  return (await res.json()) as Policy;
}

export async function savePolicy(policy: Policy): Promise<SaveResult> {
  const res = await fetch(CONTROL_ROUTES.policy, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(policy),
  });
  if (res.ok) return { ok: true, seq: ((await res.json()) as { seq: number }).seq };
  const body = (await res.json().catch(() => null)) as ErrorBody | null;
  return { ok: false, errors: body?.errors ?? [{ field: '', message: `server02 answered ${res.status}` }] };
}

export async function resetLab(): Promise<void> {
  await fetch(CONTROL_ROUTES.reset, { method: 'POST' });
}

/** Events after `after`, and the newest sequence number: the barrier that closes a send. */
export async function fetchHistory(after: number): Promise<History> {
  const res = await fetch(`${CONTROL_ROUTES.history}?after=${after}`);
  if (!res.ok) throw new Error(`GET ${CONTROL_ROUTES.history}: ${res.status}`);
  return (await res.json()) as History;
}

/** Opens the live stream; EventSource reconnects by itself and resumes with Last-Event-ID. */
export function openEvents(
  after: number,
  on: { event: (e: LabEvent) => void; open: () => void; error: () => void },
): () => void {
  const source = new EventSource(`${CONTROL_ROUTES.events}?after=${after}`);
  source.onmessage = (m) => on.event(JSON.parse(m.data as string) as LabEvent);
  source.onopen = on.open;
  source.onerror = on.error;
  return () => source.close();
}

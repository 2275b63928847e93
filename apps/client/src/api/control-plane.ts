/** server02's same-origin control plane: the only server the page talks to besides the lesson's target. */
import { CONTROL_ROUTES, type BackendChoice, type BackendList, type Classroom, type Presence, type ErrorBody, type FieldError, type History, type LabEvent, type Policy } from '@cors-lab/shared';
import { labPath, toPageSeq, toServerSeq } from './lab-session.ts';

export type SaveResult = { ok: true; seq: number } | { ok: false; errors: FieldError[] };

export async function fetchPolicy(): Promise<Policy> {
  const res = await fetch(labPath(CONTROL_ROUTES.policy));
  if (!res.ok) throw new Error(`GET ${CONTROL_ROUTES.policy}: ${res.status}`);
  return (await res.json()) as Policy;
}

export async function savePolicy(policy: Policy): Promise<SaveResult> {
  const res = await fetch(labPath(CONTROL_ROUTES.policy), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(policy),
  });
  if (res.ok) return { ok: true, seq: toPageSeq(((await res.json()) as { seq: number }).seq) };
  const body = (await res.json().catch(() => null)) as ErrorBody | null;
  return { ok: false, errors: body?.errors ?? [{ field: '', message: `server02 answered ${res.status}` }] };
}

/** The backends server01 can hand this lab to, which of them can run here, and the lab's current one. */
export async function fetchBackends(): Promise<BackendList> {
  const res = await fetch(labPath(CONTROL_ROUTES.backends));
  if (!res.ok) throw new Error(`GET ${CONTROL_ROUTES.backends}: ${res.status}`);
  return (await res.json()) as BackendList;
}

/** Hands this lab to a backend; its progress (starting, ready, failed) comes back as events. */
export async function chooseBackend(backend: BackendChoice): Promise<SaveResult> {
  const res = await fetch(labPath(CONTROL_ROUTES.backend), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ backend }),
  });
  if (res.ok) return { ok: true, seq: toPageSeq(((await res.json()) as { seq: number }).seq) };
  const body = (await res.json().catch(() => null)) as ErrorBody | null;
  return { ok: false, errors: body?.errors ?? [{ field: '', message: `server02 answered ${res.status}` }] };
}

export async function resetLab(): Promise<void> {
  await fetch(labPath(CONTROL_ROUTES.reset), { method: 'POST' });
}

/** Events after `after`, and the newest sequence number: the barrier that closes a send. */
export async function fetchHistory(after: number): Promise<History> {
  const res = await fetch(labPath(CONTROL_ROUTES.history, { after: toServerSeq(after) }));
  if (!res.ok) throw new Error(`GET ${CONTROL_ROUTES.history}: ${res.status}`);
  const history = (await res.json()) as History;
  return { ...history, head: toPageSeq(history.head), events: history.events.map((e) => ({ ...e, seq: toPageSeq(e.seq) })) };
}

/** The stream's first event: which server instance answers, and its head. */
export interface Hello {
  readonly instance: string;
  readonly head: number;
}

/**
 * Opens the live stream; EventSource reconnects by itself and resumes with
 * Last-Event-ID. `hello` runs before the events of each (re)connection.
 */
export function openEvents(
  after: number,
  on: { hello: (h: Hello) => void; event: (e: LabEvent) => void; open: () => void; error: () => void },
): () => void {
  const source = new EventSource(labPath(CONTROL_ROUTES.events, { after: toServerSeq(after) }));
  source.addEventListener('hello', (m) => on.hello(JSON.parse(m.data as string) as Hello));
  source.onmessage = (m) => {
    const e = JSON.parse(m.data as string) as LabEvent;
    on.event({ ...e, seq: toPageSeq(e.seq) });
  };
  source.onopen = on.open;
  source.onerror = on.error;
  return () => source.close();
}

/** Tells the lab where the learner is in the course (for the teacher view): never what they send. */
export async function reportPresence(presence: Presence): Promise<void> {
  await fetch(labPath(CONTROL_ROUTES.presence), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(presence) });
}

/** The teacher's list of learners; null when the token is refused. */
export async function fetchClassroom(token: string): Promise<Classroom | null> {
  const res = await fetch(CONTROL_ROUTES.classroom, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (res.status === 401) return null;
  if (!res.ok) throw new Error(`GET ${CONTROL_ROUTES.classroom}: ${res.status}`);
  return (await res.json()) as Classroom;
}

/** Moves every learner to a lesson step; resolves with how many were moved. */
export async function moveEveryone(token: string, lesson: string, step: number): Promise<number> {
  const res = await fetch(CONTROL_ROUTES.classroomGoto, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ lesson, step }),
  });
  if (!res.ok) throw new Error(((await res.json().catch(() => null)) as ErrorBody | null)?.message ?? `server02 answered ${res.status}`);
  return ((await res.json()) as { moved: number }).moved;
}

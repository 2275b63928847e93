/**
 * Test double for the store's I/O: an in-memory control plane over shared's
 * real `Lab`, a fake server01 behind `sendRequest`, and doors a test can shut
 * to hold a call in flight. No DOM, no network.
 */
import { checkPolicy, DATA_BODY, EMPTY_POLICY, Lab, parsedEvents, type FieldError, type LabRequest, type Policy, type ScriptResult, type ServerRecord } from '@cors-lab/shared';
import { createLabStore, type LabDeps } from './lab-store.ts';

export const PAGE_ORIGIN = 'http://localhost:8100';

/** Calls wait at a shut door until it opens; an open door lets them straight through. */
export class Door {
  #shut = false;
  #waiting: (() => void)[] = [];
  shut(): void {
    this.#shut = true;
  }
  open(): void {
    this.#shut = false;
    for (const go of this.#waiting.splice(0)) go();
  }
  pass(): Promise<void> {
    return this.#shut ? new Promise((go) => this.#waiting.push(go)) : Promise.resolve();
  }
}

/** Lets every pending promise callback and timer of this turn run. */
export const settle = () => new Promise<void>((done) => setTimeout(done, 0));

/** What server01 would record for one request: a 200 from its routes. */
export function serverRecord(req: Pick<LabRequest, 'method' | 'url'>, at = 0): ServerRecord {
  return {
    kind: 'actual',
    parser: 'node',
    answeredBy: 'routes',
    request: { method: req.method, url: new URL(req.url).pathname, httpVersion: '1.1', headers: [], body: '', bodyBytes: 0 },
    response: { status: 200, headers: [], body: DATA_BODY, bodyBytes: DATA_BODY.length },
    receivedAt: at,
    respondedAt: at + 1,
  };
}

export const OK_RESULT: ScriptResult = { kind: 'response', status: 200, body: DATA_BODY, headers: [] };

export interface FakeLabOptions {
  /** Pipe every event the lab publishes into the store, as the page's event stream does. */
  readonly live?: boolean;
  /** What server02 says to a policy; by default it validates like the real one. */
  readonly answerSave?: (policy: Policy) => { ok: true } | { ok: false; errors: FieldError[] } | 'unreachable';
  /** The history barrier fails, as when server02 is down. */
  readonly historyUnreachable?: boolean;
  /** The browser's localStorage, as a map. */
  readonly storage?: Map<string, string>;
}

/** A store wired to an in-memory lab; the doors hold saves, sends and history reads in flight. */
export function fakeLab(options: FakeLabOptions = {}) {
  const lab = new Lab('default', EMPTY_POLICY, 100);
  const doors = { save: new Door(), send: new Door(), history: new Door() };
  /** Every policy the store sent to server02, in order. */
  const saves: Policy[] = [];
  /** Every request the page's script sent, with the policy server01 held when it arrived. */
  const sent: { request: LabRequest; policy: Policy }[] = [];
  let clock = 1000;
  let ids = 0;

  const api: LabDeps['api'] = {
    fetchPolicy: async () => lab.policy,
    savePolicy: async (policy) => {
      saves.push(policy);
      // The door holds the policy on its way to server02: the lab has not got it yet.
      await doors.save.pass();
      const check = checkPolicy(policy);
      const answer = options.answerSave?.(policy) ?? (check.ok ? { ok: true } : { ok: false, errors: check.errors });
      if (answer === 'unreachable') throw new TypeError('Failed to fetch');
      if (!answer.ok) return answer;
      return { ok: true, seq: lab.setPolicy(policy).seq };
    },
    resetLab: async () => {
      lab.reset();
    },
    fetchBackends: async () => ({ backends: [{ id: 'lab', name: "the lab's policy engine", available: true }], current: lab.backend }),
    chooseBackend: async (backend) => ({ ok: true, seq: lab.setBackend({ id: backend, status: 'ready' }).seq }),
    fetchHistory: async (after) => {
      if (options.historyUnreachable) throw new TypeError('Failed to fetch');
      // server02 reads its history now; the door holds the answer on its way back.
      const { events, gap } = lab.since(after);
      const head = lab.head;
      await doors.history.pass();
      return { events, head, gap };
    },
  };

  // server01 records the request at once; the door holds its answer on the way to the script.
  const sendRequest = async (request: LabRequest): Promise<ScriptResult> => {
    sent.push({ request, policy: lab.policy });
    lab.record(serverRecord(request, clock));
    await doors.send.pass();
    return OK_RESULT;
  };

  const storage = options.storage ?? new Map<string, string>();
  const store = createLabStore({
    api,
    sendRequest,
    pageOrigin: PAGE_ORIGIN,
    host: 'localhost',
    now: () => clock++,
    newId: () => `send-${++ids}`,
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    fillUrl: (t) => t.replace('{server01}', 'http://localhost:8000').replace('{page}', PAGE_ORIGIN).replace('{server01other}', 'http://127.0.0.1:8000'),
  });
  if (options.live) lab.subscribe(parsedEvents((e) => store.getState().receive([e])));
  return { store, lab, doors, saves, sent, storage };
}

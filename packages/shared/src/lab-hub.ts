/**
 * The labs' shared state: per lab, the policy, a bounded event history with
 * sequence numbers, and subscribers. No I/O and no clock: server01 publishes
 * into it, server02 streams out of it.
 */
import { LAB_ENGINE, type BackendState } from './backend.ts';
import type { Presence } from './classroom.ts';
import type { Policy } from './policy.ts';
import { DEFAULT_LAB } from './ports.ts';
import { LabHistory, type HistoryCodec, type KeptEvent, type PendingRecord } from './lab-history.ts';
import type { LabEvent, ServerRecord } from './wire.ts';

/**
 * Gets each new event as its sequence number and its JSON, as the history
 * keeps it: the event stream writes that text, so an event is serialized
 * once however many pages watch, and a record goes from the server's capture
 * to the text without an object in between.
 */
export type Listener = (seq: number, json: string) => void;

/** A listener that gets each event as an object, parsed from its JSON as a page parses it. */
export const parsedEvents =
  (listener: (event: LabEvent) => void): Listener =>
  (_seq, json) =>
    listener(JSON.parse(json) as LabEvent);

export class Lab {
  #policy: Policy;
  #backend: BackendState = LAB_ENGINE;
  /**
   * Its bounded history. An event published while no page watches is kept
   * as it came (an object, or a record's builder) until a reader asks for
   * it: under load nobody watches, most such events leave the history
   * unread, and serializing each one cost more than building it.
   */
  readonly #history: LabHistory;
  readonly #listeners = new Set<Listener>();
  /** Where the learner is in the course, as their page last said: never what they send. */
  presence: Presence | null = null;
  /** The learner's number in the teacher's list (1, 2, …), given by the hub: the id itself is never shown. */
  alias = 0;

  constructor(
    readonly id: string,
    private readonly initialPolicy: Policy,
    historyLimit: number,
    codec?: HistoryCodec,
  ) {
    this.#policy = initialPolicy;
    this.#history = new LabHistory(historyLimit, codec);
  }

  get policy(): Policy {
    return this.#policy;
  }

  /** Sequence number of the newest event, 0 before any. */
  get head(): number {
    return this.#history.head;
  }

  get backend(): BackendState {
    return this.#backend;
  }

  setBackend(backend: BackendState): LabEvent {
    this.#backend = backend;
    return this.#publish({ type: 'backend', seq: this.head + 1, backend });
  }

  /** The teacher moves this lab to a lesson step; the page follows. */
  goTo(lesson: string, step: number): LabEvent {
    return this.#publish({ type: 'goto', seq: this.head + 1, lesson, step });
  }

  setPolicy(policy: Policy): LabEvent {
    this.#policy = policy;
    return this.#publish({ type: 'policy', seq: this.head + 1, policy });
  }

  record(record: ServerRecord): LabEvent {
    return this.#publish({ type: 'record', seq: this.head + 1, record });
  }

  /**
   * Publishes a record serialized only when it is needed: at once if a page
   * watches, else when the history is read (never, if it leaves the history
   * unread first). The history keeps it as it came even when a page watches:
   * what the server captured is a few small objects, its JSON a long string
   * made of many pieces, and under load every event kept outlives a minor GC
   * or two. Returns its sequence number.
   */
  recordLater(pending: PendingRecord): number {
    const seq = this.head + 1;
    this.#history.push(seq, pending);
    if (this.#listeners.size > 0) {
      const json = pending.eventJson(seq);
      for (const listener of this.#listeners) listener(seq, json);
    }
    return seq;
  }

  /** Back to the starting policy, history cleared; sequence numbers go on rising. */
  reset(): LabEvent {
    this.#policy = this.initialPolicy;
    this.#backend = LAB_ENGINE;
    this.#history.clear(this.head);
    return this.#publish({ type: 'reset', seq: this.head + 1, policy: this.initialPolicy });
  }

  /** Events after `seq`; `gap` when some of them have already left the bounded history. */
  since(seq: number): { events: LabEvent[]; gap: boolean } {
    const { events, gap } = this.sinceJson(seq);
    return { events: events.map((e) => JSON.parse(e.json) as LabEvent), gap };
  }

  /** The same events as `since`, as the JSON the history keeps: what the event stream writes. */
  sinceJson(seq: number): { events: KeptEvent[]; gap: boolean } {
    const events = this.#history.since(seq);
    return { events, gap: seq < this.head && this.#history.oldest > seq + 1 };
  }

  /** Packs the history's cold events (see LabHistory.compact); returns how many blocks it packed. */
  compact(): number {
    return this.#history.compact();
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Pages watching this lab's event stream. */
  get watchers(): number {
    return this.#listeners.size;
  }

  #publish(event: LabEvent): LabEvent {
    const json = this.#listeners.size > 0 ? JSON.stringify(event) : null;
    this.#history.push(event.seq, json ?? event);
    if (json !== null) for (const listener of this.#listeners) listener(event.seq, json);
    return event;
  }
}

export interface LabHubOptions {
  readonly initialPolicy: Policy;
  /** Events kept per lab for catching up. */
  readonly historyLimit: number;
  /** A lab nobody used or watched for this long is dropped (the default lab never is). */
  readonly idleMs?: number;
  /** Most labs at once: past it, the longest-idle unwatched lab makes room. */
  readonly maxLabs?: number;
  /** Milliseconds, for idleness; the hub has no clock of its own. */
  readonly now?: () => number;
  /** Shrinks the cold part of each lab's history (see LabHistory); without one, histories are kept as they came. */
  readonly codec?: HistoryCodec;
}

export class LabHub {
  readonly #labs = new Map<string, { lab: Lab; usedAt: number }>();
  /** The id last used: last in the map's order, unless it has since been dropped. */
  #recent: string | undefined;
  #created = 0;
  readonly #now: () => number;

  constructor(private readonly options: LabHubOptions) {
    this.#now = options.now ?? (() => 0);
  }

  /** The lab with this id, created on first use; every use counts as activity. */
  lab(id: string): Lab {
    const entry = this.#labs.get(id);
    if (entry !== undefined) {
      entry.usedAt = this.#now();
      // Map order doubles as least-recently-used order (already so when the same lab is used again).
      if (id !== this.#recent) {
        this.#labs.delete(id);
        this.#labs.set(id, entry);
        this.#recent = id;
      }
      return entry.lab;
    }
    const lab = new Lab(id, this.options.initialPolicy, this.options.historyLimit, this.options.codec);
    lab.alias = ++this.#created;
    this.#labs.set(id, { lab, usedAt: this.#now() });
    this.#recent = id;
    this.#makeRoom();
    return lab;
  }

  get size(): number {
    return this.#labs.size;
  }

  /** Every lab, oldest first. */
  *labs(): Iterable<Lab> {
    for (const { lab } of [...this.#labs.values()].sort((a, b) => a.lab.alias - b.lab.alias)) yield lab;
  }

  /** Drops labs idle for longer than `idleMs` that no page watches; returns how many went. */
  sweep(): number {
    const { idleMs } = this.options;
    if (idleMs === undefined) return 0;
    const cutoff = this.#now() - idleMs;
    let dropped = 0;
    for (const [id, { lab, usedAt }] of this.#labs) {
      if (id !== DEFAULT_LAB && usedAt < cutoff && lab.watchers === 0) {
        this.#labs.delete(id);
        dropped++;
      }
    }
    return dropped;
  }

  /** Packs every lab's cold history; the server calls it every second or so. Returns how many blocks it packed. */
  compact(): number {
    let packed = 0;
    for (const { lab } of this.#labs.values()) packed += lab.compact();
    return packed;
  }

  #makeRoom(): void {
    const { maxLabs } = this.options;
    if (maxLabs === undefined) return;
    for (const [id, { lab }] of this.#labs) {
      if (this.#labs.size <= maxLabs) return;
      if (id !== DEFAULT_LAB && lab.watchers === 0) this.#labs.delete(id);
    }
  }
}

/**
 * The labs' shared state: per lab, the policy, a bounded event history with
 * sequence numbers, and subscribers. No I/O and no clock: server01 publishes
 * into it, server02 streams out of it.
 */
import { LAB_ENGINE, type BackendState } from './backend.ts';
import type { Policy } from './policy.ts';
import { DEFAULT_LAB } from './ports.ts';
import type { LabEvent, ServerRecord } from './wire.ts';

type Listener = (event: LabEvent) => void;

export class Lab {
  #policy: Policy;
  #backend: BackendState = LAB_ENGINE;
  #seq = 0;
  #history: LabEvent[] = [];
  readonly #listeners = new Set<Listener>();

  constructor(
    readonly id: string,
    private readonly initialPolicy: Policy,
    private readonly historyLimit: number,
  ) {
    this.#policy = initialPolicy;
  }

  get policy(): Policy {
    return this.#policy;
  }

  /** Sequence number of the newest event, 0 before any. */
  get head(): number {
    return this.#seq;
  }

  get backend(): BackendState {
    return this.#backend;
  }

  setBackend(backend: BackendState): LabEvent {
    this.#backend = backend;
    return this.#publish({ type: 'backend', seq: this.#seq + 1, backend });
  }

  setPolicy(policy: Policy): LabEvent {
    this.#policy = policy;
    return this.#publish({ type: 'policy', seq: this.#seq + 1, policy });
  }

  record(record: ServerRecord): LabEvent {
    return this.#publish({ type: 'record', seq: this.#seq + 1, record });
  }

  /** Back to the starting policy, history cleared; sequence numbers go on rising. */
  reset(): LabEvent {
    this.#policy = this.initialPolicy;
    this.#backend = LAB_ENGINE;
    this.#history = [];
    return this.#publish({ type: 'reset', seq: this.#seq + 1, policy: this.initialPolicy });
  }

  /** Events after `seq`; `gap` when some of them have already left the bounded history. */
  since(seq: number): { events: LabEvent[]; gap: boolean } {
    const events = this.#history.filter((e) => e.seq > seq);
    const oldest = this.#history[0]?.seq ?? this.#seq + 1;
    return { events, gap: seq < this.#seq && oldest > seq + 1 && events.length < this.#seq - seq };
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
    this.#seq = event.seq;
    this.#history.push(event);
    if (this.#history.length > this.historyLimit) this.#history.splice(0, this.#history.length - this.historyLimit);
    for (const listener of this.#listeners) listener(event);
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
}

export class LabHub {
  readonly #labs = new Map<string, { lab: Lab; usedAt: number }>();
  readonly #now: () => number;

  constructor(private readonly options: LabHubOptions) {
    this.#now = options.now ?? (() => 0);
  }

  /** The lab with this id, created on first use; every use counts as activity. */
  lab(id: string): Lab {
    const entry = this.#labs.get(id);
    if (entry !== undefined) {
      entry.usedAt = this.#now();
      // Map order doubles as least-recently-used order.
      this.#labs.delete(id);
      this.#labs.set(id, entry);
      return entry.lab;
    }
    const lab = new Lab(id, this.options.initialPolicy, this.options.historyLimit);
    this.#labs.set(id, { lab, usedAt: this.#now() });
    this.#makeRoom();
    return lab;
  }

  get size(): number {
    return this.#labs.size;
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

  #makeRoom(): void {
    const { maxLabs } = this.options;
    if (maxLabs === undefined) return;
    for (const [id, { lab }] of this.#labs) {
      if (this.#labs.size <= maxLabs) return;
      if (id !== DEFAULT_LAB && lab.watchers === 0) this.#labs.delete(id);
    }
  }
}

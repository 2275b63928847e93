/**
 * The labs' shared state: per lab, the policy, a bounded event history with
 * sequence numbers, and subscribers. No I/O and no clock: server01 publishes
 * into it, server02 streams out of it.
 */
import type { Policy } from './policy.ts';
import type { LabEvent, ServerRecord } from './wire.ts';

type Listener = (event: LabEvent) => void;

export class Lab {
  #policy: Policy;
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
}

export class LabHub {
  readonly #labs = new Map<string, Lab>();

  constructor(private readonly options: LabHubOptions) {}

  /** The lab with this id, created on first use. */
  lab(id: string): Lab {
    let lab = this.#labs.get(id);
    if (lab === undefined) {
      lab = new Lab(id, this.options.initialPolicy, this.options.historyLimit);
      this.#labs.set(id, lab);
    }
    return lab;
  }
}

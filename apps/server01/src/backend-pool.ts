/**
 * Real libraries behind server01: one process per (library, policy), started
 * on first need and shared by every lab that runs the same configuration; the
 * least recently used go when there are too many.
 */
import { BACKEND_NAMES, LAB_ENGINE, type BackendChoice, type Lab, type Policy, type RealBackend } from '@cors-lab/shared';

/** A running backend, as @cors-lab/backends' startBackend gives it. */
export interface Backend {
  readonly port: number;
  readonly stop: () => Promise<void>;
  /** Settles when the process ends, stopped or crashed, with the end of its stderr. */
  readonly exited: Promise<{ readonly stderr: string }>;
}

export type StartBackend = (id: RealBackend, policy: Policy) => Promise<Backend>;

export class BackendPool {
  readonly #running = new Map<string, Promise<Backend>>();

  constructor(
    private readonly start: StartBackend,
    private readonly max = 4,
  ) {}

  /** The process running this library with this policy, started if need be. */
  get(id: RealBackend, policy: Policy): Promise<Backend> {
    const key = `${id} ${JSON.stringify(policy)}`;
    let running = this.#running.get(key);
    if (running === undefined) {
      running = this.start(id, policy);
      const mine = running;
      const forget = () => {
        if (this.#running.get(key) === mine) this.#running.delete(key);
      };
      mine.then((b) => b.exited.then(forget), forget);
    }
    // Map order doubles as least-recently-used order.
    this.#running.delete(key);
    this.#running.set(key, running);
    this.#evict();
    return running;
  }

  get size(): number {
    return this.#running.size;
  }

  async stopAll(): Promise<void> {
    const all = [...this.#running.values()];
    this.#running.clear();
    await Promise.allSettled(all.map(async (b) => (await b).stop()));
  }

  #evict(): void {
    for (const [key, running] of this.#running) {
      if (this.#running.size <= this.max) return;
      this.#running.delete(key);
      running.then((b) => b.stop(), () => undefined);
    }
  }
}

/** Which backend each lab uses, and its state in the lab's event stream. */
export class LabBackends {
  constructor(private readonly pool: BackendPool) {}

  /** Hands the lab to a library (or back to the lab's engine) and reports starting, ready or failed. */
  select(lab: Lab, id: BackendChoice): void {
    if (id === 'lab') {
      if (lab.backend.id !== 'lab') lab.setBackend(LAB_ENGINE);
      return;
    }
    const policy = lab.policy;
    const current = () => lab.backend.id === id && lab.policy === policy;
    lab.setBackend({ id, status: 'starting' });
    this.pool.get(id, policy).then(
      (backend) => {
        if (!current()) return;
        lab.setBackend({ id, status: 'ready' });
        void backend.exited.then(({ stderr }) => {
          if (current() && lab.backend.status === 'ready') {
            lab.setBackend({ id, status: 'failed', message: `${BACKEND_NAMES[id]} stopped${stderr === '' ? '' : `: ${stderr}`}` });
          }
        });
      },
      (error: unknown) => {
        if (current()) lab.setBackend({ id, status: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
  }

  /** A new policy means a new configuration: the library is started again with it. */
  policyChanged(lab: Lab): void {
    if (lab.backend.id !== 'lab') this.select(lab, lab.backend.id);
  }

  /** The process that answers this lab now, or null when the lab's own engine does. */
  target(lab: Lab): Promise<Backend> | null {
    const { id, status, message } = lab.backend;
    if (id === 'lab') return null;
    // A failed library is not started again on every request: choosing it again retries.
    if (status === 'failed') return Promise.reject(new Error(message ?? `${BACKEND_NAMES[id]} failed`));
    return this.pool.get(id, lab.policy);
  }
}

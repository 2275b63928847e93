/**
 * Labs no case may touch: a canary lab (another id) and the default lab, each
 * with a known policy and history. At the end both must read back
 * byte-identical; on the way, the canary's answers from server01 must not change.
 */
import { CONTROL_ROUTES, DEFAULT_LAB, EMPTY_POLICY, type LabEvent, type Policy } from '@cors-lab/shared';
import { lessonRequests } from './api-probe.ts';
import { exchange, type RawAnswer } from './raw-exchange.ts';
import { requestBytes } from './request-bytes.ts';

const PAGE_ORIGIN = 'http://localhost:8100';

const CANARY_POLICY: Policy = {
  ...EMPTY_POLICY,
  allowOrigin: 'list',
  originList: [PAGE_ORIGIN],
  allowMethods: ['GET', 'PUT'],
  allowHeaders: ['X-Custom-Header'],
  exposeHeaders: ['X-Canary'],
  allowCredentials: true,
  maxAge: 600,
  varyOrigin: true,
};

interface Ports {
  readonly port01: number;
  readonly port02: number;
}

const controlQuery = (lab: string) => (lab === DEFAULT_LAB ? '' : `?lab=${lab}`);

async function get(port: number, target: string): Promise<string> {
  const answer = await exchange(port, requestBytes({ method: 'GET', target, headers: [], framing: 'none' }, `127.0.0.1:${port}`));
  return answer.body.toString('latin1');
}

/** The lab as server02 reports it: policy and whole history, the bytes as sent. */
async function readLab(ports: Ports, lab: string): Promise<{ policy: string; events: LabEvent[]; history: string }> {
  const policy = await get(ports.port02, `${CONTROL_ROUTES.policy}${controlQuery(lab)}`);
  const history = await get(ports.port02, `${CONTROL_ROUTES.history}${lab === DEFAULT_LAB ? '?' : `${controlQuery(lab)}&`}after=0`);
  return { policy, history, events: (JSON.parse(history) as { events: LabEvent[] }).events };
}

/** An answer without its Date line, which changes by the second. */
const undated = (a: RawAnswer) => a.bytes.toString('latin1').replace(/\r\nDate: [^\r]*/i, '');

export class WatchedLab {
  #probes = 0;

  private constructor(
    private readonly ports: Ports,
    readonly id: string,
    private readonly start: { policy: string; events: LabEvent[]; history: string },
    private readonly baseline: string[],
  ) {}

  /** Gives the lab its policy and a few records, then remembers how it reads and answers. */
  static async plant(ports: Ports, id: string, policy: Policy = CANARY_POLICY): Promise<WatchedLab> {
    const host02 = `127.0.0.1:${ports.port02}`;
    const body = Buffer.from(JSON.stringify(policy));
    const put = await exchange(ports.port02, requestBytes({ target: `${CONTROL_ROUTES.policy}${controlQuery(id)}`, headers: [['Origin', `http://${host02}`], ['Content-Type', 'application/json']], body }, host02));
    if (put.status !== 200) throw new Error(`could not set the policy of lab ${id}: ${put.bytes.toString('latin1')}`);
    const answers = await WatchedLab.#send(ports, id);
    await WatchedLab.#send(ports, id);
    return new WatchedLab(ports, id, await readLab(ports, id), answers.map(undated));
  }

  static async #send(ports: Ports, id: string): Promise<RawAnswer[]> {
    const { preflight, actual } = lessonRequests(id, PAGE_ORIGIN, `127.0.0.1:${ports.port01}`);
    return [await exchange(ports.port01, preflight), await exchange(ports.port01, actual)];
  }

  /** Sends the lesson's preflight and actual again; how many answers differ from the first ones. */
  async probe(): Promise<number> {
    const answers = await WatchedLab.#send(this.ports, this.id);
    this.#probes++;
    return answers.filter((a, i) => undated(a) !== this.baseline[i]).length;
  }

  /** What changed since `plant`, besides the records of this watcher's own probes. */
  async changes(): Promise<string[]> {
    const now = await readLab(this.ports, this.id);
    const out: string[] = [];
    if (now.policy !== this.start.policy) out.push(`lab ${this.id}: policy changed to ${now.policy.slice(0, 200)}`);
    if (this.#probes === 0 && now.history !== this.start.history) out.push(`lab ${this.id}: history changed`);
    const before = this.start.events.map((e) => JSON.stringify(e));
    const kept = now.events.slice(0, before.length).map((e) => JSON.stringify(e));
    if (kept.join('\n') !== before.join('\n')) out.push(`lab ${this.id}: its first ${before.length} events changed`);
    const later = now.events.slice(before.length);
    const foreign = later.filter((e) => e.type !== 'record' || e.record.request.url !== `/l/${this.id}/getData.html`);
    if (foreign.length > 0) out.push(`lab ${this.id}: ${foreign.length} events no probe made, first ${JSON.stringify(foreign[0]).slice(0, 200)}`);
    if (later.length !== 2 * this.#probes) out.push(`lab ${this.id}: ${later.length} new events for ${this.#probes} probes`);
    return out;
  }
}

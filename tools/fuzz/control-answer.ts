/** Judges server02's answer to one case: no 5xx, a 4xx that names its field, the verdict the case expects. */
import { EMPTY_POLICY, type Policy } from '@cors-lab/shared';
import type { FuzzCase } from './fuzz-case.ts';
import type { RawAnswer } from './raw-exchange.ts';

/** Words a refusal may start with to name what it refuses: a policy field, a part of the request. */
const FIELD_WORDS = new Set([
  ...Object.keys(EMPTY_POLICY),
  'policy', 'body', 'Origin', 'Content-Type', 'Content-Length', 'Transfer-Encoding', 'Host',
  'querystring', 'request', 'header', 'headers', 'method', 'URL', 'target', 'Route',
]);

export interface ControlJudgement {
  readonly problem: 'none' | '5xx' | 'unnamed' | 'wrong-verdict' | 'no-answer';
  /** The policy as the control plane took it, when it did. */
  readonly accepted: Policy | null;
  readonly detail: string;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Does a 4xx body say which field (or part of the request) it refuses? */
export function namesField(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false;
  const { errors, message } = body as { errors?: unknown; message?: unknown };
  if (Array.isArray(errors) && errors.some((e) => typeof (e as { field?: unknown })?.field === 'string' && (e as { field: string }).field !== '')) return true;
  const first = typeof message === 'string' ? /^[A-Za-z-]+/.exec(message)?.[0] : undefined;
  return first !== undefined && FIELD_WORDS.has(first);
}

export function judgeControlAnswer(c: FuzzCase, answer: RawAnswer): ControlJudgement {
  const { status } = answer;
  if (status === null) return { problem: 'no-answer', accepted: null, detail: `no status line (${answer.failure ?? 'closed'}), ${answer.bytes.length} bytes` };
  const body = parseJson(answer.body);
  const text = answer.body.toString('utf8').slice(0, 300);
  if (status >= 500) return { problem: '5xx', accepted: null, detail: `${status} ${text}` };
  const accepted = status === 200 ? ((body as { policy?: Policy } | undefined)?.policy ?? null) : null;
  if (status >= 400 && !namesField(body)) return { problem: 'unnamed', accepted, detail: `${status} ${text}` };
  if ((c.expect === 'accept' && status !== 200) || (c.expect === 'reject' && status < 400)) {
    return { problem: 'wrong-verdict', accepted, detail: `expected ${c.expect}, got ${status} ${text}` };
  }
  return { problem: 'none', accepted, detail: String(status) };
}

/**
 * After a policy is accepted: a preflight and an actual request to server01
 * in that lab, over raw TCP, and the answer heads checked byte by byte.
 */
import { answerFor, API_ROUTES, labPrefix, type Policy } from '@cors-lab/shared';
import { headProblems } from './head-syntax.ts';
import { exchange, type RawAnswer } from './raw-exchange.ts';
import { requestBytes } from './request-bytes.ts';

/** Origins a learner's page may send, one with an obs-text byte that `reflect` echoes back. */
export const PROBE_ORIGINS = ['http://localhost:8100', 'http://127.0.0.1:8100', 'null', 'http://caf\xe9.example'];

export interface ProbeOutcome {
  /** What is malformed in either answer; empty when both are well-formed. */
  readonly malformed: string[];
  /** An answer whose status is not the one the policy gives. */
  readonly wrongStatus: string[];
  readonly answers: readonly RawAnswer[];
}

/** The preflight and the actual PUT of the classic lesson, as bytes. */
export function lessonRequests(lab: string, origin: string, host: string): { preflight: Buffer; actual: Buffer } {
  const target = `${labPrefix(lab)}${API_ROUTES.data}`;
  const preflight = requestBytes(
    { method: 'OPTIONS', target, headers: [['Origin', origin], ['Access-Control-Request-Method', 'PUT'], ['Access-Control-Request-Headers', 'x-custom-header']], framing: 'none' },
    host,
  );
  const actual = requestBytes({ method: 'PUT', target, headers: [['Origin', origin], ['X-Custom-Header', '1'], ['Content-Type', 'text/plain']], body: Buffer.from('new value') }, host);
  return { preflight, actual };
}

export async function probeServer01(port: number, lab: string, policy: Policy, origin: string): Promise<ProbeOutcome> {
  const { preflight, actual } = lessonRequests(lab, origin, `127.0.0.1:${port}`);
  const malformed: string[] = [];
  const wrongStatus: string[] = [];
  const answers: RawAnswer[] = [];
  for (const [kind, request, isPreflight] of [['preflight', preflight, true], ['actual', actual, false]] as const) {
    const answer = await exchange(port, request);
    answers.push(answer);
    if (answer.head === null) {
      malformed.push(`${kind}: no complete head (${answer.failure ?? 'closed'}): ${JSON.stringify(answer.bytes.toString('latin1').slice(0, 120))}`);
      continue;
    }
    const expected = answerFor(policy, { method: isPreflight ? 'OPTIONS' : 'PUT', origin, isPreflight }).status ?? 200;
    const bodyless = answer.status === 204 || answer.status === 304;
    for (const p of headProblems(answer.head, answer.body, bodyless)) malformed.push(`${kind}: ${p}`);
    if (answer.status !== expected) wrongStatus.push(`${kind}: status ${answer.status}, the policy gives ${expected}`);
  }
  return { malformed, wrongStatus, answers };
}

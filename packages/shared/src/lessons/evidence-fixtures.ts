/**
 * Hand-built evidence for lesson unit tests: one send, with server01 answering
 * from the policy as it does (policy-answer.ts) and the browser deciding as the
 * explainer's checks do (cors-checks.ts). Not exported from the package.
 */
import { corsCheck, preflightCheck } from '../cors-checks.ts';
import { EMPTY_POLICY, type Policy } from '../policy.ts';
import { actualHeaders, preflightHeaders, type HeaderLine } from '../policy-answer.ts';
import { classify, type LabRequest } from '../request-classification.ts';
import type { ServerRecord } from '../wire.ts';
import { sendEvidence } from './evidence.ts';
import type { Check, CheckResult, Evidence, Lesson, SendEvidence, Text } from './types.ts';

export const PAGE = 'http://localhost:8100';
export const API = 'http://localhost:8000/getData.html';
export const BODY = 'server----001';

/** Methods Node's HTTP parser takes; any other (VIEW, lowercase patch) server01 reads from the raw bytes. */
const NODE_METHODS = /^(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS)$/;

function record(kind: ServerRecord['kind'], method: string, headers: HeaderLine[], status: number, answer: HeaderLine[]): ServerRecord {
  return {
    kind,
    parser: NODE_METHODS.test(method) ? 'node' : 'raw',
    answeredBy: 'policy',
    request: { method, url: '/getData.html', httpVersion: '1.1', headers, body: '', bodyBytes: 0 },
    response: { status, headers: answer, body: kind === 'actual' ? BODY : '', bodyBytes: 0 },
    receivedAt: 0,
    respondedAt: 0,
  };
}

export interface SendOptions {
  readonly request?: Partial<LabRequest>;
  readonly policy?: Partial<Policy>;
  /** The browser's preflight cache answered: no OPTIONS reaches server01. */
  readonly fromCache?: boolean;
  readonly number?: number;
}

/** One send as the lab would see it: the preflight (if any), the actual request (if it went out), the verdict. */
export function simulate(opts: SendOptions = {}): SendEvidence {
  const policy: Policy = { ...EMPTY_POLICY, ...opts.policy };
  const request: LabRequest = { api: 'fetch', method: 'GET', url: API, headers: [], body: '', credentials: 'same-origin', ...opts.request };
  const c = classify(request, PAGE);
  const origin: HeaderLine = ['Origin', PAGE];
  const records: ServerRecord[] = [];
  let blocked = false;
  if (c.needsPreflight && opts.fromCache !== true) {
    const asked: HeaderLine[] = [origin, ['Access-Control-Request-Method', c.method]];
    if (c.unsafeHeaderNames.length > 0) asked.push(['Access-Control-Request-Headers', c.unsafeHeaderNames.join(',')]);
    const answer = preflightHeaders(policy, PAGE);
    records.push(record('preflight', 'OPTIONS', asked, policy.preflightStatus, answer));
    blocked = preflightCheck(policy.preflightStatus, answer, PAGE, { method: c.method, unsafeHeaderNames: c.unsafeHeaderNames, withCredentials: c.withCredentials }) !== null;
  }
  if (!blocked) {
    const answer = actualHeaders(policy, PAGE);
    records.push(record('actual', c.method, [...request.headers, origin], 200, answer));
    blocked = corsCheck(answer, PAGE, c.withCredentials) !== null;
  }
  const result = blocked ? { kind: 'error' as const, message: 'TypeError: Failed to fetch' } : { kind: 'response' as const, status: 200, body: BODY, headers: [] };
  const send = { id: 's', number: opts.number ?? 1, request, pageOrigin: PAGE, startedAt: 0, result, policy };
  const evidence = sendEvidence(send, records);
  if (evidence === null) throw new Error('a settled send always gives evidence');
  return evidence;
}

/** What a step's check reads after these sends; the policy now is the last send's. */
export function evidenceOf(...sends: SendEvidence[]): Evidence {
  return { sends, policy: sends.at(-1)?.policy ?? EMPTY_POLICY, pageOrigin: PAGE };
}

/** A step's check, by the step's id. */
export function checkOf(lesson: Lesson, stepId: string): Check {
  const step = lesson.steps.find((s) => s.id === stepId);
  if (step === undefined) throw new Error(`${lesson.id} has no step ${stepId}`);
  return step.check;
}

/** What a step's check says before any send: not passed, with its hint. */
export function openResult(lesson: Lesson, stepId: string): CheckResult {
  const r = checkOf(lesson, stepId)(evidenceOf());
  if (r.passed) throw new Error(`${lesson.id}/${stepId} passed with no sends`);
  return r;
}

/** Every learner-facing text of a lesson, hints included (as the checks give them with no sends). */
export function textsOf(lesson: Lesson): Text[] {
  return [
    lesson.title,
    lesson.summary,
    lesson.realServers,
    ...lesson.steps.flatMap((s) => {
      const open = s.check(evidenceOf());
      return [s.title, s.text, ...s.tryThis, ...(open.passed ? [] : [open.hint])];
    }),
  ];
}

/** Problems with a text pair: an empty side, no Chinese in zh-CN, or placeholders and code spans that differ. */
export function textProblems(t: Text): string[] {
  const problems: string[] = [];
  if (t.en.trim() === '' || t['zh-CN'].trim() === '') problems.push(`empty side: ${t.en}`);
  if (!/\p{Script=Han}/u.test(t['zh-CN'])) problems.push(`no Chinese: ${t['zh-CN']}`);
  const marks = (s: string) => [...(s.match(/\{\w+\}/g) ?? []), ...(s.match(/`[^`]*`/g) ?? [])].sort();
  if (marks(t.en).join('|') !== marks(t['zh-CN']).join('|')) problems.push(`placeholders or code differ: ${t.en}`);
  return problems;
}

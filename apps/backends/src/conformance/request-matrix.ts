/**
 * The conformance matrix: origins x methods x request headers x credentials,
 * each as a preflight and as an actual request, and what the lab's own
 * engine (answerFor) answers to each.
 */
import { answerFor, originOf, type HeaderLine, type Policy } from '@cors-lab/shared';

export interface MatrixRequest {
  readonly path: string;
  /** OPTIONS with Access-Control-Request-Method: `method` (fetch.spec.whatwg.org/#cors-preflight-request). */
  readonly preflight: boolean;
  /** The actual request's method, or the one a preflight asks for. */
  readonly method: string;
  readonly origin: string | undefined;
  /** Header names: sent on an actual request, listed in Access-Control-Request-Headers on a preflight. */
  readonly headers: readonly string[];
  /** An actual request carries a Cookie; a preflight never does. */
  readonly credentials: boolean;
}

/** Status and header lines of an answer, the lab's or a library's. */
export interface ObservedAnswer {
  readonly status: number;
  readonly headers: readonly HeaderLine[];
}

/** The page's origin, which the policies list; another site; and the opaque origin of a sandboxed or file: page. */
export const MATRIX_ORIGINS = { listed: originOf('server02'), other: 'https://other.example', opaque: 'null' } as const;

const ORIGINS = [MATRIX_ORIGINS.listed, MATRIX_ORIGINS.other, undefined, MATRIX_ORIGINS.opaque];
const METHODS = ['GET', 'PUT', 'DELETE', 'VIEW'];
/** An OPTIONS without Access-Control-Request-Method is no preflight: the lab passes it to the routes. */
const ACTUAL_ONLY_METHODS = ['OPTIONS'];
const HEADER_SETS: readonly (readonly string[])[] = [[], ['x-custom-header'], ['authorization']];
const DATA_PATH = '/getData.html';
const ROUTE_STATUS = 200;

/** Every request of the matrix: preflights (never with credentials), then actual requests, a plain OPTIONS among them. */
export function requestMatrix(path = DATA_PATH): MatrixRequest[] {
  const out: MatrixRequest[] = [];
  for (const preflight of [true, false]) {
    for (const origin of ORIGINS) {
      for (const method of preflight ? METHODS : [...METHODS, ...ACTUAL_ONLY_METHODS]) {
        for (const headers of HEADER_SETS) {
          for (const credentials of preflight ? [false] : [false, true]) out.push({ path, preflight, method, origin, headers, credentials });
        }
      }
    }
  }
  return out;
}

const HEADER_VALUES: Record<string, string> = { 'x-custom-header': 'conformance', authorization: 'Bearer conformance' };

/** The method and headers to put on the wire for a matrix request. */
export function wireRequest(req: MatrixRequest): { method: string; headers: Record<string, string> } {
  const headers: Record<string, string> = req.origin === undefined ? {} : { origin: req.origin };
  if (req.preflight) {
    headers['access-control-request-method'] = req.method;
    if (req.headers.length > 0) headers['access-control-request-headers'] = [...req.headers].sort().join(',');
    return { method: 'OPTIONS', headers };
  }
  for (const name of req.headers) headers[name] = HEADER_VALUES[name] ?? 'conformance';
  if (req.credentials) headers.cookie = 'labsession=conformance';
  return { method: req.method, headers };
}

/** What server01 answers: answerFor's headers; the route's status where the policy leaves it to the route. */
export function labAnswer(policy: Policy, req: MatrixRequest): ObservedAnswer {
  const answer = answerFor(policy, { method: req.preflight ? 'OPTIONS' : req.method, origin: req.origin, isPreflight: req.preflight });
  return { status: answer.status ?? ROUTE_STATUS, headers: answer.headers };
}

/** One line for a report: `preflight PUT [x-custom-header] from https://other.example`. */
export function describeRequest(req: MatrixRequest): string {
  const headers = req.headers.length > 0 ? ` [${req.headers.join(', ')}]` : '';
  const from = req.origin === undefined ? 'without Origin' : `from ${req.origin}`;
  return `${req.preflight ? 'preflight' : 'actual'} ${req.method}${headers}${req.credentials ? ' with cookie' : ''} ${from}`;
}

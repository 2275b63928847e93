/**
 * Each exporter note that describes a difference on the wire, as a pure
 * test: is this difference, in this exchange, what the note says the library
 * does? A difference no note of the export explains is a conformance failure.
 */
import { METHODS } from 'node:http';
import type { Note, Policy } from '@cors-lab/shared';
import { listMembers, type CorsView, type Difference } from './compare-answers.ts';
import type { MatrixRequest } from './request-matrix.ts';

export interface Exchange {
  readonly policy: Policy;
  readonly request: MatrixRequest;
  readonly lab: CorsView;
  readonly library: CorsView;
}

export type Explanation = (d: Difference, x: Exchange) => boolean;

const ALLOW_ORIGIN = 'access-control-allow-origin';
/** Sent only on a preflight answer (fetch.spec.whatwg.org/#http-responses). */
const PREFLIGHT_ONLY = ['access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age'];

/** The headers the libraries send beside Access-Control-Allow-Origin, whatever the origin. */
const OTHER_CORS_HEADERS = [...PREFLIGHT_ONLY, 'access-control-allow-credentials', 'access-control-expose-headers'];

const header = (d: Difference, ...names: string[]): d is Extract<Difference, { kind: 'header' }> => d.kind === 'header' && names.includes(d.name);
/** A header the library sends and the lab does not. */
const extra = (d: Difference): d is Extract<Difference, { kind: 'header' }> & { library: string } => d.kind === 'header' && d.lab === null && d.library !== null;
/** A header the lab sends and the library does not. */
const missing = (d: Difference): d is Extract<Difference, { kind: 'header' }> & { lab: string } => d.kind === 'header' && d.lab !== null && d.library === null;
const refused = (view: CorsView) => !view.headers.has(ALLOW_ORIGIN);
const members = (value: string | null) => (value === null ? [] : listMembers(value, true));
const requested = (x: Exchange) => x.request.headers.map((h) => h.toLowerCase());
/** A preflight, or an OPTIONS request without Access-Control-Request-Method. */
const isOptions = (x: Exchange) => x.request.preflight || x.request.method === 'OPTIONS';
const isEmptyList = (value: string | null) => value !== null && value.trim() === '';

/** fastify-cors, express-cors, django-cors-headers, flask-cors: the library's own status for a preflight. */
const preflightStatusFrom = (status: number) => (d: Difference, x: Exchange) => x.request.preflight && d.kind === 'status' && d.library === status;

/** Access-Control-Allow-Credentials left out because the library would echo every Origin with it. */
const credentialsLeftOut: Explanation = (d) => header(d, 'access-control-allow-credentials') && d.lab === 'true' && d.library === null;

export const EXPLANATIONS: Readonly<Record<string, Explanation>> = {
  // The policy underneath is exported, not the raw answers: every difference is this one.
  'raw-mode': () => true,
  // The library answers with the requested headers, not with a list of its own.
  'allowed-headers-reflect': (d, x) => {
    if (!x.request.preflight || !header(d, 'access-control-allow-headers') || d.library === null) return false;
    const echoed = members(d.library).join();
    return echoed === members(requested(x).join()).join() && echoed !== members(x.policy.allowHeaders.join()).join();
  },
  'headers-without-origin': (d, x) => extra(d) && OTHER_CORS_HEADERS.includes(d.name) && refused(x.lab) && refused(x.library),
  'credentials-without-origin': (d, x) => extra(d) && d.name === 'access-control-allow-credentials' && refused(x.library),
  'vary-origin': (d) => {
    if (!header(d, 'vary')) return false;
    const lab = members(d.lab);
    const library = members(d.library);
    const symmetric = [...lab.filter((t) => !library.includes(t)), ...library.filter((t) => !lab.includes(t))];
    return symmetric.length > 0 && symmetric.every((t) => t === 'origin');
  },
  'no-cors-preflight': (d, x) => x.request.preflight && d.kind === 'status',
  'plain-options': (_d, x) => !x.request.preflight && x.request.method === 'OPTIONS',
  // The library adds its preflight headers to an OPTIONS that the lab's policy leaves to the routes (cors: to any OPTIONS).
  'preflight-routes': (d, x) => isOptions(x) && x.policy.preflight === 'routes' && extra(d) && PREFLIGHT_ONLY.includes(d.name),
  'options-as-preflight': (d, x) => !x.request.preflight && x.request.method === 'OPTIONS' && extra(d) && PREFLIGHT_ONLY.includes(d.name),
  // A preflight without Origin (or an OPTIONS without Access-Control-Request-Method) gets 400, with whatever was set before.
  'strict-preflight': (_d, x) => (x.request.preflight && x.request.origin === undefined && x.library.status === 400) || (!x.request.preflight && x.request.method === 'OPTIONS'),
  'empty-list-sent': (d) => header(d, 'access-control-allow-methods', 'access-control-allow-headers') && d.lab === null && isEmptyList(d.library),
  'all-origins-with-credentials-reflects': credentialsLeftOut,
  'wildcard-credentials-reflects': credentialsLeftOut,
  'disallowed-preflight-200': (d, x) => preflightStatusFrom(200)(d, x) && refused(x.library),
  'preflight-status': preflightStatusFrom(200),
  'max-age-zero': (d) => header(d, 'access-control-max-age') && d.lab === '0' && d.library === null,
  'origin-as-regex': (d, x) => header(d, ALLOW_ORIGIN) && x.policy.allowOrigin === 'list',
  // flask-cors answers with the requested headers it allows, not with its list; with none of them, no header.
  'allow-headers-echoed': (d, x) => {
    if (!x.request.preflight || !header(d, 'access-control-allow-headers')) return false;
    const allowed = x.policy.allowHeaders.map((h) => h.toLowerCase());
    const echo = members(requested(x).filter((h) => allowed.includes(h) || allowed.includes('*')).join());
    return members(d.library).join() === echo.join();
  },
  'methods-wildcard': (d, x) => header(d, 'access-control-allow-methods') && x.policy.allowMethods.includes('*') && d.library !== null,
  // flask-cors adds the preflight-only headers only when the requested method is in its methods: all three are missing.
  'methods-gate-preflight': (d, x) => x.request.preflight && missing(d) && PREFLIGHT_ONLY.includes(d.name) && PREFLIGHT_ONLY.every((n) => !x.library.headers.has(n)),
  'expose-on-preflight': (d, x) => x.request.preflight && extra(d) && d.name === 'access-control-expose-headers',
  // Node's parser answers 400 and closes before any JavaScript runs: no header at all.
  'node-refuses-method': (d, x) => !x.request.preflight && !METHODS.includes(x.request.method) && x.library.status === 400 && missing(d),
  'no-origin-no-headers': (d, x) => x.request.origin === undefined && missing(d),
};

/** The names of the export's notes that explain a difference; empty when none does. */
export function explainingNotes(d: Difference, x: Exchange, notes: readonly Note[]): string[] {
  return notes.filter((n) => EXPLANATIONS[n.name]?.(d, x) === true).map((n) => n.name);
}

import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, exportConfig, type HeaderLine, type Policy } from '@cors-lab/shared';
import { compareAnswers, corsView, type Difference } from './compare-answers.ts';
import { EXPLANATIONS, explainingNotes, type Exchange } from './note-explanations.ts';
import { labAnswer, type MatrixRequest } from './request-matrix.ts';

const PAGE = 'http://localhost:8100';
const OTHER = 'https://other.example';
const LIST: Policy = { ...EMPTY_POLICY, allowOrigin: 'list', originList: [PAGE], allowMethods: ['PUT'], allowHeaders: ['x-custom-header'], allowCredentials: true, maxAge: 600 };

const preflight = (origin: string | undefined, method = 'PUT', headers: string[] = []): MatrixRequest => ({ path: '/getData.html', preflight: true, method, origin, headers, credentials: false });
const actual = (origin: string | undefined, method = 'GET'): MatrixRequest => ({ path: '/getData.html', preflight: false, method, origin, headers: [], credentials: false });

/** The exchange and its differences, for a library that answered `status` with `headers`. */
function exchange(policy: Policy, request: MatrixRequest, status: number, headers: HeaderLine[]): { x: Exchange; diffs: Difference[] } {
  const x = { policy, request, lab: corsView(labAnswer(policy, request)), library: corsView({ status, headers }) };
  return { x, diffs: compareAnswers(x.lab, x.library, request.preflight) };
}

/** For each difference, the names of the given notes that explain it. */
const explained = (names: string[], e: { x: Exchange; diffs: Difference[] }) =>
  e.diffs.map((d) => explainingNotes(d, e.x, names.map((name) => ({ kind: 'inexact' as const, name, text: '' }))));

describe('EXPLANATIONS', () => {
  it("headers-without-origin: cors's other headers to a refused origin, but not an Allow-Origin it should not send", () => {
    const refused = exchange(LIST, preflight(OTHER), 204, [
      ['Vary', 'Origin'],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Allow-Methods', 'PUT'],
    ]);
    const leaked = exchange(LIST, actual(OTHER), 200, [['Access-Control-Allow-Origin', OTHER]]);
    expect([explained(['headers-without-origin'], refused), explained(['headers-without-origin'], leaked)]).toEqual([
      [['headers-without-origin'], ['headers-without-origin'], []],
      [[]],
    ]);
  });

  it('allowed-headers-reflect: an Allow-Headers that echoes the request, not the configured list', () => {
    const policy = { ...LIST, allowHeaders: [] };
    const echo = exchange(policy, preflight(PAGE, 'PUT', ['authorization']), 204, [
      ...labAnswer(policy, preflight(PAGE)).headers,
      ['Access-Control-Allow-Headers', 'authorization'],
    ]);
    const configured = exchange(LIST, preflight(OTHER, 'PUT', ['x-custom-header']), 204, [['Access-Control-Allow-Headers', 'x-custom-header']]);
    expect([explained(['allowed-headers-reflect'], echo), explained(['allowed-headers-reflect'], configured)]).toEqual([[['allowed-headers-reflect']], [[]]]);
  });

  it('vary-origin: only Origin added to or missing from Vary', () => {
    const policy = { ...LIST, varyOrigin: false };
    const added = exchange(policy, actual(undefined), 200, [['Vary', 'Origin']]);
    const other = exchange(policy, actual(undefined), 200, [['Vary', 'Origin, Accept-Encoding']]);
    expect([explained(['vary-origin'], added), explained(['vary-origin'], other)]).toEqual([[['vary-origin']], [[]]]);
  });

  it("node-refuses-method: a 400 without any header to a method Node's parser does not know, not to GET", () => {
    const view = exchange(LIST, actual(PAGE, 'VIEW'), 400, []);
    const get = exchange(LIST, actual(PAGE, 'GET'), 400, []);
    expect([explained(['node-refuses-method'], view), explained(['node-refuses-method'], get)]).toEqual([
      [['node-refuses-method'], ['node-refuses-method']],
      [[], []],
    ]);
  });

  it('methods-gate-preflight and allow-headers-echoed: flask-cors leaves out all preflight headers, or echoes what it allows', () => {
    const gated = exchange(LIST, preflight(PAGE, 'VIEW', ['authorization']), 200, [
      ['Access-Control-Allow-Origin', PAGE],
      ['Access-Control-Allow-Credentials', 'true'],
    ]);
    const echoed = exchange(LIST, preflight(PAGE, 'PUT', ['authorization', 'x-custom-header']), 200, [
      ['Access-Control-Allow-Origin', PAGE],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Allow-Methods', 'PUT'],
      ['Access-Control-Allow-Headers', 'x-custom-header'],
      ['Access-Control-Max-Age', '600'],
    ]);
    const names = ['methods-gate-preflight', 'allow-headers-echoed'];
    expect([explained(names, gated), explained(names, echoed)]).toEqual([
      [['methods-gate-preflight', 'allow-headers-echoed'], ['methods-gate-preflight'], ['methods-gate-preflight']],
      [],
    ]);
  });

  it('strict-preflight: a preflight without Origin answered 400; no-cors-preflight: a preflight answered by the routes', () => {
    const strict = exchange({ ...LIST, allowOrigin: '*' }, preflight(undefined), 400, [['Access-Control-Allow-Origin', '*']]);
    const routes = exchange({ ...EMPTY_POLICY, preflightStatus: 204 }, preflight(PAGE), 404, []);
    expect([explained(['strict-preflight'], strict).flat(), explained(['no-cors-preflight', 'strict-preflight'], routes)]).toEqual([
      ['strict-preflight', 'strict-preflight', 'strict-preflight', 'strict-preflight', 'strict-preflight'],
      [['no-cors-preflight']],
    ]);
  });

  it('names only notes that describe a difference on the wire', () => {
    const notes = exportConfig(LIST, 'nginx').notes.map((n) => n.name);
    expect(notes.filter((n) => n in EXPLANATIONS)).toEqual([]);
  });
});

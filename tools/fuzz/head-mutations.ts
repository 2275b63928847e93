/**
 * Mutations of the request around a valid policy: Origin, Content-Type, the
 * `lab` query, raw header bytes, framing, sizes. Each says whether the
 * control plane must refuse it, and which lab an accepted policy lands in.
 */
import { CONTROL_ROUTES, POLICY_BODY_LIMIT } from '@cors-lab/shared';
import type { Expect, FuzzTarget } from './fuzz-case.ts';
import { randomLabId, type Random } from './random.ts';
import type { Bytes, RequestParts } from './request-bytes.ts';

export interface HeadMutation {
  readonly parts: RequestParts;
  readonly expect: Expect;
  readonly note: string;
  readonly lab: string;
}

type Header = readonly [Bytes, Bytes];

const policyTarget = (lab: string) => `${CONTROL_ROUTES.policy}?lab=${lab}`;

/** The request a page sends: its own Origin, JSON, its lab. */
export function pageRequest(t: FuzzTarget, body: Buffer, headers: readonly Header[] = [['Origin', t.page], ['Content-Type', 'application/json']]): RequestParts {
  return { target: policyTarget(t.fuzzLab), headers, body };
}

export function origin(random: Random, t: FuzzTarget, body: Buffer): HeadMutation {
  const port = t.host.split(':')[1];
  const variants: [string, Header[], Expect][] = [
    ['same origin', [['Origin', t.page]], 'accept'],
    ['no Origin (curl)', [], 'accept'],
    ['another site', [['Origin', 'http://evil.example']], 'reject'],
    ['opaque origin null', [['Origin', 'null']], 'reject'],
    ['empty Origin', [['Origin', '']], 'reject'],
    ['trailing slash', [['Origin', `${t.page}/`]], 'reject'],
    ['upper case', [['Origin', t.page.toUpperCase()]], 'reject'],
    ['https', [['Origin', `https://${t.host}`]], 'reject'],
    ['default port', [['Origin', 'http://127.0.0.1']], 'reject'],
    ['other port', [['Origin', `http://127.0.0.1:${Number(port) + 1}`]], 'reject'],
    ['suffix host', [['Origin', `${t.page}.evil.example`]], 'reject'],
    ['userinfo', [['Origin', `http://evil@${t.host}`]], 'reject'],
    ['localhost for 127.0.0.1', [['Origin', `http://localhost:${port}`]], 'reject'],
    ['two Origins, own first', [['Origin', t.page], ['Origin', 'http://evil.example']], 'reject'],
    ['two own Origins', [['Origin', t.page], ['Origin', t.page]], 'reject'],
    ['surrounding spaces (OWS, trimmed)', [['Origin', `  ${t.page}\t`]], 'either'],
    ['NUL after', [['Origin', `${t.page}\0`]], 'reject'],
    ['bare CR inside', [['Origin', `${t.page}\revil`]], 'reject'],
    ['CR LF injects a header', [['Origin', `${t.page}\r\nX-Injected: 1`]], 'either'],
    ['obs-text byte', [['Origin', `http://\xe9vil.example`]], 'reject'],
    ['UTF-8 bytes', [['Origin', Buffer.from('http://évil.example', 'utf8')]], 'reject'],
    // DNS rebinding: a page on evil:port whose name resolves to this server; only a Host allow-list would stop it.
    ['rebinding: Host and Origin both evil', [['Host', `evil.example:${port}`], ['Origin', `http://evil.example:${port}`]], 'either'],
    ['no Host', [['Origin', t.page], ['Host', '']], 'either'],
  ];
  const [note, headers, expect] = random.pick(variants);
  return { parts: pageRequest(t, body, [...headers, ['Content-Type', 'application/json']]), expect, note, lab: t.fuzzLab };
}

export function contentType(random: Random, t: FuzzTarget, body: Buffer): HeadMutation {
  const variants: [string, Bytes[], Expect][] = [
    ['json', ['application/json'], 'accept'],
    ['json utf-8', ['application/json; charset=utf-8'], 'accept'],
    ['upper case', ['APPLICATION/JSON'], 'either'],
    ['charset latin1', ['application/json; charset=latin1'], 'either'],
    ['space before ;', ['application/json ; x=y'], 'either'],
    ['missing', [], 'reject'],
    ['empty', [''], 'reject'],
    ['text/plain', ['text/plain'], 'reject'],
    ['text/plain utf-8', ['text/plain;charset=UTF-8'], 'reject'],
    ['form', ['application/x-www-form-urlencoded'], 'reject'],
    ['multipart', ['multipart/form-data; boundary=x'], 'reject'],
    ['jsonp', ['application/jsonp'], 'reject'],
    ['json-patch', ['application/json-patch+json'], 'reject'],
    ['problem+json', ['application/problem+json'], 'reject'],
    ['text/json', ['text/json'], 'reject'],
    ['any', ['*/*'], 'reject'],
    ['application/*', ['application/*'], 'reject'],
    ['json then text', ['application/json, text/plain'], 'either'],
    ['json prefix', ['application/jsonx'], 'reject'],
    ['obs-text', ['application/\xe9json'], 'reject'],
    ['NUL', ['application/json\0'], 'reject'],
    ['two, json first', ['application/json', 'text/plain'], 'either'],
    ['two, text first', ['text/plain', 'application/json'], 'either'],
  ];
  const [note, values, expect] = random.pick(variants);
  return { parts: pageRequest(t, body, [['Origin', t.page], ...values.map((v): Header => ['Content-Type', v])]), expect, note, lab: t.fuzzLab };
}

/** Query values for `lab`: bad ids must be a 400; none may reach the canary lab. */
export function labQuery(random: Random, t: FuzzTarget, body: Buffer): HeadMutation {
  const own = t.fuzzLab;
  const canary = t.canaryLab;
  const other = randomLabId(random);
  const variants: [string, string, Expect, string][] = [
    ['another valid lab', `?lab=${other}`, 'accept', other],
    ['64 characters', `?lab=${own.padEnd(64, 'a')}`, 'accept', own.padEnd(64, 'a')],
    ['empty', '?lab=', 'reject', own],
    ['15 characters', `?lab=${own.slice(0, 15)}`, 'reject', own],
    ['65 characters', `?lab=${'a'.repeat(65)}`, 'reject', own],
    ['huge', `?lab=${'a'.repeat(8000)}`, 'reject', own],
    ['bang', `?lab=${own}!`, 'reject', own],
    ['NUL escaped', `?lab=${canary}%00`, 'reject', own],
    ['space escaped', `?lab=%20${canary}`, 'reject', own],
    ['dot segments', `?lab=${canary}/../${own}`, 'reject', own],
    ['__proto__', '?lab=__proto__', 'reject', own],
    ['constructor', '?lab=constructor', 'reject', own],
    ['hasOwnProperty', '?lab=hasOwnProperty', 'reject', own],
    ['own then canary', `?lab=${own}&lab=${canary}`, 'reject', own],
    ['canary then own', `?lab=${canary}&lab=${own}`, 'reject', own],
    ['escaped second lab', `?lab=${own}%26lab%3D${canary}`, 'reject', own],
    ['semicolon', `?lab=${own};lab=${canary}`, 'reject', own],
    ['fragment', `?lab=${canary}#${own}`, 'reject', own],
    ['bad escape', `?lab=${own}%E0%A4%A`, 'reject', own],
    ['UTF-8 escaped', `?lab=${own}%C3%A9`, 'reject', own],
    ['obs-text byte', `?lab=${own}\xe9`, 'reject', own],
    ['a second parameter', `?lab=${own}&lab_=${canary}`, 'accept', own],
    ['array syntax', `?lab[]=${canary}&lab=${own}`, 'either', own],
  ];
  const [note, query, expect, lab] = random.pick(variants);
  return { parts: { ...pageRequest(t, body), target: `${CONTROL_ROUTES.policy}${query}` }, expect, note, lab };
}

/** Bytes Node's HTTP parser must refuse or may take: the answer must be a 4xx or the policy, never a 5xx or a hang. */
export function headBytes(random: Random, t: FuzzTarget, body: Buffer): HeadMutation {
  const base = pageRequest(t, body);
  const withHeader = (name: Bytes, value: Bytes): RequestParts => ({ ...base, headers: [...base.headers, [name, value]] });
  const variants: [string, RequestParts, Expect][] = [
    ['space in a name', withHeader('X Y', '1'), 'reject'],
    ['space before the colon', withHeader('X-Y ', '1'), 'reject'],
    ['obs-text in a name', withHeader('X-\xe9', '1'), 'reject'],
    ['NUL in a name', withHeader('X-\0', '1'), 'reject'],
    ['DEL in a name', withHeader('X-\x7f', '1'), 'reject'],
    ['parenthesis in a name', withHeader('X(Y)', '1'), 'reject'],
    ['empty name', withHeader('', '1'), 'reject'],
    ['NUL in a value', withHeader('X-Y', 'a\0b'), 'reject'],
    ['bare CR in a value', withHeader('X-Y', 'a\rb'), 'reject'],
    ['bare LF in a value', withHeader('X-Y', 'a\nb'), 'either'],
    ['control char in a value', withHeader('X-Y', 'a\x01b'), 'either'],
    ['obs-text in a value', withHeader('X-Y', 'caf\xe9 \xff'), 'accept'],
    ['UTF-8 in a value', withHeader('X-Y', Buffer.from('€ 😀', 'utf8')), 'accept'],
    ['obs-fold', withHeader('X-Y', 'a\r\n b'), 'either'],
    ['line without a colon', withHeader('NoColonHere', Buffer.alloc(0)), 'either'],
    ['LF line endings', { ...base, eol: '\n' }, 'either'],
    ['HTTP/1.0', { ...base, version: 'HTTP/1.0' }, 'either'],
    // Node's parser takes any HTTP/<digit>.<digit> and answers it as HTTP/1.1.
    ['HTTP/2.0', { ...base, version: 'HTTP/2.0' }, 'either'],
    ['junk version', { ...base, version: 'HTTP/1.1x' }, 'reject'],
    ['lower-case method', { ...base, method: 'put' }, 'reject'],
    ['space in the target', { ...base, target: `${base.target} x` }, 'reject'],
    ['absolute-form target', { ...base, target: `http://${t.host}${base.target}` }, 'either'],
    ['Content-Length twice, differing', { ...base, framing: 'none', headers: [...base.headers, ['Content-Length', String(body.length)], ['Content-Length', String(body.length + 1)]] }, 'reject'],
    ['Content-Length with a sign', { ...base, framing: 'none', headers: [...base.headers, ['Content-Length', `+${body.length}`]] }, 'reject'],
    ['Content-Length and chunked', { ...base, framing: 'chunked', headers: [...base.headers, ['Content-Length', String(body.length)]] }, 'reject'],
    ['Content-Length short of the body', { ...base, framing: 'none', headers: [...base.headers, ['Content-Length', String(Math.max(1, body.length - 7))]] }, 'reject'],
    ['chunked', { ...base, framing: 'chunked' }, 'accept'],
    ['bad chunk size', { ...base, framing: 'none', headers: [...base.headers, ['Transfer-Encoding', 'chunked']], body: Buffer.concat([Buffer.from('zz\r\n'), body, Buffer.from('\r\n0\r\n\r\n')]) }, 'reject'],
    ['unknown transfer coding', { ...base, framing: 'none', headers: [...base.headers, ['Transfer-Encoding', 'gzip']] }, 'reject'],
  ];
  const [note, parts, expect] = random.pick(variants);
  return { parts, expect, note, lab: t.fuzzLab };
}

export function oversize(random: Random, t: FuzzTarget, body: Buffer): HeadMutation {
  const padded = (size: number) => Buffer.concat([body, Buffer.alloc(Math.max(0, size - body.length), ' ')]);
  const base = pageRequest(t, body);
  const variants: [string, RequestParts, Expect][] = [
    ['body at the limit', pageRequest(t, padded(POLICY_BODY_LIMIT)), 'accept'],
    ['body one byte over', pageRequest(t, padded(POLICY_BODY_LIMIT + 1)), 'reject'],
    ['body of 1 MiB', pageRequest(t, padded(1 << 20)), 'reject'],
    ['chunked body over the limit', { ...pageRequest(t, padded(POLICY_BODY_LIMIT * 3)), framing: 'chunked' }, 'reject'],
    ['Content-Length of 1e9, small body', { ...base, framing: 'none', headers: [...base.headers, ['Content-Length', '1000000000']] }, 'reject'],
    ['Content-Length past 2^53', { ...base, framing: 'none', headers: [...base.headers, ['Content-Length', '99999999999999999999']] }, 'reject'],
    ['header of 20 KiB', { ...base, headers: [...base.headers, ['X-Pad', 'x'.repeat(20 * 1024)]] }, 'reject'],
    ['3000 headers', { ...base, headers: [...base.headers, ...Array.from({ length: 3000 }, (_, i): Header => [`X-${i}`, '1'])] }, 'reject'],
    ['1000 small headers', { ...base, headers: [...base.headers, ...Array.from({ length: 1000 }, (_, i): Header => [`X-${i}`, '1'])] }, 'accept'],
    ['target of 20 KiB', { ...base, target: `${base.target}&pad=${'x'.repeat(20 * 1024)}` }, 'reject'],
  ];
  const [note, parts, expect] = random.pick(variants);
  return { parts, expect, note, lab: t.fuzzLab };
}

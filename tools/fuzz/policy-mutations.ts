/**
 * Mutations of a valid policy's JSON body: wrong types, huge strings, bytes
 * that must never reach a header, prototype keys, deep nesting, broken JSON,
 * invalid UTF-8. Each says whether the control plane must refuse the result.
 */
import { POLICY_BODY_LIMIT, type Policy } from '@cors-lab/shared';
import type { BodyMutation, Expect } from './fuzz-case.ts';
import { allPaths, pointer, REMOVE, replaceAt, type JsonPath } from './json-tree.ts';
import { JsonText, nested } from './json-text.ts';
import type { Random } from './random.ts';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
/** Over the limit, any body is a 413 whatever else it holds. */
const sized = (body: Buffer, expect: Expect): Expect => (body.length > POLICY_BODY_LIMIT ? 'reject' : expect);

/** Under raw.<side>.headers: a header value or a list of them, where a list or a missing key is still valid. */
const inHeaders = (path: JsonPath) => path.length >= 4 && path[0] === 'raw' && path[2] === 'headers';
/** raw.<side>.body: optional, and any string. */
const isRawBody = (path: JsonPath) => path.length === 3 && path[0] === 'raw' && path[2] === 'body';

function leafPaths(policy: Policy) {
  return allPaths(policy).filter((p) => p.path.length > 0);
}

export function wrongType(random: Random, policy: Policy): BodyMutation {
  const json = new JsonText();
  const { path, value } = random.pick(leafPaths(policy));
  const byType: Record<string, unknown[]> = {
    string: [1, 1.5, true, null, [], [1], {}, { a: 'b' }, json.raw('1e309'), json.raw('-0')],
    boolean: [0, 1, 'true', 'false', null, [], {}, ''],
    number: ['1', '', 1.5, -1, 199, 600, 2 ** 31, 2 ** 53 + 2, true, [], {}, json.raw('1e309'), json.raw('-1e-7'), json.raw('1E2')],
    object: ['x', 1, null, [], true, [{}]],
    array: ['a', 1, null, {}, { 0: 'GET', length: 1 }, true],
    null: ['', 'null', false, [], {}, -1, 1.5, json.raw('1e309')],
  };
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const chosen = random.chance(0.15) ? REMOVE : random.pick(byType[type] ?? byType.string!);
  const body = utf8(json.stringify(replaceAt(policy, path, chosen)));
  // `1E2` is 100 and `-0` is 0 once parsed: judge what the server will see.
  const replacement = json.parsed(chosen);
  // A status given as 1E2 is 100, still out of range; 1.5 for a number that may be any whole number is the only sure type error there.
  // A list without one of its items is still a list.
  const edge = inHeaders(path) || (replacement === REMOVE && (isRawBody(path) || typeof path.at(-1) === 'number')) || (path[0] === 'maxAge' && typeof replacement === 'number' && Number.isInteger(replacement) && replacement >= 0 && replacement < 2 ** 31) || (path[0] === 'maxAge' && replacement === null);
  return { body, expect: sized(body, edge ? 'either' : 'reject'), note: `${pointer(path)} = ${replacement === REMOVE ? '(removed)' : JSON.stringify(replacement)?.slice(0, 40)}` };
}

export function hugeString(random: Random, policy: Policy): BodyMutation {
  const strings = leafPaths(policy).filter((p) => typeof p.value === 'string' || Array.isArray(p.value));
  const { path, value } = random.pick(strings);
  const length = random.pick([129, 513, 4097, 20_000, 65_537, 300_000]);
  const unit = random.pick(['x', '\u00e9', '\u{1f600}', 'a\tb ']);
  let replacement: unknown = unit.repeat(Math.ceil(length / unit.length));
  let note = `${pointer(path)}: ${length} x ${JSON.stringify(unit)}`;
  if (Array.isArray(value)) {
    const items = random.pick([33, 1000, 20_000]);
    replacement = Array.from({ length: items }, () => 'GET');
    note = `${pointer(path)}: ${items} items`;
  }
  const body = utf8(JSON.stringify(replaceAt(policy, path, replacement)));
  // Only raw.<side>.body takes long text, and a header value up to 4096 characters; every list here is past its bound.
  const edge = !Array.isArray(value) && (isRawBody(path) || (inHeaders(path) && length <= 4096));
  return { body, expect: sized(body, edge ? 'either' : 'reject'), note };
}

/** Keys of a raw headers map may be long tokens: the schema bounds their count, not their length. */
export function hugeHeaderName(random: Random, policy: Policy): BodyMutation {
  const side = random.pick(['preflight', 'actual'] as const);
  const name = `X-${'a'.repeat(random.pick([200, 5000, 70_000]))}`;
  const mutated = { ...policy, raw: { ...policy.raw, enabled: true, [side]: { ...policy.raw[side], headers: { [name]: 'v' } } } };
  const body = utf8(JSON.stringify(mutated));
  return { body, expect: sized(body, 'accept'), note: `raw.${side}.headers: a name of ${name.length} characters` };
}

/** What must never reach a header: CR, LF, NUL, controls, non-Latin-1 text, and the token delimiters. */
const HOSTILE_CHARS = ['\r', '\n', '\r\n', '\r\nX-Injected: 1', '\r\n\r\n<html>', '\0', '\t', ' ', ':', '\x7f', '\x1b', '\x0b', '\x0c', '\u0085', '\u00e9', '\u0100', '\u20ac', '\u{1f600}', '\ud800', '\udfff', '\u2028', '\ufeff', '"', '\\', ',', ';', '=', '(', '/'];
const BREAKS_A_HEADER = /[\0-\x08\n-\x1f\x7f\u0100-\uffff]/;

export function headerChars(random: Random, policy: Policy): BodyMutation {
  const hostile = random.pick(HOSTILE_CHARS);
  const at = random.pick(['start', 'middle', 'end'] as const);
  const insert = (s: string) => {
    const i = at === 'start' ? 0 : at === 'end' ? s.length : Math.floor(s.length / 2);
    return s.slice(0, i) + hostile + s.slice(i);
  };
  // Sometimes a raw header's name: the hostile text goes into a key.
  if (random.chance(0.4)) {
    const side = random.pick(['preflight', 'actual'] as const);
    const headers = { ...policy.raw[side].headers, [insert(random.pick(['X-Custom', 'Access-Control-Allow-Origin', 'Set-Cookie']))]: 'v' };
    const mutated = { ...policy, raw: { ...policy.raw, enabled: true, [side]: { ...policy.raw[side], headers } } };
    return { body: utf8(JSON.stringify(mutated)), expect: 'reject', note: `raw.${side}.headers: name with ${JSON.stringify(hostile)} at ${at}` };
  }
  const strings = leafPaths(policy).filter((p) => typeof p.value === 'string' && p.path[0] !== 'allowOrigin' && p.path[0] !== 'preflight');
  const chosen = strings.length > 0 ? random.pick(strings) : { path: ['originList', 0], value: 'http://localhost:8100' };
  const mutated = replaceAt(policy, chosen.path, insert(String(chosen.value)));
  const body = utf8(JSON.stringify(mutated));
  // Inside a header value, only HTAB, SP, visible ASCII and obs-text may stand, and no space at either end.
  const sure = !isRawBody(chosen.path) && BREAKS_A_HEADER.test(hostile);
  return { body, expect: sized(body, sure ? 'reject' : 'either'), note: `${pointer(chosen.path)}: ${JSON.stringify(hostile)} at ${at}` };
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'hasOwnProperty', 'valueOf'];

export function protoKeys(random: Random, policy: Policy): BodyMutation {
  const key = random.pick(PROTO_KEYS);
  const where = random.pick([[], ['raw'], ['raw', 'preflight'], ['raw', 'actual', 'headers'], ['raw', 'preflight', 'headers']] as JsonPath[]);
  const value = random.pick<unknown>([{}, { allowOrigin: '*' }, 'x', { prototype: { allowOrigin: '*', polluted: 'yes' } }, null, [], { polluted: 'yes' }]);
  const mutated = replaceAt(policy, [...where, key], value);
  const body = utf8(JSON.stringify(mutated));
  // A header map takes any token as a name, `constructor` included, when its value is a header value.
  const edge = where.at(-1) === 'headers' && key !== '__proto__' && typeof value === 'string';
  return { body, expect: sized(body, edge ? 'either' : 'reject'), note: `${pointer([...where, key])} = ${JSON.stringify(value)}` };
}

export function deepNesting(random: Random, policy: Policy): BodyMutation {
  const json = new JsonText();
  const depth = random.pick([33, 1000, 10_000, 30_000, 40_000]);
  const kind = random.pick(['array', 'object', 'mixed'] as const);
  const { path } = random.chance(0.2) ? { path: [] as JsonPath } : random.pick(leafPaths(policy));
  const text = path.length === 0 ? nested(depth, kind, JSON.stringify(policy)) : json.stringify(replaceAt(policy, path, json.raw(nested(depth, kind))));
  const body = utf8(text);
  return { body, expect: 'reject', note: `${pointer(path) || '(root)'}: ${kind} nested ${depth} deep, ${body.length} bytes` };
}

export function jsonSyntax(random: Random, policy: Policy): BodyMutation {
  const valid = JSON.stringify(policy);
  const variants: [string, string, Expect][] = [
    ['truncated', valid.slice(0, random.int(0, valid.length - 1)), 'reject'],
    ['trailing comma', `${valid.slice(0, -1)},}`, 'reject'],
    ['comment', `/* x */${valid}`, 'reject'],
    ['single quotes', valid.replace(/"/g, "'"), 'reject'],
    ['NaN', valid.replace(/"maxAge":[^,]+/, '"maxAge":NaN'), 'reject'],
    ['empty', '', 'reject'],
    ['whitespace', ' \t\r\n ', 'reject'],
    ['null', 'null', 'reject'],
    ['number', '0', 'reject'],
    ['string', JSON.stringify(valid), 'reject'],
    ['array', `[${valid}]`, 'reject'],
    ['empty object', '{}', 'reject'],
    ['two values', `${valid}${valid}`, 'reject'],
    ['raw newline in a string', valid.replace('"allowOrigin":"', '"allowOrigin":"\n'), 'reject'],
    ['escaped NUL', valid.replace('"allowOrigin":"', '"allowOrigin":"\\u0000'), 'reject'],
    ['duplicate key', `{"allowOrigin":"*",${valid.slice(1)}`, 'either'],
    ['BOM', `\ufeff${valid}`, 'either'],
    ['huge exponent', valid.replace(/"preflightStatus":\d+/, '"preflightStatus":1e999999'), 'reject'],
    ['leading zeros', valid.replace(/"preflightStatus":\d+/, '"preflightStatus":00204'), 'reject'],
    ['lone surrogate escape', valid.replace('"allowOrigin":"', '"allowOrigin":"\\ud800'), 'reject'],
  ];
  const [note, text, expect] = random.pick(variants);
  return { body: utf8(text), expect, note };
}

const INVALID_UTF8 = [[0x80], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0xfe, 0xff], [0xe2, 0x82], [0xe9]];

export function invalidUtf8(random: Random, policy: Policy): BodyMutation {
  const valid = utf8(JSON.stringify(policy));
  const seq = Buffer.from(random.pick(INVALID_UTF8));
  const form = random.pick(['in a string', 'anywhere', 'utf-16', 'latin1'] as const);
  if (form === 'utf-16') return { body: Buffer.from(`\ufeff${valid.toString('utf8')}`, 'utf16le'), expect: 'reject', note: 'the body in UTF-16LE' };
  // Latin-1 bytes (é as 0xE9) are invalid UTF-8 wherever the policy has non-ASCII text.
  if (form === 'latin1') return { body: Buffer.from(valid.toString('utf8'), 'latin1'), expect: 'either', note: 'the body in Latin-1' };
  let at: number;
  if (form === 'in a string') {
    // Just after an opening quote of a value: `":"` precedes every string value.
    const starts: number[] = [];
    for (let i = valid.indexOf('":"'); i !== -1; i = valid.indexOf('":"', i + 1)) starts.push(i + 3);
    at = starts.length > 0 ? random.pick(starts) : 1;
  } else at = random.int(0, valid.length);
  const body = Buffer.concat([valid.subarray(0, at), seq, valid.subarray(at)]);
  return { body, expect: 'either', note: `${seq.toString('hex')} ${form} at byte ${at}` };
}

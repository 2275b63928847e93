import { describe, expect, it } from 'vitest';
import { checkPolicy, fieldLabel } from './policy-validation.ts';
import { EMPTY_POLICY, type Policy } from './policy.ts';

/** A fresh copy of the empty policy, changed by `edit`; typed loosely so tests can break it. */
function policyWith(edit: (p: Record<string, any>) => void): unknown {
  const p = structuredClone(EMPTY_POLICY) as unknown as Record<string, any>;
  edit(p);
  return p;
}

const TOKEN_WORDS = "an HTTP token (letters, digits, ! # $ % & ' * + - . ^ _ ` | ~)";
const VALUE_WORDS = 'must be a header value (no CR, LF or NUL, no control characters, no leading or trailing space) or a list of 1 to 16 of them';

describe('checkPolicy', () => {
  it('passes the empty policy through unchanged', () => {
    const input = structuredClone(EMPTY_POLICY);
    expect(checkPolicy(input)).toEqual({ ok: true, policy: EMPTY_POLICY });
  });

  it('passes a full policy with every option set', () => {
    const policy: Policy = {
      ...structuredClone(EMPTY_POLICY),
      allowOrigin: 'list',
      originList: ['http://localhost:8100', 'null', 'https://example.com'],
      allowMethods: ['PUT', 'patch', '*'],
      allowHeaders: ['X-Custom-Header', '*'],
      exposeHeaders: ['X-Total'],
      allowCredentials: true,
      maxAge: 600,
      varyOrigin: true,
      preflight: 'routes',
      preflightStatus: 200,
      raw: {
        enabled: true,
        preflight: { status: 204, headers: { 'Access-Control-Allow-Origin': '*' } },
        actual: { status: 418, headers: { 'Access-Control-Allow-Origin': ['*', 'http://localhost:8100'], 'X-Empty': '' }, body: 'teapot' },
      },
    };
    expect(checkPolicy(policy)).toEqual({ ok: true, policy });
  });

  it('names an origin with a trailing slash by its pointer and in words', () => {
    const input = policyWith((p) => {
      p.allowOrigin = 'list';
      p.originList = ['http://localhost:8100', 'http://localhost:8100/'];
    });
    expect(checkPolicy(input)).toEqual({
      ok: false,
      errors: [
        {
          field: '/originList/1',
          message:
            'originList[1] must be a serialized origin such as http://localhost:8100: scheme://host[:port], lowercase, no path, no trailing slash (got "http://localhost:8100/")',
        },
      ],
    });
  });

  it('refuses an origin that spells out the default port', () => {
    const input = policyWith((p) => {
      p.originList = ['http://localhost:80'];
    });
    expect(checkPolicy(input)).toEqual({
      ok: false,
      errors: [
        {
          field: '/originList/0',
          message: 'originList[0] must be a serialized origin: "http://localhost:80" has a port the scheme uses by default or above 65535; browsers leave a default port out',
        },
      ],
    });
  });

  it('refuses a method with a space', () => {
    const input = policyWith((p) => {
      p.allowMethods = ['GET', 'PUT X'];
    });
    expect(checkPolicy(input)).toEqual({
      ok: false,
      errors: [{ field: '/allowMethods/1', message: `allowMethods[1] must be a method or *: ${TOKEN_WORDS}, no spaces (got "PUT X")` }],
    });
  });

  it('refuses a header name carrying CR LF', () => {
    const input = policyWith((p) => {
      p.allowHeaders = ['X-A\r\nX-B'];
    });
    expect(checkPolicy(input)).toEqual({
      ok: false,
      errors: [{ field: '/allowHeaders/0', message: `allowHeaders[0] must be a header name or *: ${TOKEN_WORDS}, no spaces (got "X-A\\r\\nX-B")` }],
    });
  });

  it('refuses a negative max-age', () => {
    const input = policyWith((p) => {
      p.maxAge = -1;
    });
    expect(checkPolicy(input)).toEqual({
      ok: false,
      errors: [{ field: '/maxAge', message: 'maxAge must be empty or a whole number of seconds from 0 to 2147483647 (got -1)' }],
    });
  });

  it('refuses an unknown allowOrigin mode and a status outside 200-599', () => {
    const input = policyWith((p) => {
      p.allowOrigin = 'all';
      p.preflightStatus = 101;
    });
    expect(checkPolicy(input)).toEqual({
      ok: false,
      errors: [
        { field: '/allowOrigin', message: 'allowOrigin must be one of none, *, list, reflect (got "all")' },
        { field: '/preflightStatus', message: 'preflightStatus must be an HTTP status from 200 to 599 (got 101)' },
      ],
    });
  });

  it('refuses a raw header name with a space', () => {
    const input = policyWith((p) => {
      p.raw.actual.headers = { 'X Bad': 'v' };
    });
    expect(checkPolicy(input)).toEqual({
      ok: false,
      errors: [
        {
          field: '/raw/actual/headers/X Bad',
          message: `raw.actual.headers["X Bad"]: "X Bad" is not a header name; a header name must be ${TOKEN_WORDS}, no spaces or colons`,
        },
      ],
    });
  });

  it('escapes a raw header name with a slash in its JSON pointer (RFC 6901)', () => {
    const input = policyWith((p) => {
      p.raw.preflight.headers = { 'text/plain': 'v' };
    });
    expect(checkPolicy(input)).toEqual({
      ok: false,
      errors: [
        {
          field: '/raw/preflight/headers/text~1plain',
          message: `raw.preflight.headers["text/plain"]: "text/plain" is not a header name; a header name must be ${TOKEN_WORDS}, no spaces or colons`,
        },
      ],
    });
  });

  it('refuses a raw header value with CR or LF, alone or inside a list', () => {
    const input = policyWith((p) => {
      p.raw.preflight.headers = { 'X-A': 'a\r\nSet-Cookie: x=1' };
      p.raw.actual.headers = { 'X-B': ['ok', 'b\n'] };
    });
    expect(checkPolicy(input)).toEqual({
      ok: false,
      errors: [
        { field: '/raw/preflight/headers/X-A', message: `raw.preflight.headers["X-A"] ${VALUE_WORDS} (got "a\\r\\nSet-Cookie: x=1")` },
        { field: '/raw/actual/headers/X-B', message: `raw.actual.headers["X-B"] ${VALUE_WORDS} (got ["ok","b\\n"])` },
      ],
    });
  });

  it('refuses a raw Content-Length: server01 frames the response itself', () => {
    const input = policyWith((p) => {
      p.raw.actual.headers = { 'Content-Length': '5' };
    });
    expect(checkPolicy(input)).toEqual({
      ok: false,
      errors: [
        {
          field: '/raw/actual/headers/Content-Length',
          message: 'raw.actual.headers["Content-Length"]: server01 sets Content-Length itself, to frame the response; a raw answer cannot',
        },
      ],
    });
  });

  it('refuses raw header names that differ only in case', () => {
    const input = policyWith((p) => {
      p.raw.actual.headers = { 'X-A': '1', 'x-a': '2' };
    });
    expect(checkPolicy(input)).toEqual({
      ok: false,
      errors: [
        {
          field: '/raw/actual/headers/x-a',
          message: 'raw.actual.headers["x-a"] repeats X-A: header names ignore case; to send a header twice, give it a list of values',
        },
      ],
    });
  });

  it('refuses unknown keys, at the top and inside raw', () => {
    const input = policyWith((p) => {
      p.extra = true;
      p.raw.actual.statusText = 'OK';
    });
    expect(checkPolicy(input)).toEqual({
      ok: false,
      errors: [
        { field: '/extra', message: 'extra is not a known field' },
        { field: '/raw/actual/statusText', message: 'raw.actual.statusText is not a known field' },
      ],
    });
  });

  it('names a missing field', () => {
    const input = policyWith((p) => {
      delete p.allowOrigin;
    });
    expect(checkPolicy(input)).toEqual({ ok: false, errors: [{ field: '/allowOrigin', message: 'allowOrigin is missing' }] });
  });

  it('refuses a value nested 100,000 deep, naming its field (showing it must not overflow the stack)', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`);
    const input = policyWith((p) => {
      p.allowMethods = deep;
    });
    const shown = `${'['.repeat(8)}"..."${']'.repeat(8)}`;
    expect(checkPolicy(input)).toEqual({
      ok: false,
      errors: [{ field: '/allowMethods/0', message: `allowMethods[0] must be a method or *: ${TOKEN_WORDS}, no spaces (got ${shown})` }],
    });
  });

  it('refuses something that is not an object at all', () => {
    expect(checkPolicy('allow everything')).toEqual({ ok: false, errors: [{ field: '', message: 'policy: Expected object' }] });
  });
});

describe('fieldLabel', () => {
  it('turns JSON pointers into the words the messages use', () => {
    const pointers = ['', '/originList/0', '/raw/preflight/headers/X-A', '/raw/actual/headers/a~1b~0c', '/raw/actual/status'];
    expect(pointers.map(fieldLabel)).toEqual(['policy', 'originList[0]', 'raw.preflight.headers["X-A"]', 'raw.actual.headers["a/b~c"]', 'raw.actual.status']);
  });
});

import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../policy-validation.ts';
import { EMPTY_POLICY, type Policy } from '../policy.ts';
import { importDjangoSettings } from './import-django.ts';

// django-cors-headers' src/corsheaders/defaults.py, written out so a wrong constant fails here.
const DEFAULT_METHODS = ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
const DEFAULT_HEADERS = ['accept', 'authorization', 'content-type', 'user-agent', 'x-csrftoken', 'x-requested-with'];

/** What django-cors-headers sends with nothing set: no origin allowed, Vary: Origin, preflights answered 200. */
const django = (p: Partial<Policy>): Policy => ({
  ...EMPTY_POLICY,
  allowOrigin: 'list',
  allowMethods: DEFAULT_METHODS,
  allowHeaders: DEFAULT_HEADERS,
  maxAge: 86400,
  varyOrigin: true,
  preflightStatus: 200,
  ...p,
});
const warning = (line: number, part: string) => ({ line, text: expect.stringContaining(part) });
const policyOf = (text: string) => {
  const r = importDjangoSettings(text);
  if (!r.ok) throw new Error(r.error.text);
  return r.policy;
};

const CLASSIC = `CORS_ALLOW_CREDENTIALS = True
CORS_ORIGIN_ALLOW_ALL = True
CORS_ORIGIN_WHITELIST = (
    '*'
)
CORS_ALLOW_METHODS = (
    'DELETE',
    'GET',
    'OPTIONS',
    'PATCH',
    'POST',
    'PUT',
    'VIEW',
)
CORS_ALLOW_HEADERS = (
    'XMLHttpRequest',
    'X_FILENAME',
    'accept-encoding',
    'authorization',
    'content-type',
    'dnt',
    'origin',
    'user-agent',
    'x-csrftoken',
    'x-requested-with',
    'Pragma',
)
`;

describe('importDjangoSettings', () => {
  it('reads the classic tutorial block: allow-all with credentials reflects, and ("*") is a string', () => {
    expect(importDjangoSettings(CLASSIC)).toEqual({
      ok: true,
      policy: django({
        allowOrigin: 'reflect',
        allowCredentials: true,
        allowMethods: ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'VIEW'],
        allowHeaders: ['XMLHttpRequest', 'X_FILENAME', 'accept-encoding', 'authorization', 'content-type', 'dnt', 'origin', 'user-agent', 'x-csrftoken', 'x-requested-with', 'Pragma'],
      }),
      warnings: [
        warning(2, 'CORS_ORIGIN_ALLOW_ALL is the old name of CORS_ALLOW_ALL_ORIGINS'),
        warning(2, "sends back each request's own Origin. Every site may then send credentialed requests (cookies included) and read the answers. Imported as reflect."),
        warning(3, 'CORS_ORIGIN_WHITELIST is the old name of CORS_ALLOWED_ORIGINS'),
        warning(4, `CORS_ORIGIN_WHITELIST is the string "*", not a list or tuple. ('*') is a string in parentheses; a one-entry tuple needs a comma: ('*',).`),
        warning(4, '"*" is not an origin and matches nothing; a list of origins has no wildcard'),
      ],
    });
  });

  it('applies the library defaults for every setting left out', () => {
    expect(importDjangoSettings('# nothing about CORS yet\nDEBUG = True\n')).toEqual({ ok: true, policy: django({}), warnings: [] });
  });

  it('reads the current names: allowed origins, exposed headers, and max age 0 sending no Access-Control-Max-Age', () => {
    const text = `CORS_ALLOWED_ORIGINS = ["https://app.example.com", "http://localhost:8100"]
CORS_ALLOW_ALL_ORIGINS = False
CORS_EXPOSE_HEADERS = ["X-Total-Count"]
CORS_PREFLIGHT_MAX_AGE = 0
`;
    expect(importDjangoSettings(text)).toEqual({
      ok: true,
      policy: django({ originList: ['https://app.example.com', 'http://localhost:8100'], exposeHeaders: ['X-Total-Count'], maxAge: null }),
      warnings: [],
    });
  });

  it('sends * for allow-all without credentials', () => {
    expect(policyOf('CORS_ALLOW_ALL_ORIGINS = True\nCORS_PREFLIGHT_MAX_AGE = 60 * 60 * 2')).toEqual(django({ allowOrigin: '*', maxAge: 7200 }));
  });

  it('reads the old names, prefers the new one when both are set, and turns scheme-less entries into http:// origins', () => {
    const text = `CORS_ORIGIN_WHITELIST = ('localhost:8100', 'https://old.example.com/')
CORS_ORIGIN_REGEX_WHITELIST = (r'^https://\\w+\\.example\\.com$',)
CORS_ALLOWED_ORIGIN_REGEXES = [r"^http://localhost:\\d+$"]
`;
    expect(importDjangoSettings(text)).toEqual({
      ok: true,
      policy: django({ originList: ['http://localhost:8100', 'https://old.example.com'], originPatterns: ['^http://localhost:\\d+$'] }),
      warnings: [
        warning(1, 'CORS_ORIGIN_WHITELIST is the old name of CORS_ALLOWED_ORIGINS'),
        warning(1, '"localhost:8100" has no scheme. Old django-cors-headers versions listed host[:port]'),
        warning(1, '"https://old.example.com/" has a path ("/")'),
        warning(2, 'CORS_ORIGIN_REGEX_WHITELIST is ignored: CORS_ALLOWED_ORIGIN_REGEXES, its new name, is set too'),
      ],
    });
  });

  it('imports CORS_ALLOWED_ORIGIN_REGEXES as patterns, anchored at the start as re.match is', () => {
    const text = `CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\\w+\\.example\\.com$", r"example\\.org$", r"^a|b", r"(?P<n>x)"]`;
    expect(importDjangoSettings(text)).toEqual({
      ok: true,
      policy: django({ originPatterns: ['^https://\\w+\\.example\\.com$', '^(?:example\\.org$)', '^(?:^a|b)'] }),
      warnings: [
        warning(1, 'CORS_ALLOWED_ORIGIN_REGEXES: django-cors-headers matches with re.match, which anchors at the start of the Origin; the lab searches anywhere, so "example\\\\.org$", "^a|b", "(?P<n>x)" are imported anchored as ^(?:…).'),
        warning(1, 'CORS_ALLOWED_ORIGIN_REGEXES: the pattern "^(?:(?P<n>x))" is not a JavaScript regular expression'),
      ],
    });
  });

  it('knows corsheaders.defaults, in the forms its docs use', () => {
    const text = `from corsheaders.defaults import default_headers, default_methods

CORS_ALLOW_METHODS = list(default_methods) + ['VIEW']
CORS_ALLOW_HEADERS = default_headers + ('my-custom-header',)
CORS_EXPOSE_HEADERS = (*default_headers, 'x-total')
`;
    expect(importDjangoSettings(text)).toEqual({
      ok: true,
      policy: django({
        allowMethods: [...DEFAULT_METHODS, 'VIEW'],
        allowHeaders: [...DEFAULT_HEADERS, 'my-custom-header'],
        exposeHeaders: [...DEFAULT_HEADERS, 'x-total'],
      }),
      warnings: [],
    });
  });

  it('reads corsheaders.defaults through a module import too, and warns when the import is missing', () => {
    expect(importDjangoSettings('import corsheaders.defaults\nCORS_ALLOW_HEADERS = (*corsheaders.defaults.default_headers, "x-a")\nCORS_ALLOW_METHODS = default_methods')).toEqual({
      ok: true,
      policy: django({ allowHeaders: [...DEFAULT_HEADERS, 'x-a'] }),
      warnings: [warning(3, 'default_methods is used without "from corsheaders.defaults import default_methods"')],
    });
  });

  it('says why a tuple plus a list fails, as Python would', () => {
    expect(importDjangoSettings("from corsheaders.defaults import default_headers\n\nCORS_ALLOW_HEADERS = default_headers + ['x-a']")).toEqual({
      ok: false,
      error: { line: 3, column: 38, text: expect.stringContaining('a tuple plus a list fails in Python (TypeError') },
    });
  });

  it('reads comments, trailing commas, both quotes, escapes, adjacent strings and line continuations', () => {
    const text = `CORS_ALLOWED_ORIGINS = [  # the pages
    "http://localhost:8100",   # the lab page
    # 'https://old.example.com',
    'https://app.example.com',
]
CORS_EXPOSE_HEADERS = ('X-Total-Count', "X-Request-\\x49d", 'It\\'s',)
CORS_ALLOW_METHODS = ['GET', 'P' "UT"]
CORS_ALLOW_CREDENTIALS = \\
    True; CORS_PREFLIGHT_MAX_AGE = 600
`;
    expect(importDjangoSettings(text)).toEqual({
      ok: true,
      policy: django({
        originList: ['http://localhost:8100', 'https://app.example.com'],
        exposeHeaders: ['X-Total-Count', 'X-Request-Id', "It's"],
        allowMethods: ['GET', 'PUT'],
        allowCredentials: true,
        maxAge: 600,
      }),
      warnings: [warning(8, 'also sends Access-Control-Allow-Credentials: true to origins it does not allow')],
    });
  });

  it('goes through a string one character at a time, as Python does', () => {
    expect(importDjangoSettings("CORS_ALLOW_HEADERS = ('x-a')\nCORS_EXPOSE_HEADERS = ('*',)")).toEqual({
      ok: true,
      policy: django({ allowHeaders: ['x', '-', 'a'], exposeHeaders: ['*'] }),
      warnings: [warning(1, `CORS_ALLOW_HEADERS is the string "x-a", not a list or tuple. ('x-a') is a string in parentheses; a one-entry tuple needs a comma: ('x-a',). Python goes through a string one character at a time, so django-cors-headers reads it as ["x","-","a"].`)],
    });
  });

  it('warns about what the policy cannot hold, and drops it', () => {
    const text = `CORS_URLS_REGEX = r'^/api/.*$'
CORS_ALLOW_HEADERS = ['content type', 'x-ok']
CORS_ALLOW_CREDENTIALS = 'yes'
CORS_ALLOW_PRIVATE_NETWORK = True
CORS_ALLOW_ORIGINS = ['http://a.example']
`;
    expect(importDjangoSettings(text)).toEqual({
      ok: true,
      policy: django({ allowHeaders: ['x-ok'] }),
      warnings: [
        warning(1, 'answers CORS only on paths matching "^/api/.*$"'),
        warning(2, '"content type" is not a name a browser accepts'),
        warning(3, 'CORS_ALLOW_CREDENTIALS should be True or False, not a string'),
        warning(4, 'does not model Private Network Access'),
        warning(5, 'CORS_ALLOW_ORIGINS is not a django-cors-headers setting; ignored'),
      ],
    });
  });

  it('skips Python it does not run, and stops where a CORS setting depends on it', () => {
    const skipped = `import os\nfrom pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent\nDATABASES = {'default': {'NAME': BASE_DIR / 'db.sqlite3'}}\nCORS_ALLOW_ALL_ORIGINS = True\n`;
    expect(policyOf(skipped)).toEqual(django({ allowOrigin: '*' }));
    expect(importDjangoSettings(`${skipped}FRONTEND = os.environ["FRONTEND"]\nCORS_ALLOWED_ORIGINS = [FRONTEND]`)).toEqual({
      ok: false,
      error: { line: 7, column: 25, text: 'FRONTEND is set by code the importer does not run (line 6); write the value itself here' },
    });
  });

  it('points at an unclosed string, its line and column', () => {
    expect(importDjangoSettings("CORS_ALLOW_CREDENTIALS = True\nCORS_ALLOWED_ORIGINS = [\n    'http://localhost:8100,\n]")).toEqual({
      ok: false,
      error: { line: 3, column: 5, text: "this string is never closed: it starts with ' and needs a matching ' before the end of the line" },
    });
  });

  it('points at a missing "="', () => {
    expect(importDjangoSettings('CORS_ALLOW_CREDENTIALS = True\n\nCORS_ALLOW_ALL_ORIGINS True\n')).toEqual({
      ok: false,
      error: { line: 3, column: 24, text: 'expected "=" after CORS_ALLOW_ALL_ORIGINS; found "True"' },
    });
  });

  it('shows what it found where a value should be', () => {
    expect(importDjangoSettings("CORS_ALLOW_METHODS = (\n    'GET',\n    'PUT',\n    DELETE',\n)")).toEqual({
      ok: false,
      error: { line: 4, column: 5, text: `expected a string, a number, True/False/None, or a list; found "DELETE'"` },
    });
  });

  it('points at a bracket that is never closed', () => {
    expect(importDjangoSettings("DEBUG = True\nCORS_ALLOWED_ORIGINS = (\n    'http://localhost:8100',\n")).toEqual({
      ok: false,
      error: { line: 2, column: 24, text: 'this "(" is never closed: add ")" after its last entry' },
    });
  });

  it('gives only policies the control plane accepts', () => {
    const texts = [CLASSIC, 'CORS_ALLOWED_ORIGINS = ["HTTP://A.example:80", "null"]', `CORS_ALLOW_METHODS = [${Array.from({ length: 40 }, (_, i) => `'M${i}'`).join(', ')}]`, 'CORS_PREFLIGHT_MAX_AGE = 2 * 2147483647'];
    const results = texts.map(importDjangoSettings);
    expect(results.map((r) => r.ok && checkPolicy(r.policy).ok)).toEqual([true, true, true, true]);
    expect(results[2]?.ok && results[2].policy.allowMethods.length).toBe(32);
  });
});

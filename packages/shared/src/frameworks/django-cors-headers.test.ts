import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, type Policy } from '../policy.ts';
import { djangoCorsHeaders } from './django-cors-headers.ts';
import type { ExportedConfig } from './notes.ts';

const PAGE = 'http://localhost:8100';
const policy = (p: Partial<Policy>): Policy => ({ ...structuredClone(EMPTY_POLICY), ...p });
const CLASSIC = policy({ allowOrigin: 'list', originList: [PAGE], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Custom-Header'], allowCredentials: true, maxAge: 600 });
const noteNames = (c: ExportedConfig) => c.notes.map((n) => `${n.kind}:${n.name}`);

const INSTALL = `# settings.py (pip install django-cors-headers)
INSTALLED_APPS = [
    # ...
    "corsheaders",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",  # first: before CommonMiddleware answers
    # ...
]
`;

describe('djangoCorsHeaders', () => {
  it('writes the classic policy as settings, with the traps and gaps of django-cors-headers', () => {
    const { code, notes } = djangoCorsHeaders(CLASSIC);
    expect({ code, notes }).toEqual({
      code: `${INSTALL}
CORS_ALLOWED_ORIGINS = ["http://localhost:8100"]
CORS_ALLOW_METHODS = ["GET", "PUT"]
CORS_ALLOW_HEADERS = ["X-Custom-Header"]
CORS_ALLOW_CREDENTIALS = True
CORS_PREFLIGHT_MAX_AGE = 600`,
      notes: [
        {
          kind: 'trap',
          name: 'disallowed-preflight-200',
          text:
            'django-cors-headers answers every preflight itself, before any view, with 200 and an empty body, even from an origin ' +
            'it refuses: that answer just has no Access-Control-Allow-Origin. A 200 there does not mean the origin is allowed.',
        },
        {
          kind: 'inexact',
          name: 'credentials-without-origin',
          text:
            'django-cors-headers sends Access-Control-Allow-Credentials: true even to an origin it refuses; the lab sends it only ' +
            'beside Access-Control-Allow-Origin. Without Allow-Origin the browser fails the request either way.',
        },
        {
          kind: 'inexact',
          name: 'options-as-preflight',
          text:
            'django-cors-headers adds Access-Control-Allow-Methods, -Allow-Headers and -Max-Age to every OPTIONS answer to an ' +
            'allowed origin, even one without Access-Control-Request-Method, which is no preflight: the lab answers that as an ' +
            'actual request, without them.',
        },
        { kind: 'inexact', name: 'preflight-status', text: 'django-cors-headers always answers a preflight with 200; it cannot send 204.' },
        {
          kind: 'inexact',
          name: 'vary-origin',
          text: 'django-cors-headers adds Vary: Origin to every answer, which the policy does not send; harmless, one more header.',
        },
      ],
    });
  });

  it('keeps credentials off for * with credentials, since django-cors-headers would echo every Origin', () => {
    const c = djangoCorsHeaders(policy({ allowOrigin: '*', allowCredentials: true, allowMethods: ['*'], exposeHeaders: ['*'], varyOrigin: true, preflightStatus: 200 }));
    expect([c.code.split('\n').slice(11), noteNames(c)]).toEqual([
      [
        'CORS_ALLOW_ALL_ORIGINS = True',
        'CORS_ALLOW_METHODS = ["*"]',
        'CORS_ALLOW_HEADERS = []',
        'CORS_EXPOSE_HEADERS = ["*"]',
        '# CORS_ALLOW_CREDENTIALS stays False: with CORS_ALLOW_ALL_ORIGINS it would echo every Origin.',
        'CORS_PREFLIGHT_MAX_AGE = 0  # sends no Access-Control-Max-Age (the default is 86400)',
      ],
      [
        'trap:all-origins-with-credentials-reflects',
        'inexact:no-origin-no-headers',
        'inexact:expose-on-preflight',
        'inexact:options-as-preflight',
        'inexact:empty-list-sent',
      ],
    ]);
  });

  it('leaves django-cors-headers out when the policy allows no origin', () => {
    const c = djangoCorsHeaders(policy({ varyOrigin: true }));
    expect([c.code, noteNames(c)]).toEqual([
      '# settings.py: no CORS. The policy allows no origin, so leave django-cors-headers\n' +
        '# out of INSTALLED_APPS and MIDDLEWARE: Django sends no Access-Control-* header.',
      ['inexact:no-cors-preflight', 'inexact:vary-origin'],
    ]);
  });

  it('reflects with a match-all regex, and warns about reflecting with credentials', () => {
    const c = djangoCorsHeaders(policy({ allowOrigin: 'reflect', allowCredentials: true, allowMethods: ['PUT'], allowHeaders: ['*'], maxAge: 0, varyOrigin: true, preflight: 'routes' }));
    expect([c.code.split('\n').slice(11), noteNames(c)]).toEqual([
      [
        'CORS_ALLOWED_ORIGIN_REGEXES = [r".*"]  # every Origin matches and is echoed back',
        'CORS_ALLOW_METHODS = ["PUT"]',
        'CORS_ALLOW_HEADERS = ["*"]',
        'CORS_ALLOW_CREDENTIALS = True',
        'CORS_PREFLIGHT_MAX_AGE = 0  # sends no Access-Control-Max-Age (the default is 86400)',
      ],
      ['trap:reflect-with-credentials', 'inexact:options-as-preflight', 'inexact:preflight-routes', 'inexact:max-age-zero'],
    ]);
  });

  it('in raw mode gives the settings of the policy underneath, marked inexact', () => {
    const raw = djangoCorsHeaders({ ...CLASSIC, raw: { ...CLASSIC.raw, enabled: true } });
    expect([raw.code === djangoCorsHeaders(CLASSIC).code, raw.notes[0]?.kind, raw.notes[0]?.name]).toEqual([true, 'inexact', 'raw-mode']);
  });

  it('keeps quotes and backslashes of an origin inside the Python string, and wraps a long list as black does', () => {
    const origins = ['http://a"b.example', 'http://c\\d.example', 'https://one.example', 'https://two.example', 'https://three.example'];
    const c = djangoCorsHeaders(policy({ allowOrigin: 'list', originList: origins, varyOrigin: true, preflightStatus: 200, allowMethods: ['GET'], allowHeaders: ['X'] }));
    expect(c.code.split('\n').slice(11, 19)).toEqual([
      'CORS_ALLOWED_ORIGINS = [',
      '    "http://a\\"b.example",',
      '    "http://c\\\\d.example",',
      '    "https://one.example",',
      '    "https://two.example",',
      '    "https://three.example",',
      ']',
      'CORS_ALLOW_METHODS = ["GET"]',
    ]);
  });

  it('says what it sends that the lab does not: nothing without Origin for *, Expose-Headers on preflights', () => {
    const c = djangoCorsHeaders(policy({ allowOrigin: '*', allowMethods: ['PUT'], allowHeaders: ['X-Custom-Header'], exposeHeaders: ['X-Total'], varyOrigin: true }));
    expect(c.notes.filter((n) => n.name === 'no-origin-no-headers' || n.name === 'expose-on-preflight')).toEqual([
      {
        kind: 'inexact',
        name: 'no-origin-no-headers',
        text:
          'django-cors-headers sends no CORS header but Vary to a request without Origin, where the lab sends its * answer to every ' +
          'request; browsers send Origin on every cross-origin request, so they never see the difference.',
      },
      {
        kind: 'inexact',
        name: 'expose-on-preflight',
        text:
          'django-cors-headers sends Access-Control-Expose-Headers on preflight answers too, where the lab sends it only on actual answers; ' +
          'browsers read it only on the actual answer, so the extra header does nothing.',
      },
    ]);
  });
});

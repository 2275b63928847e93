import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, type Policy } from '../policy.ts';
import { flaskCors } from './flask-cors.ts';
import type { ExportedConfig } from './notes.ts';

const PAGE = 'http://localhost:8100';
const policy = (p: Partial<Policy>): Policy => ({ ...structuredClone(EMPTY_POLICY), ...p });
const CLASSIC = policy({ allowOrigin: 'list', originList: [PAGE], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Custom-Header'], allowCredentials: true, maxAge: 600 });
const noteNames = (c: ExportedConfig) => c.notes.map((n) => `${n.kind}:${n.name}`);
/** The arguments of CORS(...), one a line. */
const corsArgs = (c: ExportedConfig) => c.code.split('\n').slice(5, -1);

describe('flaskCors', () => {
  it('writes the classic policy as a CORS(app, ...) call, with the traps and gaps of flask-cors', () => {
    const { code, notes } = flaskCors(CLASSIC);
    expect({ code, notes }).toEqual({
      code: `from flask import Flask
from flask_cors import CORS

app = Flask(__name__)
CORS(
    app,
    origins=["http://localhost:8100"],
    always_send=False,  # no CORS headers without an Origin, as the lab
    methods=["GET", "PUT"],
    allow_headers=["X-Custom-Header"],
    supports_credentials=True,
    max_age=600,
)`,
      notes: [
        {
          kind: 'trap',
          name: 'default-origins-reflects',
          text:
            'origins is load-bearing: flask-cors defaults to origins="*", which without send_wildcard echoes any Origin, so with ' +
            'supports_credentials=True and no origins every site could send credentialed requests and read the answers.',
        },
        {
          kind: 'inexact',
          name: 'allow-headers-echoed',
          text:
            'flask-cors answers Access-Control-Allow-Headers with the requested headers that match allow_headers (compared ' +
            'case-insensitively), not with the list itself; leave allow_headers out and its default "*" allows every header.',
        },
        {
          kind: 'inexact',
          name: 'methods-gate-preflight',
          text:
            'flask-cors adds Allow-Methods, Allow-Headers and Max-Age to a preflight only when the requested method is in methods ' +
            '(as a substring of the joined list); for any other method it sends none of the three where the lab sends them. ' +
            'The browser fails that preflight either way.',
        },
        {
          kind: 'inexact',
          name: 'preflight-status',
          text: 'Flask answers OPTIONS itself with 200 and flask-cors only adds headers to it; it cannot send 204.',
        },
      ],
    });
  });

  it('sends * with send_wildcard and without credentials, which flask-cors refuses or turns into reflection', () => {
    const c = flaskCors(policy({ allowOrigin: '*', allowCredentials: true, allowMethods: ['GET', '*'], allowHeaders: ['*'], exposeHeaders: ['*'], preflightStatus: 200 }));
    expect([corsArgs(c), noteNames(c)]).toEqual([
      ['    app,', '    origins="*",', '    send_wildcard=True,  # sends *; without it "*" echoes the Origin', '    allow_headers=["*"],', '    expose_headers=["*"],'],
      ['trap:wildcard-credentials-reflects', 'inexact:allow-headers-echoed', 'inexact:methods-wildcard', 'inexact:methods-gate-preflight', 'inexact:expose-on-preflight'],
    ]);
  });

  it('does not call CORS(app) when the policy allows no origin', () => {
    const c = flaskCors(policy({ preflight: 'routes' }));
    expect([c.code, noteNames(c)]).toEqual(['# No CORS: the policy allows no origin, so do not call CORS(app);\n# Flask then sends no Access-Control-* header.', []]);
  });

  it('reflects with origins="*" left without send_wildcard, and turns off the Vary the policy does not send', () => {
    const c = flaskCors(policy({ allowOrigin: 'reflect', allowCredentials: true, allowMethods: ['PUT'], maxAge: 0, preflight: 'routes' }));
    expect([corsArgs(c), noteNames(c)]).toEqual([
      [
        '    app,',
        '    origins="*",  # without send_wildcard: echoes the request\'s Origin',
        '    always_send=False,  # no CORS headers without an Origin, as the lab',
        '    methods=["PUT"],',
        '    allow_headers=[],',
        '    supports_credentials=True,',
        '    max_age="0",',
        '    vary_header=False,',
      ],
      ['trap:reflect-with-credentials', 'trap:allow-headers-default', 'inexact:methods-gate-preflight', 'trap:max-age-zero', 'inexact:preflight-routes'],
    ]);
  });

  it('in raw mode gives the call for the policy underneath, marked inexact', () => {
    const raw = flaskCors({ ...CLASSIC, raw: { ...CLASSIC.raw, enabled: true } });
    expect([raw.code === flaskCors(CLASSIC).code, raw.notes[0]?.kind, raw.notes[0]?.name]).toEqual([true, 'inexact', 'raw-mode']);
  });

  it('says when Vary: Origin or the method list cannot follow the policy, and when an origin reads as a pattern', () => {
    const c = flaskCors(policy({ allowOrigin: 'list', originList: [PAGE, 'http://a$b.example'], allowHeaders: ['X'], varyOrigin: true, preflightStatus: 200 }));
    expect([corsArgs(c).slice(1, 4), noteNames(c)]).toEqual([
      ['    origins=["http://localhost:8100", "http://a$b.example"],', '    always_send=False,  # no CORS headers without an Origin, as the lab', '    methods=[],'],
      ['inexact:origin-as-regex', 'inexact:allow-headers-echoed', 'inexact:methods-gate-preflight', 'inexact:vary-origin'],
    ]);
  });

  it('turns always_send off where the lab sends nothing without Origin, and keeps it for *, which the lab sends to every request', () => {
    const always = (p: Partial<Policy>) => flaskCors(policy(p)).code.includes('always_send=False');
    expect([always({ allowOrigin: 'list', originList: [PAGE] }), always({ allowOrigin: 'reflect' }), always({ allowOrigin: '*' })]).toEqual([true, true, false]);
  });

  it("says a method outside flask-cors's default list fails where the lab's * lets it through", () => {
    const gate = (allowMethods: string[]) => flaskCors(policy({ allowOrigin: '*', allowMethods })).notes.find((n) => n.name === 'methods-gate-preflight')?.text.split('. ').at(-1);
    expect([gate(['*']), gate(['PUT'])]).toEqual([
      "So a method outside the default list (a custom VIEW) fails a preflight the lab's * lets through.",
      'The browser fails that preflight either way.',
    ]);
  });
});

/**
 * The policy as a flask-cors CORS(app, ...) call. Its behaviour as read in
 * corydolphin/flask-cors flask_cors/core.py: origins defaults to "*", which
 * without send_wildcard echoes the Origin; send_wildcard with
 * supports_credentials raises ValueError; methods is joined into one string
 * and the requested method is looked up in it as a substring; falsy values
 * (max_age=0) are dropped; Vary: Origin only for several origins or a pattern;
 * without an Origin header it still sends Access-Control-Allow-Origin
 * (always_send, on by default): every listed origin, or * for origins="*".
 */
import type { Policy } from '../policy.ts';
import { listLines, pyStr } from './literals.ts';
import { credentialsTraps, exposeOnPreflightNote, inexact, noCorsNotes, rawModeNote, trap, type ExportedConfig, type Note } from './notes.ts';

const LIBRARY = 'flask-cors';
const WIDTH = 88;
const INDENT = '    ';

/** Characters that make flask-cors treat an origin as a regular expression (probably_regex). */
const REGEX_CHARS = /[*\\\]?$^[()]/;

const NO_CORS = [
  '# No CORS: the policy allows no origin, so do not call CORS(app);',
  '# Flask then sends no Access-Control-* header.',
];

const arg = (name: string, items: readonly string[]) => listLines(`${name}=`, items.map(pyStr), ',', INDENT, WIDTH);

/** flask-cors answers with Vary: Origin only when its Access-Control-Allow-Origin could have been another. */
function addsVary(policy: Policy): boolean {
  return policy.allowOrigin === 'reflect' || (policy.allowOrigin === 'list' && policy.originList.length > 1);
}

/** A Flask app with flask-cors set up for the policy. */
export function flaskCors(policy: Policy): ExportedConfig {
  const notes: Note[] = policy.raw.enabled ? [rawModeNote(LIBRARY)] : [];
  if (policy.allowOrigin === 'none') {
    return { target: 'flask-cors', language: 'python', code: NO_CORS.join('\n'), notes: [...notes, ...noCorsNotes(policy, LIBRARY)] };
  }
  const args = [`${INDENT}app,`, ...originArgs(policy)];
  if (!policy.allowMethods.includes('*')) args.push(...arg('methods', policy.allowMethods));
  args.push(...arg('allow_headers', policy.allowHeaders));
  if (policy.exposeHeaders.length > 0) args.push(...arg('expose_headers', policy.exposeHeaders));
  if (policy.allowCredentials && policy.allowOrigin !== '*') args.push(`${INDENT}supports_credentials=True,`);
  if (policy.maxAge !== null) args.push(`${INDENT}max_age=${policy.maxAge === 0 ? '"0"' : policy.maxAge},`);
  if (!policy.varyOrigin && addsVary(policy)) args.push(`${INDENT}vary_header=False,`);
  const code = ['from flask import Flask', 'from flask_cors import CORS', '', 'app = Flask(__name__)', 'CORS(', ...args, ')'];
  return { target: 'flask-cors', language: 'python', code: code.join('\n'), notes: [...notes, ...flaskNotes(policy)] };
}

/** The lab answers a request without Origin with no CORS header unless the policy says `*`; always_send would send one. */
const NOT_WITHOUT_ORIGIN = `${INDENT}always_send=False,  # no CORS headers without an Origin, as the lab`;

function originArgs(policy: Policy): string[] {
  switch (policy.allowOrigin) {
    case '*':
      return [`${INDENT}origins="*",`, `${INDENT}send_wildcard=True,  # sends *; without it "*" echoes the Origin`];
    case 'reflect':
      return [`${INDENT}origins="*",  # without send_wildcard: echoes the request's Origin`, NOT_WITHOUT_ORIGIN];
    default:
      return [...arg('origins', policy.originList), NOT_WITHOUT_ORIGIN];
  }
}

function flaskNotes(policy: Policy): Note[] {
  const notes: Note[] = [];
  if (policy.allowOrigin === '*' && policy.allowCredentials) {
    notes.push(
      trap(
        'wildcard-credentials-reflects',
        'flask-cors refuses send_wildcard=True with supports_credentials=True (ValueError at startup), and without ' +
          'send_wildcard origins="*" echoes every Origin with credentials. Browsers refuse the lab\'s * with credentials, so ' +
          'the export leaves supports_credentials off: credentialed requests fail as they do in the lab.',
      ),
    );
  }
  notes.push(...credentialsTraps(policy, LIBRARY).filter((n) => n.name !== 'wildcard-with-credentials'));
  if (policy.allowOrigin === 'list' && policy.allowCredentials) {
    notes.push(
      trap(
        'default-origins-reflects',
        'origins is load-bearing: flask-cors defaults to origins="*", which without send_wildcard echoes any Origin, so with ' +
          'supports_credentials=True and no origins every site could send credentialed requests and read the answers.',
      ),
    );
  }
  if (policy.allowOrigin === 'list' && policy.originList.some((o) => REGEX_CHARS.test(o))) {
    notes.push(inexact('origin-as-regex', 'flask-cors reads an origin containing * \\ ] ? $ ^ [ ( or ) as a regular expression, not as the exact origin.'));
  }
  notes.push(allowHeadersNote(policy));
  if (policy.allowMethods.includes('*')) {
    notes.push(
      inexact(
        'methods-wildcard',
        'flask-cors cannot send Access-Control-Allow-Methods: *: it looks the requested method up in its joined method list ' +
          'as a substring, so "*" matches nothing. The export leaves methods out: its default, GET, HEAD, POST, OPTIONS, PUT, ' +
          'PATCH and DELETE, is sent instead.',
      ),
    );
  }
  notes.push(methodsGateNote(policy));
  if (policy.maxAge === 0) notes.push(trap('max-age-zero', 'flask-cors drops a falsy max_age, so 0 goes in as the string "0".'));
  if (policy.varyOrigin && policy.allowOrigin !== 'reflect') {
    notes.push(
      inexact(
        'vary-origin',
        'flask-cors adds Vary: Origin only beside an Access-Control-Allow-Origin picked from several origins or a pattern: ' +
          'never for * or a single origin, never on an answer without Allow-Origin. The policy sends it on every answer.',
      ),
    );
  }
  notes.push(...exposeOnPreflightNote(policy, LIBRARY));
  if (policy.preflight === 'routes') {
    notes.push(
      inexact(
        'preflight-routes',
        'flask-cors adds its preflight headers to every OPTIONS answer with Access-Control-Request-Method, whether Flask\'s ' +
          'automatic OPTIONS or your own route gives it; it has no switch to leave preflights to the routes.',
      ),
    );
  } else if (policy.preflightStatus !== 200) {
    notes.push(
      inexact('preflight-status', `Flask answers OPTIONS itself with 200 and flask-cors only adds headers to it; it cannot send ${policy.preflightStatus}.`),
    );
  }
  return notes;
}

/** flask-cors sends the preflight-only headers only for a method it finds in its joined methods string. */
function methodsGateNote(policy: Policy): Note {
  if (policy.allowMethods.length === 0) {
    return inexact(
      'methods-gate-preflight',
      'flask-cors adds Allow-Headers and Max-Age to a preflight only when the requested method is in methods; with none ' +
        'listed it adds neither, so a safelisted method with a custom header fails a preflight the lab lets through.',
    );
  }
  // Through `*` the lab allows any method, which the default list that stands in for it does not.
  const outcome = policy.allowMethods.includes('*')
    ? "So a method outside the default list (a custom VIEW) fails a preflight the lab's * lets through."
    : 'The browser fails that preflight either way.';
  return inexact(
    'methods-gate-preflight',
    'flask-cors adds Allow-Methods, Allow-Headers and Max-Age to a preflight only when the requested method is in methods ' +
      `(as a substring of the joined list); for any other method it sends none of the three where the lab sends them. ${outcome}`,
  );
}

function allowHeadersNote(policy: Policy): Note {
  if (policy.allowHeaders.length === 0) {
    return trap('allow-headers-default', 'allow_headers=[] is deliberate: leave it out and flask-cors\'s default "*" allows every requested header.');
  }
  const star = policy.allowHeaders.includes('*')
    ? ' Its "*" is a pattern matching every requested header, even with credentials, where browsers read the lab\'s * then as a header named *.'
    : '';
  return inexact(
    'allow-headers-echoed',
    'flask-cors answers Access-Control-Allow-Headers with the requested headers that match allow_headers (compared ' +
      `case-insensitively), not with the list itself; leave allow_headers out and its default "*" allows every header.${star}`,
  );
}

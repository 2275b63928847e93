/**
 * The policy as django-cors-headers settings. Its behaviour as read in
 * adamchainz/django-cors-headers src/corsheaders/middleware.py, conf.py and
 * checks.py: it answers every preflight itself with 200, adds Vary: Origin to
 * every answer, sends Allow-Credentials before checking the origin, and with
 * CORS_ALLOW_ALL_ORIGINS plus credentials echoes the Origin instead of `*`.
 */
import type { Policy } from '../policy.ts';
import { listLines, pyStr } from './literals.ts';
import { credentialsTraps, credentialsWithoutOriginNote, exposeOnPreflightNote, inexact, noCorsNotes, rawModeNote, trap, type ExportedConfig, type Note } from './notes.ts';

const LIBRARY = 'django-cors-headers';
const WIDTH = 88;

const INSTALL = [
  '# settings.py (pip install django-cors-headers)',
  'INSTALLED_APPS = [',
  '    # ...',
  '    "corsheaders",',
  ']',
  '',
  'MIDDLEWARE = [',
  '    "corsheaders.middleware.CorsMiddleware",  # first: before CommonMiddleware answers',
  '    # ...',
  ']',
  '',
];

const NO_CORS = [
  '# settings.py: no CORS. The policy allows no origin, so leave django-cors-headers',
  '# out of INSTALLED_APPS and MIDDLEWARE: Django sends no Access-Control-* header.',
];

const pyList = (name: string, items: readonly string[]) => listLines(`${name} = `, items.map(pyStr), '', '', WIDTH);

/** django-cors-headers settings.py for the policy. */
export function djangoCorsHeaders(policy: Policy): ExportedConfig {
  const notes: Note[] = policy.raw.enabled ? [rawModeNote(LIBRARY)] : [];
  if (policy.allowOrigin === 'none') {
    return { target: 'django-cors-headers', language: 'python', code: NO_CORS.join('\n'), notes: [...notes, ...noCorsNotes(policy, LIBRARY)] };
  }
  const lines = [...INSTALL, ...originSettings(policy)];
  lines.push(...pyList('CORS_ALLOW_METHODS', policy.allowMethods), ...pyList('CORS_ALLOW_HEADERS', policy.allowHeaders));
  if (policy.exposeHeaders.length > 0) lines.push(...pyList('CORS_EXPOSE_HEADERS', policy.exposeHeaders));
  if (policy.allowCredentials && policy.allowOrigin !== '*') lines.push('CORS_ALLOW_CREDENTIALS = True');
  if (policy.allowCredentials && policy.allowOrigin === '*') {
    lines.push('# CORS_ALLOW_CREDENTIALS stays False: with CORS_ALLOW_ALL_ORIGINS it would echo every Origin.');
  }
  lines.push(
    policy.maxAge === null || policy.maxAge === 0
      ? 'CORS_PREFLIGHT_MAX_AGE = 0  # sends no Access-Control-Max-Age (the default is 86400)'
      : `CORS_PREFLIGHT_MAX_AGE = ${policy.maxAge}`,
  );
  return { target: 'django-cors-headers', language: 'python', code: lines.join('\n'), notes: [...notes, ...djangoNotes(policy)] };
}

function originSettings(policy: Policy): string[] {
  switch (policy.allowOrigin) {
    case '*':
      return ['CORS_ALLOW_ALL_ORIGINS = True'];
    case 'reflect':
      return ['CORS_ALLOWED_ORIGIN_REGEXES = [r".*"]  # every Origin matches and is echoed back'];
    default:
      return pyList('CORS_ALLOWED_ORIGINS', policy.originList);
  }
}

function djangoNotes(policy: Policy): Note[] {
  const notes: Note[] = [];
  if (policy.allowOrigin === '*' && policy.allowCredentials) {
    notes.push(
      trap(
        'all-origins-with-credentials-reflects',
        'With CORS_ALLOW_ALL_ORIGINS and CORS_ALLOW_CREDENTIALS both True, django-cors-headers does not send *: it echoes the ' +
          "request's Origin with credentials, so every site can read credentialed answers. Browsers refuse the lab's * with " +
          'credentials, so the export leaves CORS_ALLOW_CREDENTIALS off: credentialed requests fail as they do in the lab, ' +
          'only without Access-Control-Allow-Credentials on the wire.',
      ),
    );
  }
  notes.push(...credentialsTraps(policy, LIBRARY).filter((n) => n.name !== 'wildcard-with-credentials'));
  if (policy.allowOrigin === 'list') {
    notes.push(
      trap(
        'disallowed-preflight-200',
        'django-cors-headers answers every preflight itself, before any view, with 200 and an empty body, even from an ' +
          'origin it refuses: that answer just has no Access-Control-Allow-Origin. A 200 there does not mean the origin is allowed.',
      ),
    );
  }
  notes.push(...credentialsWithoutOriginNote(policy, LIBRARY));
  if (policy.allowOrigin === '*') {
    notes.push(
      inexact(
        'no-origin-no-headers',
        'django-cors-headers sends no CORS header but Vary to a request without Origin, where the lab sends its * answer to every ' +
          'request; browsers send Origin on every cross-origin request, so they never see the difference.',
      ),
    );
  }
  notes.push(...exposeOnPreflightNote(policy, LIBRARY));
  notes.push(
    inexact(
      'options-as-preflight',
      'django-cors-headers adds Access-Control-Allow-Methods, -Allow-Headers and -Max-Age to every OPTIONS answer to an ' +
        'allowed origin, even one without Access-Control-Request-Method, which is no preflight: the lab answers that as an ' +
        'actual request, without them.',
    ),
  );
  if (policy.preflight === 'routes') {
    notes.push(
      inexact(
        'preflight-routes',
        'django-cors-headers answers preflights itself (in process_request, before any view) and has no setting to hand them ' +
          'to your views; CORS_URLS_REGEX can only turn CORS off for whole URLs.',
      ),
    );
  } else if (policy.preflightStatus !== 200) {
    notes.push(inexact('preflight-status', `django-cors-headers always answers a preflight with 200; it cannot send ${policy.preflightStatus}.`));
  }
  if (policy.maxAge === 0) {
    notes.push(
      inexact(
        'max-age-zero',
        'django-cors-headers sends no Access-Control-Max-Age when CORS_PREFLIGHT_MAX_AGE is 0, and its checks accept only an ' +
          'integer, so it cannot send Max-Age: 0; browsers then cache the preflight for their default 5 seconds.',
      ),
    );
  }
  if (policy.allowMethods.length === 0 || policy.allowHeaders.length === 0) {
    notes.push(
      inexact(
        'empty-list-sent',
        'With an empty CORS_ALLOW_METHODS or CORS_ALLOW_HEADERS, django-cors-headers still sends that header to an allowed ' +
          'origin, with an empty value, where the lab sends none; browsers read both as an empty list.',
      ),
    );
  }
  if (!policy.varyOrigin) {
    notes.push(inexact('vary-origin', 'django-cors-headers adds Vary: Origin to every answer, which the policy does not send; harmless, one more header.'));
  }
  return notes;
}

/**
 * The policy as django-cors-headers settings. Its behaviour as read in
 * adamchainz/django-cors-headers src/corsheaders/middleware.py, conf.py and
 * checks.py: it answers every preflight itself with 200, adds Vary: Origin to
 * every answer, sends Allow-Credentials before checking the origin, and with
 * CORS_ALLOW_ALL_ORIGINS plus credentials echoes the Origin instead of `*`.
 */
import type { Lang } from '../lessons/types.ts';
import type { Policy } from '../policy.ts';
import { said } from '../said.ts';
import { listLines, pyStr } from './literals.ts';
import { patternsOf, patternTraps, pythonPattern, pythonPatternNotes } from './origin-pattern-export.ts';
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
export function djangoCorsHeaders(policy: Policy, lang: Lang = 'en'): ExportedConfig {
  const notes: Note[] = policy.raw.enabled ? [rawModeNote(LIBRARY, lang)] : [];
  if (policy.allowOrigin === 'none') {
    return { target: 'django-cors-headers', language: 'python', code: NO_CORS.join('\n'), notes: [...notes, ...noCorsNotes(policy, LIBRARY, lang)] };
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
  return { target: 'django-cors-headers', language: 'python', code: lines.join('\n'), notes: [...notes, ...djangoNotes(policy, lang)] };
}

function originSettings(policy: Policy): string[] {
  switch (policy.allowOrigin) {
    case '*':
      return ['CORS_ALLOW_ALL_ORIGINS = True'];
    case 'reflect':
      return ['CORS_ALLOWED_ORIGIN_REGEXES = [r".*"]  # every Origin matches and is echoed back'];
    default: {
      const patterns = patternsOf(policy);
      // re.match anchors at the start: pythonPattern keeps the lab's search (see origin-pattern-export.ts).
      const regexes = patterns.length > 0 ? pyList('CORS_ALLOWED_ORIGIN_REGEXES', patterns.map(pythonPattern)) : [];
      return [...pyList('CORS_ALLOWED_ORIGINS', policy.originList), ...regexes];
    }
  }
}

function djangoNotes(policy: Policy, lang: Lang = 'en'): Note[] {
  const notes: Note[] = [];
  if (policy.allowOrigin === '*' && policy.allowCredentials) {
    notes.push(
      trap('all-origins-with-credentials-reflects', said('With CORS_ALLOW_ALL_ORIGINS and CORS_ALLOW_CREDENTIALS both True, django-cors-headers does not send *: it echoes the ' +
          "request's Origin with credentials, so every site can read credentialed answers. Browsers refuse the lab's * with " +
          'credentials, so the export leaves CORS_ALLOW_CREDENTIALS off: credentialed requests fail as they do in the lab, ' +
          'only without Access-Control-Allow-Credentials on the wire.', 'CORS_ALLOW_ALL_ORIGINS 和 CORS_ALLOW_CREDENTIALS 都为 True 时，django-cors-headers 不发送 *：它把请求的 Origin 连同凭据一起回显，于是任何网站都能读取带凭据的应答。浏览器拒绝实验室带凭据的 *，所以导出时关掉了 CORS_ALLOW_CREDENTIALS：带凭据的请求会像在实验室里一样失败，只是网络上没有 Access-Control-Allow-Credentials。'), lang),
    );
  }
  notes.push(...credentialsTraps(policy, LIBRARY, lang).filter((n) => n.name !== 'wildcard-with-credentials'));
  notes.push(...patternTraps(policy), ...pythonPatternNotes(policy, LIBRARY, 'CORS_ALLOWED_ORIGIN_REGEXES'));
  if (policy.allowOrigin === 'list') {
    notes.push(
      trap('disallowed-preflight-200', said('django-cors-headers answers every preflight itself, before any view, with 200 and an empty body, even from an ' +
          'origin it refuses: that answer just has no Access-Control-Allow-Origin. A 200 there does not mean the origin is allowed.', 'django-cors-headers 在任何视图之前就自己应答每个预检：200 加空响应体，即使来自它拒绝的源，只是那个应答里没有 Access-Control-Allow-Origin。这里的 200 并不表示源被允许。'), lang),
    );
  }
  notes.push(...credentialsWithoutOriginNote(policy, LIBRARY, lang));
  if (policy.allowOrigin === '*') {
    notes.push(
      inexact('no-origin-no-headers', said('django-cors-headers sends no CORS header but Vary to a request without Origin, where the lab sends its * answer to every ' +
          'request; browsers send Origin on every cross-origin request, so they never see the difference.', '对没有 Origin 的请求，django-cors-headers 除了 Vary 不发送任何 CORS 头，而实验室对每个请求都发送它的 * 应答；浏览器在每个跨源请求上都会发送 Origin，所以看不出区别。'), lang),
    );
  }
  notes.push(...exposeOnPreflightNote(policy, LIBRARY, lang));
  notes.push(
    inexact('options-as-preflight', said('django-cors-headers adds Access-Control-Allow-Methods, -Allow-Headers and -Max-Age to every OPTIONS answer to an ' +
        'allowed origin, even one without Access-Control-Request-Method, which is no preflight: the lab answers that as an ' +
        'actual request, without them.', '对来自被允许源的每个 OPTIONS 应答，django-cors-headers 都会加上 Access-Control-Allow-Methods、-Allow-Headers 和 -Max-Age，即使它没有 Access-Control-Request-Method、并不是预检；实验室把这样的请求当作实际请求应答，不带这些头。'), lang),
  );
  if (policy.preflight === 'routes') {
    notes.push(
      inexact('preflight-routes', said('django-cors-headers answers preflights itself (in process_request, before any view) and has no setting to hand them ' +
          'to your views; CORS_URLS_REGEX can only turn CORS off for whole URLs.', 'django-cors-headers 自己应答预检（在 process_request 里，早于任何视图），没有设置能把预检交给你的视图；CORS_URLS_REGEX 只能对整条 URL 关闭 CORS。'), lang),
    );
  } else if (policy.preflightStatus !== 200) {
    notes.push(inexact('preflight-status', said(`django-cors-headers always answers a preflight with 200; it cannot send ${policy.preflightStatus}.`, `django-cors-headers 总是用 200 应答预检；它无法发送 ${policy.preflightStatus}。`), lang));
  }
  if (policy.maxAge === 0) {
    notes.push(
      inexact('max-age-zero', said('django-cors-headers sends no Access-Control-Max-Age when CORS_PREFLIGHT_MAX_AGE is 0, and its checks accept only an ' +
          'integer, so it cannot send Max-Age: 0; browsers then cache the preflight for their default 5 seconds.', 'CORS_PREFLIGHT_MAX_AGE 为 0 时，django-cors-headers 不发送 Access-Control-Max-Age，而且它的检查只接受整数，所以发不出 Max-Age: 0；浏览器于是按默认的 5 秒缓存预检。'), lang),
    );
  }
  if (policy.allowMethods.length === 0 || policy.allowHeaders.length === 0) {
    notes.push(
      inexact('empty-list-sent', said('With an empty CORS_ALLOW_METHODS or CORS_ALLOW_HEADERS, django-cors-headers still sends that header to an allowed ' +
          'origin, with an empty value, where the lab sends none; browsers read both as an empty list.', 'CORS_ALLOW_METHODS 或 CORS_ALLOW_HEADERS 为空时，django-cors-headers 仍会对被允许的源发送对应的头，值为空，而实验室一个都不发；浏览器把两者都读作空列表。'), lang),
    );
  }
  if (!policy.varyOrigin) {
    notes.push(inexact('vary-origin', said('django-cors-headers adds Vary: Origin to every answer, which the policy does not send; harmless, one more header.', 'django-cors-headers 在每个应答上都加 Vary: Origin，而策略并不发送它；无害，只是多一个头。'), lang));
  }
  return notes;
}

/**
 * The policy as nginx configuration: `map`s in the http block decide the
 * values, `add_header ... always` sends them, and an `if` answers preflights.
 * The header lines come from policy-answer.ts (answerPlan). nginx's rules, as
 * nginx.org/en/docs/http/ngx_http_headers_module.html#add_header states them
 * and src/http/modules/ngx_http_headers_filter_module.c does them: add_header
 * skips an empty value, applies to error statuses only with `always`, and is
 * inherited only by a block that has no add_header of its own.
 */
import { rawHeaderLines, type HeaderLine } from '../policy-answer.ts';
import type { Lang } from '../lessons/types.ts';
import type { Policy, RawAnswer } from '../policy.ts';
import { said } from '../said.ts';
import { PORTS } from '../ports.ts';
import { answerPlan, REQUEST_ORIGIN } from './answer-plan.ts';
import { NGINX_DOLLAR, ngxKey, ngxName, ngxStr, ngxValue } from './literals.ts';
import { credentialsTraps, inexact, trap, type ExportedConfig, type Note } from './notes.ts';
import { patternsOf, patternTraps } from './origin-pattern-export.ts';

const PREFLIGHT_MAP = [
  '# A preflight is an OPTIONS request with Access-Control-Request-Method (fetch.spec.whatwg.org/#cors-preflight-request).',
  'map "$request_method:$http_access_control_request_method" $cors_preflight {',
  '    default 0;',
  '    "~^OPTIONS:." 1;',
  '}',
];

const REDIRECTS = [301, 302, 303, 307, 308];

/** The trap every add_header has; `repeated`: the config has a preflight if-block that repeats the headers. */
const inheritance = (repeated: boolean, lang: Lang) =>
  trap('add-header-inheritance', said('add_header is inherited into a block only if that block has no add_header of its own: a location or if-block you add ' +
      `with its own add_header silently drops every CORS header above it${repeated ? ', which is why the preflight if-block repeats them all' : ''}.`, `只有当一个块自己没有 add_header 时，它才会继承上层的 add_header：你加的 location 或 if 块一旦有自己的 add_header，就会悄悄丢掉上层所有的 CORS 头${repeated ? '，所以预检的 if 块把它们全部重复了一遍' : ''}。`), lang);
const always = (lang: Lang) => trap('add-header-always', said('Without always, add_header applies only to 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308: an error answer (4xx, 5xx) ' +
    'would lose its CORS headers, and the browser would report a CORS failure instead of the error.', '不加 always 时，add_header 只作用于 200、201、204、206、301、302、303、304、307 和 308：错误应答（4xx、5xx）会丢掉 CORS 头，浏览器就会报告 CORS 失败，而不是那个错误。'), lang);

/** `$cors_allow_credentials` for Access-Control-Allow-Credentials: one variable per gated header. */
const variableOf = (name: string) => `$cors_${name.toLowerCase().replace(/^access-control-/, '').replace(/-/g, '_')}`;

const addHeader = (name: string, value: string, indent: string) => `${indent}add_header ${ngxName(name)} ${value} always;`;

/** A `return` with the body; nginx reads the text after a redirect status as the Location, so the body is dropped there. */
function returnLine(status: number, body: string | undefined, indent: string): string {
  return `${indent}return ${status}${body !== undefined && !REDIRECTS.includes(status) ? ` ${ngxStr(body)}` : ''};`;
}

/** The maps that make each origin-dependent value empty (so not sent) for an origin the policy refuses. */
function originMaps(policy: Policy, gated: readonly HeaderLine[]): string[] {
  if (policy.allowOrigin !== 'list' && policy.allowOrigin !== 'reflect') return [];
  const origin =
    policy.allowOrigin === 'list'
      ? [
          'map $http_origin $cors_origin {',
          '    default "";',
          ...policy.originList.map((o) => `    ${ngxKey(o)} $http_origin;`),
          // ~ is a case-sensitive PCRE search, as the lab's RegExp.test; exact keys are tried first, then these in order.
          ...patternsOf(policy).map((p) => `    ${ngxKey(`~${p}`)} $http_origin;`),
          '}',
        ]
      : ['map $http_origin $cors_origin {', '    default $http_origin;  # any Origin is echoed back', '}'];
  const comment = '# The Access-Control-Allow-Origin each Origin gets; an empty value sends no header.';
  const values = gated.flatMap(([name, value]) => ['', `map $cors_origin ${variableOf(name)} {`, '    "" "";', `    default ${ngxValue(value)};`, '}']);
  return [comment, ...origin, ...values];
}

function headerLines(policy: Policy, lines: readonly HeaderLine[], indent: string): string[] {
  const dynamic = policy.allowOrigin === 'list' || policy.allowOrigin === 'reflect';
  return lines.map(([name, value]) =>
    addHeader(name, value === REQUEST_ORIGIN ? '$cors_origin' : dynamic && name !== 'Vary' ? variableOf(name) : ngxValue(value), indent),
  );
}

function server(preflight: string[], actual: string[], end: string): string[] {
  const branch = preflight.length === 0 ? [] : ['        if ($cors_preflight) {', ...preflight, '        }'];
  return ['server {', `    listen ${PORTS.server01};`, '', '    location / {', ...branch, ...actual, end, '    }', '}'];
}

const PROXY = '        proxy_pass http://127.0.0.1:3000;  # your app';

function policyConfig(policy: Policy, lang: Lang = 'en'): { code: string[]; notes: Note[] } {
  const pre = answerPlan(policy, true);
  const act = answerPlan(policy, false);
  const preLines = [...pre.allowed, ...pre.vary];
  const actLines = [...act.allowed, ...act.vary];
  // One map per origin-dependent header the config sends, Access-Control-Allow-Origin aside ($cors_origin itself).
  const sent = policy.preflight === 'policy' ? [...pre.allowed, ...act.allowed] : act.allowed;
  const gated = sent.filter(([n], i) => n !== 'Access-Control-Allow-Origin' && sent.findIndex(([m]) => m === n) === i);
  const maps = originMaps(policy, gated);
  const preflight =
    policy.preflight === 'policy'
      ? [
          ...(preLines.length > 0 ? ['            # Its own add_header: nothing outside is inherited here, so all are repeated.'] : []),
          ...headerLines(policy, preLines, '            '),
          returnLine(policy.preflightStatus, undefined, '            '),
        ]
      : [];
  const head = [...maps, ...(maps.length > 0 && preflight.length > 0 ? [''] : []), ...(preflight.length > 0 ? PREFLIGHT_MAP : [])];
  const sends = preLines.length + actLines.length > 0;
  const actual = sends || preflight.length > 0 ? headerLines(policy, actLines, '        ') : ['        # No CORS: the policy allows no origin and lets OPTIONS through; nothing to add.'];
  const code = [...head, ...(head.length > 0 ? [''] : []), ...server(preflight, actual, PROXY)];
  return { code, notes: [...credentialsTraps(policy, 'nginx', lang), ...patternTraps(policy), ...(sends ? [inheritance(policy.preflight === 'policy' && preLines.length > 0, lang), always(lang)] : [])] };
}

function rawConfig(policy: Policy, lang: Lang = 'en'): { code: string[]; notes: Note[] } {
  const { preflight, actual } = policy.raw;
  const header = (answer: RawAnswer, indent: string) => rawHeaderLines(answer.headers).map(([n, v]) => addHeader(n, ngxValue(v), indent));
  const branch = [...header(preflight, '            '), returnLine(preflight.status, preflight.body, '            ')];
  const end = actual.body === undefined ? PROXY : returnLine(actual.status, actual.body, '        ');
  const code = ['# Raw mode: these exact answers, whatever the policy says.', ...PREFLIGHT_MAP, '', ...server(branch, header(actual, '        '), end)];
  const sends = rawHeaderLines(preflight.headers).length + rawHeaderLines(actual.headers).length > 0;
  const notes: Note[] = sends ? [inheritance(false, lang), always(lang)] : [];
  if (actual.body === undefined) {
    notes.push(inexact('raw-actual-status', said(`nginx cannot change the status of your app's answer: the raw ${actual.status} goes out only if your app sends it.`, `nginx 无法改变你的应用应答的状态码：只有你的应用发送原始的 ${actual.status} 时，它才会发出去。`), lang));
  }
  if ([preflight, actual].some((a) => a.body !== undefined && REDIRECTS.includes(a.status))) {
    notes.push(inexact('raw-redirect-body', said('For a redirect status nginx reads the text after return as the Location, not as a body: the raw body is left out.', '对于重定向状态码，nginx 把 return 后面的文字读作 Location，而不是响应体：原始响应体被省掉了。'), lang));
  }
  return { code, notes };
}

/** nginx configuration (http-block maps and a server block) for the policy. */
export function nginx(policy: Policy, lang: Lang = 'en'): ExportedConfig {
  const { code, notes } = policy.raw.enabled ? rawConfig(policy, lang) : policyConfig(policy, lang);
  const text = code.join('\n');
  const dollar = text.includes('${dollar}') ? [...NGINX_DOLLAR, ''] : [];
  return { target: 'nginx', language: 'nginx', code: ['# In the http { } block.', ...dollar, text].join('\n'), notes };
}

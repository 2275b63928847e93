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
import type { Lang } from '../lessons/types.ts';
import type { Policy } from '../policy.ts';
import { said } from '../said.ts';
import { listLines, pyStr } from './literals.ts';
import { patternsOf, patternTraps, pythonPattern, pythonPatternNotes } from './origin-pattern-export.ts';
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
  return policy.allowOrigin === 'reflect' || (policy.allowOrigin === 'list' && (policy.originList.length > 1 || patternsOf(policy).length > 0));
}

/** A Flask app with flask-cors set up for the policy. */
export function flaskCors(policy: Policy, lang: Lang = 'en'): ExportedConfig {
  const notes: Note[] = policy.raw.enabled ? [rawModeNote(LIBRARY, lang)] : [];
  if (policy.allowOrigin === 'none') {
    return { target: 'flask-cors', language: 'python', code: NO_CORS.join('\n'), notes: [...notes, ...noCorsNotes(policy, LIBRARY, lang)] };
  }
  const args = [`${INDENT}app,`, ...originArgs(policy)];
  if (!policy.allowMethods.includes('*')) args.push(...arg('methods', policy.allowMethods));
  args.push(...arg('allow_headers', policy.allowHeaders));
  if (policy.exposeHeaders.length > 0) args.push(...arg('expose_headers', policy.exposeHeaders));
  if (policy.allowCredentials && policy.allowOrigin !== '*') args.push(`${INDENT}supports_credentials=True,`);
  if (policy.maxAge !== null) args.push(`${INDENT}max_age=${policy.maxAge === 0 ? '"0"' : policy.maxAge},`);
  if (!policy.varyOrigin && addsVary(policy)) args.push(`${INDENT}vary_header=False,`);
  const code = ['from flask import Flask', 'from flask_cors import CORS', '', 'app = Flask(__name__)', 'CORS(', ...args, ')'];
  return { target: 'flask-cors', language: 'python', code: code.join('\n'), notes: [...notes, ...flaskNotes(policy, lang)] };
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
      // A string with a regex character (^ $ * ? …) is a pattern to flask-cors; pythonPattern's always has one.
      return [...arg('origins', [...policy.originList, ...patternsOf(policy).map(pythonPattern)]), NOT_WITHOUT_ORIGIN];
  }
}

function flaskNotes(policy: Policy, lang: Lang = 'en'): Note[] {
  const notes: Note[] = [];
  if (policy.allowOrigin === '*' && policy.allowCredentials) {
    notes.push(
      trap('wildcard-credentials-reflects', said('flask-cors refuses send_wildcard=True with supports_credentials=True (ValueError at startup), and without ' +
          'send_wildcard origins="*" echoes every Origin with credentials. Browsers refuse the lab\'s * with credentials, so ' +
          'the export leaves supports_credentials off: credentialed requests fail as they do in the lab.', 'flask-cors 不接受 send_wildcard=True 与 supports_credentials=True 同时使用（启动时 ValueError），而不设 send_wildcard 时 origins="*" 会把每个 Origin 连同凭据回显。浏览器拒绝实验室带凭据的 *，所以导出时关掉了 supports_credentials：带凭据的请求会像在实验室里一样失败。'), lang),
    );
  }
  notes.push(...credentialsTraps(policy, LIBRARY, lang).filter((n) => n.name !== 'wildcard-with-credentials'));
  notes.push(...patternTraps(policy), ...pythonPatternNotes(policy, LIBRARY, 'the patterns in origins'));
  if (patternsOf(policy).length > 0) {
    notes.push(inexact('pattern-ignores-case', said('flask-cors matches origins ignoring case (re.IGNORECASE); the lab\'s patterns are case-sensitive. Browsers send the Origin in lowercase, so they never see the difference.', 'flask-cors 匹配源时忽略大小写（re.IGNORECASE）；实验室的模式区分大小写。浏览器发送的 Origin 是小写的，所以看不出区别。'), lang));
  }
  if (policy.allowOrigin === 'list' && policy.allowCredentials) {
    notes.push(
      trap('default-origins-reflects', said('origins is load-bearing: flask-cors defaults to origins="*", which without send_wildcard echoes any Origin, so with ' +
          'supports_credentials=True and no origins every site could send credentialed requests and read the answers.', 'origins 不能省：flask-cors 默认 origins="*"，不设 send_wildcard 时会回显任何 Origin，所以在 supports_credentials=True 又没有 origins 时，任何网站都能发送带凭据的请求并读取应答。'), lang),
    );
  }
  if (policy.allowOrigin === 'list' && policy.originList.some((o) => REGEX_CHARS.test(o))) {
    notes.push(inexact('origin-as-regex', said('flask-cors reads an origin containing * \\ ] ? $ ^ [ ( or ) as a regular expression, not as the exact origin.', 'flask-cors 把含有 * \\ ] ? $ ^ [ ( 或 ) 的源当作正则表达式，而不是确切的源。'), lang));
  }
  notes.push(allowHeadersNote(policy, lang));
  if (policy.allowMethods.includes('*')) {
    notes.push(
      inexact('methods-wildcard', said('flask-cors cannot send Access-Control-Allow-Methods: *: it looks the requested method up in its joined method list ' +
          'as a substring, so "*" matches nothing. The export leaves methods out: its default, GET, HEAD, POST, OPTIONS, PUT, ' +
          'PATCH and DELETE, is sent instead.', 'flask-cors 发不出 Access-Control-Allow-Methods: *：它在拼接后的方法列表里按子串查找请求的方法，所以 "*" 什么也匹配不到。导出时省掉了 methods：于是发送它的默认值 GET、HEAD、POST、OPTIONS、PUT、PATCH 和 DELETE。'), lang),
    );
  }
  notes.push(methodsGateNote(policy, lang));
  if (policy.maxAge === 0) notes.push(trap('max-age-zero', said('flask-cors drops a falsy max_age, so 0 goes in as the string "0".', 'flask-cors 会丢掉值为假的 max_age，所以 0 要写成字符串 "0"。'), lang));
  if (policy.varyOrigin && policy.allowOrigin !== 'reflect') {
    notes.push(
      inexact('vary-origin', said('flask-cors adds Vary: Origin only beside an Access-Control-Allow-Origin picked from several origins or a pattern: ' +
          'never for * or a single origin, never on an answer without Allow-Origin. The policy sends it on every answer.', 'flask-cors 只在从多个源或模式中挑出 Access-Control-Allow-Origin 时才加 Vary: Origin：* 或单个源时从不加，没有 Allow-Origin 的应答上也不加。策略在每个应答上都发送它。'), lang),
    );
  }
  notes.push(...exposeOnPreflightNote(policy, LIBRARY, lang));
  if (policy.preflight === 'routes') {
    notes.push(
      inexact('preflight-routes', said('flask-cors adds its preflight headers to every OPTIONS answer with Access-Control-Request-Method, whether Flask\'s ' +
          'automatic OPTIONS or your own route gives it; it has no switch to leave preflights to the routes.', '只要 OPTIONS 应答带有 Access-Control-Request-Method，不管它来自 Flask 自动的 OPTIONS 还是你自己的路由，flask-cors 都会加上预检头；它没有开关能把预检留给路由。'), lang),
    );
  } else if (policy.preflightStatus !== 200) {
    notes.push(
      inexact('preflight-status', said(`Flask answers OPTIONS itself with 200 and flask-cors only adds headers to it; it cannot send ${policy.preflightStatus}.`, `Flask 自己用 200 应答 OPTIONS，flask-cors 只往里加头；它无法发送 ${policy.preflightStatus}。`), lang),
    );
  }
  return notes;
}

/** flask-cors sends the preflight-only headers only for a method it finds in its joined methods string. */
function methodsGateNote(policy: Policy, lang: Lang = 'en'): Note {
  if (policy.allowMethods.length === 0) {
    return inexact('methods-gate-preflight', said('flask-cors adds Allow-Headers and Max-Age to a preflight only when the requested method is in methods; with none ' +
        'listed it adds neither, so a safelisted method with a custom header fails a preflight the lab lets through.', '只有请求的方法在 methods 里时，flask-cors 才会给预检加上 Allow-Headers 和 Max-Age；一个都没列时两个都不加，所以带自定义头的安全方法会在预检处失败，而实验室会放行。'), lang);
  }
  // Through `*` the lab allows any method, which the default list that stands in for it does not.
  const outcome = policy.allowMethods.includes('*')
    ? said("So a method outside the default list (a custom VIEW) fails a preflight the lab's * lets through.", '所以默认列表以外的方法（自定义的 VIEW）会在预检处失败，而实验室的 * 会放行。')
    : said('The browser fails that preflight either way.', '浏览器无论如何都会判定那个预检失败。');
  return inexact('methods-gate-preflight', said('flask-cors adds Allow-Methods, Allow-Headers and Max-Age to a preflight only when the requested method is in methods ' +
      `(as a substring of the joined list); for any other method it sends none of the three where the lab sends them. ${outcome.en}`, `只有请求的方法在 methods 里（按拼接后列表的子串）时，flask-cors 才会给预检加上 Allow-Methods、Allow-Headers 和 Max-Age；对其他方法这三个一个都不发，而实验室会发。${outcome['zh-CN']}`), lang);
}

function allowHeadersNote(policy: Policy, lang: Lang = 'en'): Note {
  if (policy.allowHeaders.length === 0) {
    return trap('allow-headers-default', said('allow_headers=[] is deliberate: leave it out and flask-cors\'s default "*" allows every requested header.', 'allow_headers=[] 是有意为之：省掉它，flask-cors 的默认值 "*" 会允许请求的每个头。'), lang);
  }
  const star = policy.allowHeaders.includes('*')
    ? said(' Its "*" is a pattern matching every requested header, even with credentials, where browsers read the lab\'s * then as a header named *.', '它的 "*" 是匹配所有请求头的模式，带凭据时也一样；而这时浏览器会把实验室的 * 读作一个名叫 * 的请求头。')
    : said('', '');
  return inexact('allow-headers-echoed', said('flask-cors answers Access-Control-Allow-Headers with the requested headers that match allow_headers (compared ' +
      `case-insensitively), not with the list itself; leave allow_headers out and its default "*" allows every header.${star.en}`, `flask-cors 用请求里与 allow_headers 匹配的头（不区分大小写）来应答 Access-Control-Allow-Headers，而不是用列表本身；省掉 allow_headers，它的默认值 "*" 会允许每个头。${star['zh-CN']}`), lang);
}

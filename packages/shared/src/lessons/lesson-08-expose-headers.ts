/**
 * Lesson 8: which response headers a script can read. The safelisted ones
 * always (fetch.spec.whatwg.org/#cors-safelisted-response-header-name), the
 * rest only when Access-Control-Expose-Headers names them; `*` exposes all
 * only without credentials (fetch.spec.whatwg.org/#concept-filtered-response-cors).
 */
import { header, listedIn, pathOf, scriptHeader, scriptRead, sends, sent } from './checks.ts';
import type { Lesson, SendEvidence } from './types.ts';

/** The script read server01's /headers.html answer, and FooBar was on the wire. */
const readHeadersRoute = (s: SendEvidence): boolean =>
  scriptRead(s) && s.tone === 'allowed' && s.actual !== null && pathOf(s.request.url) === '/headers.html' && header(s.actual.response.headers, 'FooBar') !== undefined;

const exposedOnWire = (s: SendEvidence): string[] => listedIn(s.actual?.response.headers, 'Access-Control-Expose-Headers');

const HEADERS_REQUEST = { api: 'fetch', method: 'GET', url: '{server01}/headers.html' } as const;

export const exposeHeadersLesson: Lesson = {
  id: 'expose-headers',
  title: { en: 'Reading response headers: Expose-Headers', 'zh-CN': '读取响应头：Expose-Headers' },
  summary: {
    en: 'A script reads seven safelisted response headers; any other one only when Access-Control-Expose-Headers names it. The FooBar example, and why * is not * with credentials.',
    'zh-CN': '脚本能读取七个安全列表中的响应头；其他响应头只有在 Access-Control-Expose-Headers 中列出时才能读取。FooBar 示例，以及为什么带凭据时 * 不再是通配符。',
  },
  steps: [
    {
      id: 'safelisted',
      title: { en: 'Seven headers the script always sees', 'zh-CN': '脚本总能看到的七个响应头' },
      text: {
        en: 'server01\'s `/headers.html` answers with `FooBar: 1` and `X-Powered-By: server01`, beside the headers every answer may show a script. The policy allows any origin, so the script reads the body. Send, then compare the two sides of the entry: the response headers on the wire, and "Headers the script can read".\n\nFrom a cross-origin answer a script reads only the CORS-safelisted response headers: `Cache-Control`, `Content-Language`, `Content-Length`, `Content-Type`, `Expires`, `Last-Modified` and `Pragma`. `FooBar`, `X-Powered-By` and even `Date` are on the wire, yet `response.headers.get(\'FooBar\')` gives `null`.',
        'zh-CN': 'server01 的 `/headers.html` 会返回 `FooBar: 1` 和 `X-Powered-By: server01`，以及所有响应都可以让脚本看到的那些头。策略允许任意源，所以脚本能读到响应体。发送，然后对比条目的两边：网络上的响应头，以及“脚本可以读取的响应头”。\n\n对于跨源响应，脚本只能读取 CORS 安全列表中的响应头：`Cache-Control`、`Content-Language`、`Content-Length`、`Content-Type`、`Expires`、`Last-Modified` 和 `Pragma`。`FooBar`、`X-Powered-By` 甚至 `Date` 都在网络上，但 `response.headers.get(\'FooBar\')` 得到的是 `null`。',
      },
      tryThis: [
        { en: 'Send, open the actual request: FooBar is in the response headers.', 'zh-CN': '发送后展开实际请求：响应头里有 FooBar。' },
        { en: 'Look at "Headers the script can read": the safelisted ones only.', 'zh-CN': '看看“脚本可以读取的响应头”：只有安全列表中的那些。' },
      ],
      preset: { request: HEADERS_REQUEST, policy: { allowOrigin: '*' } },
      check: sent(
        {
          en: 'Send the GET to /headers.html so the script reads the answer, without FooBar among the headers it can read.',
          'zh-CN': '向 /headers.html 发送 GET，让脚本读到响应，而可读的响应头里没有 FooBar。',
        },
        (s) => readHeadersRoute(s) && scriptHeader(s, 'FooBar') === undefined && scriptHeader(s, 'Content-Type') !== undefined,
      ),
    },
    {
      id: 'expose-foobar',
      title: { en: 'Expose FooBar by name', 'zh-CN': '按名字暴露 FooBar' },
      text: {
        en: 'A server lets a script read more with `Access-Control-Expose-Headers`, a list of header names on the actual response (the preflight has no say). Add `FooBar` to it and send again: now the script reads `FooBar: 1`. `X-Powered-By` stays hidden, because nobody named it.\n\nNames compare case-insensitively, so `foobar` works too.',
        'zh-CN': '服务器用 `Access-Control-Expose-Headers` 让脚本读取更多响应头：它是实际响应上的一个响应头名列表（预检响应管不了这件事）。把 `FooBar` 加进去再发送：脚本就能读到 `FooBar: 1` 了。`X-Powered-By` 仍然不可见，因为没有人列出它。\n\n名字比较不区分大小写，所以写成 `foobar` 也可以。',
      },
      tryThis: [
        { en: 'Type FooBar in Access-Control-Expose-Headers and send.', 'zh-CN': '在 Access-Control-Expose-Headers 中填入 FooBar 并发送。' },
        { en: 'Compare the script\'s headers with the wire: X-Powered-By and Date are still hidden.', 'zh-CN': '对比脚本可读的响应头和网络上的响应头：X-Powered-By 和 Date 依然不可见。' },
      ],
      preset: { request: HEADERS_REQUEST, policy: { allowOrigin: '*' } },
      check: sent(
        {
          en: 'Name FooBar in Access-Control-Expose-Headers and send, so the script reads FooBar.',
          'zh-CN': '在 Access-Control-Expose-Headers 中写明 FooBar 并发送，让脚本读到 FooBar。',
        },
        (s) => readHeadersRoute(s) && scriptHeader(s, 'FooBar') === '1' && exposedOnWire(s).includes('foobar'),
      ),
    },
    {
      id: 'wildcard-credentials',
      title: { en: '* exposes all, until credentials', 'zh-CN': '* 能暴露全部，但带凭据时不行' },
      text: {
        en: '`Access-Control-Expose-Headers: *` exposes every header (but never `Set-Cookie`) to a request without credentials. With credentials, `*` is just a header name, and no header is called `*`. This step reflects the Origin with `Access-Control-Allow-Credentials: true`, so both kinds of request are allowed.\n\nSend as it is (Credentials: omit): the script reads `FooBar` and `X-Powered-By`. Then set Credentials to `include` and send again: the request is allowed just the same, but the script is back to the seven safelisted headers. With credentials, name each header.',
        'zh-CN': '对于不带凭据的请求，`Access-Control-Expose-Headers: *` 会暴露所有响应头（但 `Set-Cookie` 永远不会暴露）。带凭据时，`*` 只是一个普通的响应头名，而没有哪个响应头叫 `*`。这一步回显 Origin，并发送 `Access-Control-Allow-Credentials: true`，所以两种请求都会被放行。\n\n按现状发送（Credentials: omit）：脚本读到了 `FooBar` 和 `X-Powered-By`。然后把 Credentials 改成 `include` 再发送：请求同样被放行，但脚本又只能看到七个安全列表中的响应头了。带凭据时，要逐个写出响应头名。',
      },
      tryThis: [
        { en: 'Send with Credentials: omit: FooBar and X-Powered-By are readable.', 'zh-CN': '以 Credentials: omit 发送：FooBar 和 X-Powered-By 都可读。' },
        { en: 'Set Credentials to include and send: allowed, but FooBar is gone from the script\'s view.', 'zh-CN': '把 Credentials 改成 include 再发送：请求被放行，但脚本看不到 FooBar 了。' },
        { en: 'Change * to FooBar and send with credentials once more: FooBar is back.', 'zh-CN': '把 * 改成 FooBar，再带凭据发送一次：FooBar 又回来了。' },
      ],
      preset: { request: { ...HEADERS_REQUEST, credentials: 'omit' }, policy: { allowOrigin: 'reflect', allowCredentials: true, exposeHeaders: ['*'] } },
      check: sends(
        {
          en: 'Under Access-Control-Expose-Headers: *, send once without credentials (FooBar readable) and once with credentials (FooBar hidden, though allowed).',
          'zh-CN': '在 Access-Control-Expose-Headers: * 下，先不带凭据发送一次（FooBar 可读），再带凭据发送一次（请求被放行，但 FooBar 不可读）。',
        },
        (all) => {
          const star = all.filter((s) => readHeadersRoute(s) && exposedOnWire(s).includes('*'));
          return (
            star.some((s) => s.request.credentials !== 'include' && scriptHeader(s, 'FooBar') === '1') &&
            star.some((s) => s.request.credentials === 'include' && scriptHeader(s, 'FooBar') === undefined)
          );
        },
      ),
    },
  ],
  realServers: {
    en: 'The classic surprises are headers an app needs and never sees: pagination in Link or X-Total-Count, a file name in Content-Disposition, a version in ETag, a request id for support. The fix is on the server: cors for Express takes exposedHeaders: [\'X-Total-Count\'], django-cors-headers CORS_EXPOSE_HEADERS, @fastify/cors exposedHeaders. Prefer names to *: * fails silently as soon as the request carries cookies.',
    'zh-CN': '最常见的意外，是应用需要的响应头却始终读不到：Link 或 X-Total-Count 里的分页信息、Content-Disposition 里的文件名、ETag 里的版本号、用于排查问题的请求 ID。解决办法在服务器端：Express 的 cors 用 exposedHeaders: [\'X-Total-Count\']，django-cors-headers 用 CORS_EXPOSE_HEADERS，@fastify/cors 用 exposedHeaders。尽量写出具体名字而不是 *：请求一旦带上 Cookie，* 就会悄无声息地失效。',
  },
};

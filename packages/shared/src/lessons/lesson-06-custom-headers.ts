/**
 * Lesson 6: custom request headers and Access-Control-Allow-Headers
 * (fetch.spec.whatwg.org/#cors-preflight-fetch). X-Custom-Header, Django's
 * x-csrftoken, and `*` with Authorization, where Chromium 156 and the standard
 * part ways (fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name).
 */
import { askedHeaders, header, leastPermissive, listedIn, noCredentials, onlyHeaders, onlyPageOrigin, scriptRead, sends, sent } from './checks.ts';
import type { Lesson, SendEvidence } from './types.ts';

/** The script read the answer to an actual request that carried this header. */
const readWithHeader = (name: string) => (s: SendEvidence): boolean =>
  scriptRead(s) && s.tone === 'allowed' && header(s.actual?.request.headers, name) !== undefined;

const allowsHeader = (s: SendEvidence, name: string): boolean => s.policy.allowHeaders.some((h) => h.toLowerCase() === name);

/** Authorization went through on a preflight answered with `*` that did not name it. */
const authorizationByStar = (s: SendEvidence): boolean =>
  readWithHeader('Authorization')(s) && s.preflight !== null && askedHeaders(s).includes('authorization') && allowsHeader(s, '*') && !allowsHeader(s, 'authorization');

export const customHeadersLesson: Lesson = {
  id: 'custom-headers',
  title: { en: 'Custom headers: Access-Control-Allow-Headers', 'zh-CN': '自定义请求头：Access-Control-Allow-Headers' },
  summary: {
    en: 'A header the script sets is asked about first; the answer must name it. X-Custom-Header, Django\'s x-csrftoken, and why * is not enough for Authorization.',
    'zh-CN': '脚本自己设置的请求头要先经过询问，预检响应必须写出它的名字。X-Custom-Header、Django 的 x-csrftoken，以及为什么对 Authorization 来说 * 不够。',
  },
  steps: [
    {
      id: 'exactly-x-custom-header',
      title: { en: 'Allow exactly X-Custom-Header', 'zh-CN': '只允许 X-Custom-Header' },
      challenge: true,
      text: {
        en: 'The GET carries `X-Custom-Header: 1`. Any header outside the safelist makes the browser ask first: the `OPTIONS` lists it, lowercased, in `Access-Control-Request-Headers: x-custom-header`. server01 allows the origin `*` but no headers, so the GET never goes out.\n\nChallenge: make it pass with the least you need. `Access-Control-Allow-Headers: *` works, but then any site may send any header. Allow exactly the page\'s origin, `http://{host}:8100`, and exactly `X-Custom-Header` (header names compare case-insensitively). Max-Age is 0 here, so every send is asked about again.',
        'zh-CN': '这个 GET 带有 `X-Custom-Header: 1`。只要有一个请求头不在安全列表中，浏览器就会先询问：`OPTIONS` 会以小写形式把它写进 `Access-Control-Request-Headers: x-custom-header`。server01 允许源 `*`，但没有允许任何请求头，所以这个 GET 不会发出。\n\n挑战：用最少的开放让它通过。`Access-Control-Allow-Headers: *` 能用，但那样任何网站都能发送任何请求头。只允许页面的源 `http://{host}:8100`，并且只允许 `X-Custom-Header`（请求头名称比较不区分大小写）。这里 Max-Age 为 0，每次发送都会重新询问。',
      },
      tryThis: [
        { en: 'Send as it is and open the preflight: Access-Control-Request-Headers: x-custom-header.', 'zh-CN': '按现状发送并展开预检请求：Access-Control-Request-Headers: x-custom-header。' },
        { en: 'Put * in Access-Control-Allow-Headers and send: it works, and the check says it allows too much.', 'zh-CN': '在 Access-Control-Allow-Headers 中填 * 并发送：能用，但检查提示开放得太多。' },
        { en: 'Allow only http://{host}:8100 and only X-Custom-Header, then send.', 'zh-CN': '只允许 http://{host}:8100 和 X-Custom-Header，然后发送。' },
      ],
      preset: {
        request: { api: 'fetch', method: 'GET', url: '{server01}/getData.html', headers: [{ name: 'X-Custom-Header', value: '1' }] },
        policy: { allowOrigin: '*', maxAge: 0 },
      },
      check: leastPermissive(
        {
          todo: { en: 'Send the GET with X-Custom-Header so the script reads the answer.', 'zh-CN': '发送带 X-Custom-Header 的 GET，让脚本读到响应。' },
          tooLoose: {
            en: 'It works, but the policy allows more than it needs: allow only the origin http://{host}:8100 and only the header X-Custom-Header (no *, no methods, no credentials), then send again.',
            'zh-CN': '能用了，但策略开放得比需要的多：只允许源 http://{host}:8100 和请求头 X-Custom-Header（不要 *，不要额外的方法，不要凭据），然后再发送一次。',
          },
        },
        readWithHeader('X-Custom-Header'),
        (p, s) =>
          onlyPageOrigin(p, s.pageOrigin) &&
          onlyHeaders(p, ['X-Custom-Header']) &&
          p.allowMethods.length === 0 &&
          noCredentials(p) &&
          // A preflight answered under this policy, not an earlier answer from the browser's cache.
          listedIn(s.preflight?.response.headers, 'Access-Control-Allow-Headers').join() === 'x-custom-header',
      ),
    },
    {
      id: 'x-csrftoken',
      title: { en: 'The Django case: x-csrftoken', 'zh-CN': 'Django 的情形：x-csrftoken' },
      text: {
        en: 'A Django front end on another origin sends its CSRF token in a header, `X-CSRFToken` (Django\'s default CSRF_HEADER_NAME). For the browser it is a custom header like any other: the preflight asks for `x-csrftoken`. This server allows only `X-Custom-Header`, so the POST is blocked before it leaves.\n\nAdd `X-CSRFToken` (or `x-csrftoken`: the case does not matter) to Access-Control-Allow-Headers and send again. django-cors-headers has `x-csrftoken` in its default CORS_ALLOW_HEADERS for exactly this reason.',
        'zh-CN': '部署在另一个源上的 Django 前端会把 CSRF 令牌放进请求头 `X-CSRFToken`（Django 默认的 CSRF_HEADER_NAME）。对浏览器来说，它和其他自定义请求头没有区别：预检会询问 `x-csrftoken`。这个服务器只允许 `X-Custom-Header`，所以这个 POST 还没发出就被拦截了。\n\n把 `X-CSRFToken`（或 `x-csrftoken`，大小写无所谓）加到 Access-Control-Allow-Headers 里，再发送一次。django-cors-headers 的默认 CORS_ALLOW_HEADERS 里包含 `x-csrftoken`，正是为了这个。',
      },
      tryThis: [
        { en: 'Send: the preflight asks for x-csrftoken and the answer allows only X-Custom-Header.', 'zh-CN': '发送：预检询问的是 x-csrftoken，而响应只允许 X-Custom-Header。' },
        { en: 'Add X-CSRFToken to Access-Control-Allow-Headers and send again.', 'zh-CN': '把 X-CSRFToken 加到 Access-Control-Allow-Headers 里，再发送一次。' },
      ],
      preset: {
        request: { api: 'fetch', method: 'POST', url: '{server01}/getData.html', headers: [{ name: 'X-CSRFToken', value: 'lab-token' }], body: 'comment=hello' },
        policy: { allowOrigin: '*', allowHeaders: ['X-Custom-Header'], maxAge: 0 },
      },
      check: sent(
        {
          en: 'Send the POST with X-CSRFToken so the script reads the answer: allow x-csrftoken in Access-Control-Allow-Headers.',
          'zh-CN': '发送带 X-CSRFToken 的 POST，并让脚本读到响应：在 Access-Control-Allow-Headers 中允许 x-csrftoken。',
        },
        (s) => readWithHeader('X-CSRFToken')(s) && askedHeaders(s).includes('x-csrftoken'),
      ),
    },
    {
      id: 'authorization-star',
      title: { en: '* and Authorization: Chromium and the standard disagree', 'zh-CN': '* 与 Authorization：Chromium 和标准并不一致' },
      text: {
        en: 'The GET carries `Authorization: Bearer lab-token`; server01 answers the preflight with `Access-Control-Allow-Headers: *` and `Access-Control-Max-Age: 600`.\n\nThe Fetch standard says `*` never covers `Authorization`: it must be named (fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name). Chromium 156 does not apply that rule to a fresh preflight answer, so the GET goes through here. Its preflight cache does apply it: a cached `*` never covers Authorization, so despite Max-Age 600 every send is preflighted again.\n\nSend twice and compare the two entries: both pass, both with an OPTIONS.',
        'zh-CN': '这个 GET 带有 `Authorization: Bearer lab-token`；server01 用 `Access-Control-Allow-Headers: *` 和 `Access-Control-Max-Age: 600` 应答预检。\n\nFetch 标准规定 `*` 永远不涵盖 `Authorization`，它必须被明确写出（fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name）。Chromium 156 对刚收到的预检响应并不执行这条规则，所以这里的 GET 能通过。但它的预检缓存执行了这条规则：缓存里的 `*` 从不涵盖 Authorization，所以尽管 Max-Age 是 600，每次发送都会重新预检。\n\n发送两次，比较两个条目：两次都通过，而且每次都有 OPTIONS。',
      },
      tryThis: [
        { en: 'Send twice: two preflights, although Max-Age is 600.', 'zh-CN': '发送两次：尽管 Max-Age 是 600，还是有两次预检。' },
        { en: 'Open an entry\'s step-by-step explanation: it names both Chromium\'s rule and the standard\'s.', 'zh-CN': '展开任一条目的逐步解释：它同时写出了 Chromium 的做法和标准的规定。' },
      ],
      preset: {
        request: { api: 'fetch', method: 'GET', url: '{server01}/getData.html', headers: [{ name: 'Authorization', value: 'Bearer lab-token' }] },
        policy: { allowOrigin: '*', allowHeaders: ['*'], maxAge: 600 },
      },
      check: sends(
        {
          en: 'Send the GET with Authorization twice under Access-Control-Allow-Headers: * (Authorization not named): both must pass, each after its own preflight.',
          'zh-CN': '在 Access-Control-Allow-Headers: *（不写出 Authorization）下把带 Authorization 的 GET 发送两次：两次都要通过，而且各自都经过预检。',
        },
        (all) => all.filter((s) => authorizationByStar(s) && s.policy.maxAge !== 0).length >= 2,
      ),
    },
    {
      id: 'authorization-named',
      title: { en: 'Name Authorization: portable, and cached', 'zh-CN': '写出 Authorization：通用，而且能被缓存' },
      text: {
        en: 'Relying on `*` for Authorization works in today\'s Chromium only, and only on a fresh preflight; a browser that follows the standard blocks it. Name it: `Access-Control-Allow-Headers: Authorization` (or `*, Authorization`). Then every browser agrees, and the preflight cache holds the answer for Max-Age seconds.\n\nAdd Authorization to Access-Control-Allow-Headers and send twice: the second GET goes out without an OPTIONS.',
        'zh-CN': '依靠 `*` 放行 Authorization，只在如今的 Chromium 里有效，而且只对刚收到的预检响应有效；遵循标准的浏览器会拦截它。请写出它的名字：`Access-Control-Allow-Headers: Authorization`（或 `*, Authorization`）。这样所有浏览器的结论都一样，预检缓存也会在 Max-Age 秒内保留这个响应。\n\n把 Authorization 加到 Access-Control-Allow-Headers 里，发送两次：第二个 GET 发出时没有 OPTIONS。',
      },
      tryThis: [
        { en: 'Add Authorization to Access-Control-Allow-Headers, then send twice.', 'zh-CN': '把 Authorization 加到 Access-Control-Allow-Headers 里，然后发送两次。' },
        { en: 'The second entry says the browser used its preflight cache.', 'zh-CN': '第二个条目会说明浏览器使用了预检缓存。' },
      ],
      preset: {
        request: { api: 'fetch', method: 'GET', url: '{server01}/getData.html', headers: [{ name: 'Authorization', value: 'Bearer lab-token' }] },
        policy: { allowOrigin: '*', allowHeaders: ['*'], maxAge: 600 },
      },
      check: sent(
        {
          en: 'Name Authorization in Access-Control-Allow-Headers and send twice, so the second GET goes out on the cached preflight.',
          'zh-CN': '在 Access-Control-Allow-Headers 中写出 Authorization，然后发送两次，让第二个 GET 凭缓存的预检结果直接发出。',
        },
        (s) => readWithHeader('Authorization')(s) && s.preflightFromCache && allowsHeader(s, 'authorization'),
      ),
    },
  ],
  realServers: {
    en: 'django-cors-headers allows accept, authorization, content-type, user-agent, x-csrftoken and x-requested-with by default; extend `default_headers` in CORS_ALLOW_HEADERS with your own. cors for Express, without `allowedHeaders`, echoes whatever Access-Control-Request-Headers asked for: every header passes, which is as open as *. For Authorization, name it in the list: the standard says * never covers it, and Chromium\'s own preflight cache already agrees.',
    'zh-CN': 'django-cors-headers 默认允许 accept、authorization、content-type、user-agent、x-csrftoken 和 x-requested-with；在 CORS_ALLOW_HEADERS 中扩展 `default_headers` 来加入自己的请求头。Express 的 cors 如果不设 `allowedHeaders`，就会原样回显 Access-Control-Request-Headers 询问的内容：任何请求头都能通过，和 * 一样开放。对于 Authorization，请在列表里写出它的名字：标准规定 * 永远不涵盖它，Chromium 自己的预检缓存也已经这样做了。',
  },
};

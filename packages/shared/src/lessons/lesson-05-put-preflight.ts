/**
 * Lesson 5: PUT and its preflight. Access-Control-Allow-Methods, matched case-sensitively
 * (fetch.spec.whatwg.org/#cors-preflight-fetch); a custom VIEW and a lowercase patch,
 * which Node's parser refuses before any route runs (apps/server01/src/rejected-method.ts).
 */
import { askedMethod, header, leastPermissive, noCredentials, onlyMethods, onlyPageOrigin, scriptRead, sent } from './checks.ts';
import type { Lesson, SendEvidence } from './types.ts';

/** The script read the answer to an actual request that went out with this method, exactly as typed. */
const readWith = (method: string) => (s: SendEvidence): boolean => scriptRead(s) && s.tone === 'allowed' && s.actual?.request.method === method;

/** Node's parser refused the actual request; server01 answered it from the raw bytes. */
const refusedByNode = (s: SendEvidence): boolean => s.actual?.parser === 'raw';

/** Max-Age 0: Chromium caches no preflight, so each send asks again under the policy it holds then. */
const FRESH = { maxAge: 0 } as const;

export const putPreflightLesson: Lesson = {
  id: 'put-preflight',
  title: { en: 'PUT and the preflight: Access-Control-Allow-Methods', 'zh-CN': 'PUT 与预检：Access-Control-Allow-Methods' },
  summary: {
    en: 'A PUT is asked about first; the answer must list the method, exactly as it will be sent. Custom and lowercase methods, and what a Node server does with them.',
    'zh-CN': 'PUT 要先经过询问；预检响应必须列出这个方法，而且要和实际发送的写法完全一致。还有自定义方法、小写方法，以及 Node 服务器如何处理它们。',
  },
  steps: [
    {
      id: 'put-blocked',
      title: { en: 'The PUT that never left', 'zh-CN': '从未发出的 PUT' },
      text: {
        en: 'server01 allows the origin `*`. Send the PUT: the browser first sends `OPTIONS` with `Access-Control-Request-Method: PUT`. server01 answers with `Access-Control-Allow-Origin: *` but without `Access-Control-Allow-Methods`, so the browser stops there. The PUT itself never reaches server01: nothing was changed on the server, and the script gets a network error.',
        'zh-CN': 'server01 允许源 `*`。发送这个 PUT：浏览器先发出带 `Access-Control-Request-Method: PUT` 的 `OPTIONS`。server01 的响应里有 `Access-Control-Allow-Origin: *`，却没有 `Access-Control-Allow-Methods`，浏览器就此停下。PUT 本身根本没有到达 server01：服务器上什么都没有改变，脚本得到的是网络错误。',
      },
      tryThis: [
        { en: 'Open the preflight: Access-Control-Request-Method: PUT, and no Access-Control-Allow-Methods in the answer.', 'zh-CN': '展开预检请求：请求里有 Access-Control-Request-Method: PUT，响应里没有 Access-Control-Allow-Methods。' },
      ],
      preset: { request: { api: 'fetch', method: 'PUT', url: '{server01}/getData.html', body: 'new data' }, policy: { allowOrigin: '*', ...FRESH } },
      check: sent(
        { en: 'Send the PUT and see it stopped at the preflight: no PUT reaches server01.', 'zh-CN': '发送 PUT，看到它在预检阶段被拦下：没有 PUT 到达 server01。' },
        (s) => askedMethod(s) === 'PUT' && s.actual === null && s.tone === 'blocked',
      ),
    },
    {
      id: 'allow-exactly-put',
      title: { en: 'Allow exactly PUT', 'zh-CN': '只允许 PUT' },
      challenge: true,
      text: {
        en: 'This server answers the preflight with `Access-Control-Allow-Methods: *` and `Access-Control-Allow-Origin: *`. Send: the PUT goes through. But `*` lets any site send any method it likes (DELETE, PATCH, your own) to this API.\n\nChallenge: let the page\'s PUT through with the least you need. Allow exactly the page\'s origin, `http://{host}:8100`, and exactly the method `PUT`: method names compare case-sensitively, so `put` does not allow the `PUT` the browser sends. Max-Age is 0 here, so every send is asked about again.',
        'zh-CN': '这个服务器用 `Access-Control-Allow-Methods: *` 和 `Access-Control-Allow-Origin: *` 应答预检。发送：PUT 通过了。但 `*` 让任何网站都能向这个 API 发送任意方法（DELETE、PATCH 或自定义方法）。\n\n挑战：用最少的开放让页面的 PUT 通过。只允许页面的源 `http://{host}:8100`，并且只允许方法 `PUT`：方法名比较区分大小写，所以写成 `put` 并不能允许浏览器发出的 `PUT`。这里 Max-Age 为 0，每次发送都会重新询问。',
      },
      tryThis: [
        { en: 'Send as it is: it works, but the check says it allows too much.', 'zh-CN': '按现状发送：能用，但检查提示开放得太多。' },
        { en: 'Write `put` in Access-Control-Allow-Methods and send: blocked.', 'zh-CN': '在 Access-Control-Allow-Methods 中写 `put` 并发送：被拦截。' },
        { en: 'Allow only http://{host}:8100 and only PUT, then send.', 'zh-CN': '只允许 http://{host}:8100 和 PUT，然后发送。' },
      ],
      preset: { request: { api: 'fetch', method: 'PUT', url: '{server01}/getData.html', body: 'new data' }, policy: { allowOrigin: '*', allowMethods: ['*'], ...FRESH } },
      check: leastPermissive(
        {
          todo: { en: 'Send the PUT so the script reads the answer.', 'zh-CN': '发送 PUT，让脚本读到响应。' },
          tooLoose: {
            en: 'The PUT works, but the policy allows more than it needs: allow only the origin http://{host}:8100 and only the method PUT (no *, no extra methods or headers, no credentials), then send again.',
            'zh-CN': 'PUT 能用了，但策略开放得比需要的多：只允许源 http://{host}:8100 和方法 PUT（不要 *，不要多余的方法或请求头，不要凭据），然后再发送一次。',
          },
        },
        readWith('PUT'),
        (p, s) =>
          onlyPageOrigin(p, s.pageOrigin) &&
          onlyMethods(p, ['PUT']) &&
          p.allowHeaders.length === 0 &&
          noCredentials(p) &&
          // A preflight answered under this policy, not an earlier answer from the browser's cache.
          header(s.preflight?.response.headers, 'Access-Control-Allow-Methods') === 'PUT',
      ),
    },
    {
      id: 'custom-view',
      title: { en: 'A custom method: VIEW', 'zh-CN': '自定义方法：VIEW' },
      text: {
        en: 'HTTP lets you invent methods: any token will do. django-cors-headers expects it (extend `default_methods` in `CORS_ALLOW_METHODS` with your own). The browser preflights a custom method like any other non-simple one. Send `VIEW`: the answer allows only `PUT`, so it is blocked at the preflight.\n\nAdd `VIEW` to Access-Control-Allow-Methods and send again. Now the browser sends `VIEW`, and a Node server meets a surprise: Node\'s HTTP parser knows a fixed list of methods and answers any other one with `400 Bad Request` before a single route runs, with no CORS headers. server01 catches those bytes itself, answers with the policy\'s headers, and the timeline shows the exchange with `HPE_INVALID_METHOD`.',
        'zh-CN': 'HTTP 允许自己发明方法：任何符合 token 语法的名字都可以。django-cors-headers 也考虑到了这一点（在 `CORS_ALLOW_METHODS` 里扩展 `default_methods`，加入自己的方法）。浏览器会像对待其他非简单方法一样，为自定义方法发送预检。发送 `VIEW`：响应只允许 `PUT`，所以它在预检阶段被拦截。\n\n把 `VIEW` 加到 Access-Control-Allow-Methods 里，再发送一次。这时浏览器真的发出了 `VIEW`，而 Node 服务器会遇到意外：Node 的 HTTP 解析器只认识一份固定的方法列表，对其他方法在任何路由运行之前就直接回答 `400 Bad Request`，而且不带任何 CORS 头。server01 自己接住这些原始字节，按策略的响应头应答，时间线会显示这次交互以及 `HPE_INVALID_METHOD`。',
      },
      tryThis: [
        { en: 'Send VIEW as it is: blocked at the preflight.', 'zh-CN': '按现状发送 VIEW：在预检阶段被拦截。' },
        { en: 'Add VIEW to Access-Control-Allow-Methods (keep PUT), send, and open the actual request: HPE_INVALID_METHOD.', 'zh-CN': '把 VIEW 加到 Access-Control-Allow-Methods（保留 PUT），发送，然后展开实际请求：HPE_INVALID_METHOD。' },
      ],
      preset: { request: { api: 'fetch', method: 'VIEW', url: '{server01}/getData.html' }, policy: { allowOrigin: '*', allowMethods: ['PUT'], ...FRESH } },
      check: sent(
        {
          en: 'Allow VIEW in Access-Control-Allow-Methods and send it, so the script reads the answer server01 gave from the raw bytes.',
          'zh-CN': '在 Access-Control-Allow-Methods 中允许 VIEW 并发送，让脚本读到 server01 根据原始字节给出的响应。',
        },
        (s) => readWith('VIEW')(s) && refusedByNode(s),
      ),
    },
    {
      id: 'lowercase-patch',
      title: { en: 'Lowercase patch is not PATCH', 'zh-CN': '小写的 patch 不是 PATCH' },
      text: {
        en: 'fetch uppercases only six methods it knows: DELETE, GET, HEAD, OPTIONS, POST and PUT. `fetch(url, { method: \'patch\' })` goes out as `patch`, lowercase. The preflight asks for `patch`, and `Access-Control-Allow-Methods: PATCH` does not match it: the comparison is case-sensitive. Send and see it blocked.\n\nThen make it pass: add `patch`, lowercase, to Access-Control-Allow-Methods. Node\'s parser refuses a lowercase method too, so server01 answers it from the raw bytes again.',
        'zh-CN': 'fetch 只会把它认识的六个方法转成大写：DELETE、GET、HEAD、OPTIONS、POST 和 PUT。`fetch(url, { method: \'patch\' })` 发出去的就是小写的 `patch`。预检询问的是 `patch`，而 `Access-Control-Allow-Methods: PATCH` 与它不匹配：比较区分大小写。发送，看到它被拦截。\n\n然后让它通过：把小写的 `patch` 加到 Access-Control-Allow-Methods 里。Node 的解析器同样拒绝小写方法，所以 server01 又一次根据原始字节应答。',
      },
      tryThis: [
        { en: 'Send: the preflight asks for patch, the answer allows PATCH, and the browser blocks.', 'zh-CN': '发送：预检询问的是 patch，响应允许的是 PATCH，浏览器拦截了。' },
        { en: 'Add patch to Access-Control-Allow-Methods and send again.', 'zh-CN': '把 patch 加到 Access-Control-Allow-Methods 里，再发送一次。' },
        { en: 'Better still, type the method as PATCH: the preflight and the request say PATCH, and Node parses it.', 'zh-CN': '更好的做法是把方法写成 PATCH：预检和请求里都是 PATCH，Node 也能正常解析。' },
      ],
      preset: { request: { api: 'fetch', method: 'patch', url: '{server01}/getData.html', body: 'a change' }, policy: { allowOrigin: '*', allowMethods: ['PATCH'], ...FRESH } },
      check: sent(
        {
          en: 'Send the lowercase patch so the script reads the answer: the preflight answer must list patch, lowercase.',
          'zh-CN': '发送小写的 patch，并让脚本读到响应：预检响应必须列出小写的 patch。',
        },
        (s) => readWith('patch')(s) && refusedByNode(s),
      ),
    },
  ],
  realServers: {
    en: 'Express and Fastify never see a custom VIEW or a lowercase patch: Node\'s parser answers 400 without CORS headers first, so the browser reports a CORS error after a preflight that passed. Servers with a more lenient parser hand them to their CORS middleware, which compares them with its list; django-cors-headers\' list is CORS_ALLOW_METHODS (its README extends default_methods with a custom method, POKE). In scripts, write PATCH in capitals; on servers, list methods exactly as clients send them, and prefer a short list to *.',
    'zh-CN': 'Express 和 Fastify 根本看不到自定义的 VIEW 或小写的 patch：Node 的解析器会先回答 400 且不带 CORS 头，于是在预检已经通过之后，浏览器依然报告 CORS 错误。解析器更宽松的服务器会把这些请求交给 CORS 中间件，由它和自己的列表比较；django-cors-headers 的列表就是 CORS_ALLOW_METHODS（它的 README 示例在 default_methods 基础上加了一个自定义方法 POKE）。在脚本里，请把 PATCH 写成大写；在服务器上，按客户端实际发送的写法列出方法，并尽量用简短的列表而不是 *。',
  },
};

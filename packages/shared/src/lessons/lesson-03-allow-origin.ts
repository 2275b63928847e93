/**
 * Lesson 3: the values of Access-Control-Allow-Origin. `*`, a list the server
 * picks one origin from, reflecting the Origin, and `Vary: Origin` for caches
 * (fetch.spec.whatwg.org/#cors-protocol-and-http-caches).
 */
import { header, listedIn, scriptRead, sent } from './checks.ts';
import type { Lesson, SendEvidence } from './types.ts';

/** What server01 answered in Access-Control-Allow-Origin on the actual request. */
const allowOrigin = (s: SendEvidence): string | undefined => header(s.actual?.response.headers, 'Access-Control-Allow-Origin');

export const allowOriginLesson: Lesson = {
  id: 'allow-origin',
  title: { en: 'Access-Control-Allow-Origin: *, a list, or the Origin itself', 'zh-CN': 'Access-Control-Allow-Origin：*、列表，还是回显 Origin' },
  summary: {
    en: 'One header, one value: any origin, the one the server picked from its list, or whatever Origin arrived; and why Vary: Origin matters to caches.',
    'zh-CN': '一个响应头只能有一个值：任意源、服务器从列表里挑出的那个源，或者原样回显收到的 Origin；以及 Vary: Origin 对缓存为什么重要。',
  },
  steps: [
    {
      id: 'any-origin',
      title: { en: '*: every origin may read', 'zh-CN': '*：任何源都可以读取' },
      text: {
        en: '`Access-Control-Allow-Origin: *` tells the browser that any page, from any site, may read this response. It fits public data: fonts, open APIs, files anyone could download anyway. It is the same answer for every origin, so a cache may keep one copy for everyone.\n\nOne limit: `*` never works together with credentials (cookies, HTTP authentication); for those the server must name the origin.',
        'zh-CN': '`Access-Control-Allow-Origin: *` 告诉浏览器：任何网站的任何页面都可以读取这个响应。它适合公开数据：字体、开放 API、本来谁都能下载的文件。对所有源都是同一个回答，所以缓存可以为所有人只存一份。\n\n有一个限制：`*` 永远不能和凭据（Cookie、HTTP 认证）一起使用；带凭据时，服务器必须写出具体的源。',
      },
      tryThis: [
        { en: 'Set Access-Control-Allow-Origin to * and send.', 'zh-CN': '把 Access-Control-Allow-Origin 设为 *，然后发送。' },
        { en: 'Open the actual request and find Access-Control-Allow-Origin: * among the response headers.', 'zh-CN': '展开实际请求，在响应头中找到 Access-Control-Allow-Origin: *。' },
      ],
      preset: { request: { api: 'fetch', method: 'GET', url: '{server01}/getData.html' } },
      check: sent(
        { en: 'Allow the origin * and send the GET, so the script reads the answer.', 'zh-CN': '允许源 *，然后发送 GET，让脚本读到响应。' },
        (s) => scriptRead(s) && s.tone === 'allowed' && allowOrigin(s) === '*',
      ),
    },
    {
      id: 'list-picks-one',
      title: { en: 'A list: the server picks one origin', 'zh-CN': '列表：服务器只挑出一个源' },
      text: {
        en: 'server01 now serves one other front end, `https://app.example.com`. Send: your page\'s origin is not in the list, so server01 sends no `Access-Control-Allow-Origin` and the browser hides the answer.\n\nA server with several front ends cannot send them all: `Access-Control-Allow-Origin: https://app.example.com, http://{host}:8100` is not one origin, and the browser refuses it. The header takes exactly one origin or `*`. So the server compares the request\'s `Origin` with its list and sends back the one entry that matches, or nothing.\n\nAdd the page\'s origin, `http://{host}:8100`, as a second line of the list and send again.',
        'zh-CN': '现在 server01 只服务另一个前端：`https://app.example.com`。发送请求：页面的源不在列表里，所以 server01 不发送 `Access-Control-Allow-Origin`，浏览器不让脚本读取响应。\n\n服务器有多个前端时，不能把它们全部写进去：`Access-Control-Allow-Origin: https://app.example.com, http://{host}:8100` 不是“一个源”，浏览器会拒绝。这个响应头只能是一个源或 `*`。所以服务器要拿请求的 `Origin` 和自己的列表比较，把匹配的那一项原样发回去；没有匹配就什么也不发。\n\n把页面的源 `http://{host}:8100` 加到列表的第二行，再发送一次。',
      },
      tryThis: [
        { en: 'Send once as it is: blocked, and the response has no Access-Control-Allow-Origin.', 'zh-CN': '先按现状发送一次：被拦截，响应里没有 Access-Control-Allow-Origin。' },
        { en: 'Add http://{host}:8100 under https://app.example.com in Allowed origins and send: the answer names only your origin.', 'zh-CN': '在“允许的源”里 https://app.example.com 的下一行加上 http://{host}:8100，然后发送：响应只写出你的源。' },
        {
          en: 'Curious? In raw mode send `Access-Control-Allow-Origin: https://app.example.com, http://{host}:8100` on the actual answer: the browser blocks it.',
          'zh-CN': '想验证一下？在原始模式下，让实际响应发送 `Access-Control-Allow-Origin: https://app.example.com, http://{host}:8100`：浏览器会拦截。',
        },
      ],
      preset: { request: { api: 'fetch', method: 'GET', url: '{server01}/getData.html' }, policy: { allowOrigin: 'list', originList: ['https://app.example.com'] } },
      check: sent(
        {
          en: 'Keep https://app.example.com in the list, add http://{host}:8100, and send: the answer must name only your origin.',
          'zh-CN': '保留列表里的 https://app.example.com，再加上 http://{host}:8100，然后发送：响应里必须只写出你的源。',
        },
        (s) => scriptRead(s) && s.tone === 'allowed' && s.policy.allowOrigin === 'list' && s.policy.originList.length >= 2 && allowOrigin(s) === s.pageOrigin,
      ),
    },
    {
      id: 'reflect-vary',
      title: { en: 'Reflecting the Origin, and Vary: Origin', 'zh-CN': '回显 Origin，以及 Vary: Origin' },
      text: {
        en: 'Now server01 reflects: it copies whatever `Origin` arrives into `Access-Control-Allow-Origin`. Every site passes, exactly as with `*`, but the answer looks like a careful one, and unlike `*` it even passes with credentials. Reflecting without checking a list is a classic misconfiguration.\n\nWhenever the answer depends on `Origin` (a list or reflecting), it must also say `Vary: Origin`. Without it a shared cache (a CDN, a proxy) or the browser\'s HTTP cache may keep the answer made for one origin and hand it to another: that page sees a foreign origin, or no header at all, and is blocked although the server would have allowed it. `*` needs no `Vary`: it is the same for everyone.\n\nSend once without `Vary`, then tick Vary: Origin and send again.',
        'zh-CN': '现在 server01 采用回显：收到什么 `Origin`，就把它原样写进 `Access-Control-Allow-Origin`。任何网站都能通过，效果和 `*` 一样，但响应看上去像是经过了仔细检查；而且和 `*` 不同，它连带凭据的请求也放行。不检查列表就回显，是一种典型的错误配置。\n\n只要响应取决于 `Origin`（列表或回显），就必须同时发送 `Vary: Origin`。否则共享缓存（CDN、代理）或浏览器的 HTTP 缓存可能把为某个源生成的响应交给另一个源：那个页面看到的是别人的源，或者根本没有这个头，于是被拦截，尽管服务器本来会允许它。`*` 不需要 `Vary`：它对所有人都一样。\n\n先在没有 `Vary` 的情况下发送一次，然后勾选 Vary: Origin，再发送一次。',
      },
      tryThis: [
        { en: 'Send: Access-Control-Allow-Origin is your own origin, copied from the request.', 'zh-CN': '发送：Access-Control-Allow-Origin 就是你的源，从请求里复制过来的。' },
        { en: 'Tick Vary: Origin, send again, and find Vary: Origin among the response headers.', 'zh-CN': '勾选 Vary: Origin，再发送一次，在响应头中找到 Vary: Origin。' },
      ],
      preset: { request: { api: 'fetch', method: 'GET', url: '{server01}/getData.html' }, policy: { allowOrigin: 'reflect' } },
      check: sent(
        {
          en: 'Send with an answer that names your origin (not *) and says Vary: Origin: tick Vary: Origin in the policy.',
          'zh-CN': '发送一个写出你的源（而不是 *）并带有 Vary: Origin 的请求：在策略中勾选 Vary: Origin。',
        },
        (s) => scriptRead(s) && s.tone === 'allowed' && allowOrigin(s) === s.pageOrigin && listedIn(s.actual?.response.headers, 'Vary').includes('origin'),
      ),
    },
  ],
  realServers: {
    en: 'Libraries do the picking for you: django-cors-headers with CORS_ALLOWED_ORIGINS, cors for Express with `origin: [...]`, @fastify/cors likewise; each sends back the one origin that matched, and django-cors-headers and cors add Vary: Origin. Reflecting is one setting away: `origin: true` in cors, flask-cors\'s default (`origins="*"` without `send_wildcard` echoes the Origin), or `add_header Access-Control-Allow-Origin $http_origin` in nginx, where you must also add `Vary: Origin` yourself. Prefer an explicit list.',
    'zh-CN': '各种库会替你完成“挑选”：django-cors-headers 的 CORS_ALLOWED_ORIGINS、Express 的 cors 的 `origin: [...]`、@fastify/cors 都一样，只发回匹配的那一个源，django-cors-headers 和 cors 还会加上 Vary: Origin。回显也只差一个设置：cors 的 `origin: true`、flask-cors 的默认行为（`origins="*"` 而不设 `send_wildcard` 时会回显 Origin），或 nginx 里的 `add_header Access-Control-Allow-Origin $http_origin`，后者还需要你自己加上 `Vary: Origin`。尽量使用明确的列表。',
  },
};

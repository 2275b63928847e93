/**
 * Lesson 13: CORS vs JSONP. The same data through a `<script>` element: no
 * Origin, no preflight, no CORS (a no-cors request,
 * fetch.spec.whatwg.org/#concept-request-mode); GET only; and whatever the
 * server sends runs in the page. Then the same data with fetch and CORS.
 */
import { DATA_BODY } from '../ports.ts';
import { header, leastPermissive, noCredentials, onlyPageOrigin, pathOf, scriptRead, sent } from './checks.ts';
import type { Lesson, SendEvidence } from './types.ts';

const JSONP_URL = '{server01}/data.jsonp?callback=?';

/** What the callback received, parsed; undefined when the send was no script load or the callback was never called. */
export function callbackData(s: SendEvidence): unknown {
  if (s.result.kind !== 'script' || s.result.received === null) return undefined;
  try {
    return JSON.parse(s.result.received) as unknown;
  } catch {
    return undefined;
  }
}

/** The callback got server01's data: `{ "data": "server----001" }`. */
const gotData = (s: SendEvidence): boolean => {
  const data = callbackData(s);
  return typeof data === 'object' && data !== null && (data as { data?: unknown }).data === DATA_BODY;
};

/** A script element loaded /data.jsonp as server01 saw it: a GET, no Origin, no preflight. */
const loadedByScript = (s: SendEvidence): boolean =>
  s.request.api === 'script' &&
  pathOf(s.request.url) === '/data.jsonp' &&
  s.preflight === null &&
  s.actual !== null &&
  s.actual.request.method === 'GET' &&
  header(s.actual.request.headers, 'Origin') === undefined;

/** The loaded script changed the page beyond calling back. */
const changedPage = (s: SendEvidence): boolean => s.result.kind === 'script' && (s.result.titleChanged !== null || s.result.elementsAdded > 0);

export const jsonpLesson: Lesson = {
  id: 'jsonp',
  title: { en: 'CORS vs JSONP', 'zh-CN': 'CORS 与 JSONP' },
  summary: {
    en: 'The same data through a script tag: no Origin, no preflight, no CORS. Why JSONP can only GET, why it hands the server control of your page, and the same data with fetch and CORS.',
    'zh-CN': '用 script 标签拿到同样的数据：没有 Origin，没有预检，也没有 CORS。为什么 JSONP 只能 GET，为什么它把页面的控制权交给了服务器，以及如何用 fetch 和 CORS 拿到同样的数据。',
  },
  steps: [
    {
      id: 'script-tag',
      title: { en: 'The same data through a script tag', 'zh-CN': '用 script 标签拿到同样的数据' },
      text: {
        en: 'Before CORS, pages read other sites\' data with JSONP. A page may always load a script from anywhere, so it defines a function, say `handleData`, and adds `<script src="…/data.jsonp?callback=handleData">`. The server answers with JavaScript, `handleData({"data":"server----001"})`, and the browser runs it: the function receives the data.\n\nserver01\'s policy is empty, as in the classic demo where fetch was blocked. The sender is "script tag (JSONP)": the page replaces `callback=?` with a function name made for this send, and removes the function and the element afterwards. Send, then open the actual request: no `Origin` header, no preflight, and `Sec-Fetch-Mode: no-cors`, `Sec-Fetch-Dest: script`. No CORS check ran at all.',
        'zh-CN': '在 CORS 出现之前，页面用 JSONP 读取其他网站的数据。页面随时可以从任何地方加载脚本，于是它先定义一个函数，比如 `handleData`，再加上 `<script src="…/data.jsonp?callback=handleData">`。服务器返回一段 JavaScript：`handleData({"data":"server----001"})`，浏览器执行它，函数就收到了数据。\n\nserver01 的策略是空的，和经典示例中 fetch 被拦截时一样。发送方式选的是“script 标签（JSONP）”：页面会把 `callback=?` 换成为这次发送生成的函数名，结束后再删掉这个函数和元素。发送，然后展开实际请求：没有 `Origin` 请求头，没有预检，只有 `Sec-Fetch-Mode: no-cors` 和 `Sec-Fetch-Dest: script`。根本没有进行任何 CORS 检查。',
      },
      tryThis: [
        { en: 'Send, and read "In the page": the callback received the data.', 'zh-CN': '发送，看看“页面中”那一栏：回调函数收到了数据。' },
        { en: 'Open the actual request: no Origin, and no Access-Control-Allow-Origin in the answer.', 'zh-CN': '展开实际请求：没有 Origin，响应里也没有 Access-Control-Allow-Origin。' },
      ],
      preset: { request: { api: 'script', url: JSONP_URL } },
      check: sent(
        {
          en: 'Load /data.jsonp with the script tag while the policy sends no CORS headers, so the callback receives the data.',
          'zh-CN': '在策略不发送任何 CORS 头的情况下，用 script 标签加载 /data.jsonp，让回调函数收到数据。',
        },
        (s) => loadedByScript(s) && gotData(s) && header(s.actual?.response.headers, 'Access-Control-Allow-Origin') === undefined,
      ),
    },
    {
      id: 'get-only',
      title: { en: 'GET only: no method, headers or body', 'zh-CN': '只能 GET：不能选方法、请求头或请求体' },
      text: {
        en: 'With the script tag chosen, the builder greys out the method and hides headers and body: a `<script>` element can only GET its URL. It cannot `PUT` a change, send `Authorization` or post JSON, and it cannot read the status or the headers of the answer either.\n\nSo switch the sender to fetch and ask for more: the method `PUT`, or a header such as `X-Custom-Header`. Send it to the same URL. The browser now asks server01 first with an `OPTIONS` preflight, and with the empty policy the `PUT` never leaves the browser. Once a request is more than a script tag can do, CORS decides.',
        'zh-CN': '选中 script 标签后，请求构建器会把方法变灰，并隐藏请求头和请求体：`<script>` 元素只能 GET 它的 URL。它不能 `PUT` 一次修改，不能发送 `Authorization`，也不能提交 JSON，而且连响应的状态码和响应头都读不到。\n\n那就把发送方式切换到 fetch，提出更多要求：方法改成 `PUT`，或者加一个请求头，比如 `X-Custom-Header`。发往同一个 URL。这时浏览器会先用 `OPTIONS` 预检请求询问 server01，而在空策略下，`PUT` 根本不会离开浏览器。一旦请求超出了 script 标签能做的范围，就轮到 CORS 来决定。',
      },
      tryThis: [
        { en: 'Look at the builder: with the script tag, Method is fixed to GET.', 'zh-CN': '看看请求构建器：选了 script 标签时，方法固定为 GET。' },
        { en: 'Choose fetch, set Method to PUT and send: a preflight, then nothing.', 'zh-CN': '选 fetch，把方法改成 PUT 并发送：先是一次预检，然后就没有下文了。' },
      ],
      preset: { request: { api: 'script', url: JSONP_URL } },
      check: sent(
        {
          en: 'Send to /data.jsonp with fetch or XMLHttpRequest using PUT (or a custom header), so server01 receives a preflight first.',
          'zh-CN': '用 fetch 或 XMLHttpRequest 以 PUT（或带一个自定义请求头）发往 /data.jsonp，让 server01 先收到一次预检。',
        },
        (s) => s.request.api !== 'script' && pathOf(s.request.url) === '/data.jsonp' && s.preflight !== null && s.preflight.request.method === 'OPTIONS',
      ),
    },
    {
      id: 'evil',
      title: { en: 'The server runs code in your page', 'zh-CN': '服务器在你的页面里运行代码' },
      text: {
        en: 'A JSONP answer is not data: it is a program, and the browser runs it with your page\'s full powers. Nothing makes the server stop at calling your function. Here `evil=1` plays a server that was hacked or turned greedy: it still hands your callback the same data, and it also changes the page\'s title and adds a banner.\n\nIt could as well read what the page holds (its `localStorage`, cookies that are not `HttpOnly`, what you type) and send it anywhere. Send, and watch the page; then compare what server01 sent with what your callback received.',
        'zh-CN': 'JSONP 的响应不是数据，而是一段程序，浏览器会以你页面的全部权限运行它。没有任何东西能让服务器只调用你的函数就停手。这里的 `evil=1` 扮演一台被黑或者起了贪心的服务器：它照样把同样的数据交给你的回调函数，同时还改了页面标题，加了一条横幅。\n\n它同样可以读取页面里的东西（`localStorage`、不是 `HttpOnly` 的 Cookie、你输入的内容），再发到任何地方。发送，看看页面的变化；然后对比 server01 发来的内容和回调函数收到的内容。',
      },
      tryThis: [
        { en: 'Send: a banner appears at the top and the tab\'s title changes.', 'zh-CN': '发送：页面顶部出现一条横幅，标签页的标题也变了。' },
        { en: 'Open the actual request\'s response body: far more than a function call.', 'zh-CN': '展开实际请求的响应体：远不止一次函数调用。' },
      ],
      preset: { request: { api: 'script', url: `${JSONP_URL}&evil=1` } },
      check: sent(
        {
          en: 'Load /data.jsonp?callback=?&evil=1 with the script tag, so the callback receives the data and the script changes the page.',
          'zh-CN': '用 script 标签加载 /data.jsonp?callback=?&evil=1，让回调函数收到数据，同时脚本修改了页面。',
        },
        (s) => loadedByScript(s) && gotData(s) && changedPage(s),
      ),
    },
    {
      id: 'fetch-cors',
      challenge: true,
      title: { en: 'The same data with fetch and CORS', 'zh-CN': '用 fetch 和 CORS 拿到同样的数据' },
      text: {
        en: 'With fetch the answer is data, never code: `await res.text()` gives `server----001` and nothing runs. server01 decides who may read it with `Access-Control-Allow-Origin`, your page decides what to do with it, and fetch can use any method, header and body the policy allows.\n\nThe challenge: let this page read `/getData.html` with fetch, with the least permissive policy: only `{page}`, no `*`, no reflecting, no credentials.',
        'zh-CN': '用 fetch 时，响应是数据，而不是代码：`await res.text()` 得到 `server----001`，什么也不会被执行。server01 用 `Access-Control-Allow-Origin` 决定谁可以读取，你的页面决定怎么处理它；而且只要策略允许，fetch 可以使用任何方法、请求头和请求体。\n\n挑战：用最严格的策略让这个页面用 fetch 读取 `/getData.html`：只允许 `{page}`，不用 `*`，不回显，不允许凭据。',
      },
      tryThis: [
        { en: 'Send first: blocked, as in the classic demo.', 'zh-CN': '先发送一次：被拦截，和经典示例一样。' },
        { en: 'Choose "the request\'s Origin, if in a list", add {page}, and send again.', 'zh-CN': '选择“请求的 Origin（若在列表中）”，加上 {page}，再发送一次。' },
      ],
      preset: { request: { api: 'fetch', method: 'GET', url: '{server01}/getData.html' } },
      check: leastPermissive(
        {
          todo: {
            en: 'Let the page read /getData.html with fetch: allow exactly its origin in Access-Control-Allow-Origin.',
            'zh-CN': '让页面用 fetch 读取 /getData.html：在 Access-Control-Allow-Origin 中只允许它自己的源。',
          },
          tooLoose: {
            en: 'That works, but the policy allows more than needed: list only this page\'s origin, without * or reflecting, and without credentials.',
            'zh-CN': '这样可以，但策略放开得超出了需要：只列出这个页面的源，不用 * 也不回显，并且不允许凭据。',
          },
        },
        (s) => s.request.api !== 'script' && pathOf(s.request.url) === '/getData.html' && scriptRead(s) && s.tone === 'allowed' && s.result.kind === 'response' && s.result.body === DATA_BODY,
        (p, s) => onlyPageOrigin(p, s.pageOrigin) && noCredentials(p),
      ),
    },
  ],
  realServers: {
    en: 'Express has res.jsonp(data): it reads ?callback= (the "jsonp callback name" setting), strips every character but letters, digits, $, _, . and brackets, prefixes /**/ against the Rosetta Flash attack, wraps the call in a typeof check and sends X-Content-Type-Options: nosniff. Django has nothing built in (JsonResponse is JSON only), so JSONP there is hand-written, and hand-written callbacks are where reflected-script holes come from. jQuery\'s $.ajax({ dataType: \'jsonp\' }) does what this lab\'s sender does: a generated callback=jQuery… name and a script tag, with no status, no headers, and errors only by timeout. Browsers now push back: CORB and its successor ORB refuse no-cors answers that look like JSON, HTML or XML, so JSONP must be served as JavaScript; a Content-Security-Policy script-src must list the JSONP host, and a JSONP endpoint on an allowed host is a well-known CSP bypass. A script tag with the crossorigin attribute is no longer no-cors: it sends Origin and needs Access-Control-Allow-Origin. JSONP is deprecated: GET only, no error handling, the provider runs code in your page, and an endpoint that answers with the user\'s cookies hands their data to any site that includes it (cross-site script inclusion). Use fetch with CORS.',
    'zh-CN': 'Express 提供 res.jsonp(data)：它读取 ?callback=（由 “jsonp callback name” 设置决定），去掉字母、数字、$、_、. 和方括号以外的所有字符，加上 /**/ 前缀以防 Rosetta Flash 攻击，用 typeof 检查包住调用，并发送 X-Content-Type-Options: nosniff。Django 没有内置 JSONP（JsonResponse 只输出 JSON），只能手写，而手写的回调处理正是反射型脚本漏洞的来源。jQuery 的 $.ajax({ dataType: \'jsonp\' }) 做的事和本实验的发送方式一样：生成一个 callback=jQuery… 的名字，插入 script 标签；拿不到状态码和响应头，出错只能靠超时发现。浏览器也在收紧：CORB 及其后继者 ORB 会拒绝看起来像 JSON、HTML 或 XML 的 no-cors 响应，所以 JSONP 必须以 JavaScript 的形式提供；Content-Security-Policy 的 script-src 必须列出 JSONP 的主机，而被允许的主机上的 JSONP 接口是众所周知的 CSP 绕过手段。带 crossorigin 属性的 script 标签不再是 no-cors：它会发送 Origin，并需要 Access-Control-Allow-Origin。JSONP 已被弃用：只能 GET，没有错误处理，提供方会在你的页面里运行代码，而一个带着用户 Cookie 应答的接口会把用户的数据交给任何引用它的网站（跨站脚本包含，XSSI）。请改用 fetch 和 CORS。',
  },
};

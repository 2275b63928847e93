/**
 * Lesson 4: which requests go straight out and which need a preflight
 * (fetch.spec.whatwg.org/#cors-safelisted-method, #cors-safelisted-request-header),
 * and what changed since the classic articles: Last-Event-ID is not safelisted, whatever they say.
 */
import { askedHeaders, askedMethod, header, scriptRead, sent } from './checks.ts';
import type { Lesson, SendEvidence } from './types.ts';

/** The request went out with no preflight at all, not even one the cache answered. */
const noPreflight = (s: SendEvidence): boolean => s.actual !== null && s.preflight === null && !s.preflightFromCache;

/** Content-Type's essence (type/subtype, lowercased) as server01 received it on the actual request. */
const contentType = (s: SendEvidence): string | undefined => header(s.actual?.request.headers, 'Content-Type')?.split(';')[0]?.trim().toLowerCase();

const STAR = { allowOrigin: '*' } as const;

export const simpleOrPreflightedLesson: Lesson = {
  id: 'simple-or-preflighted',
  title: { en: 'Simple or preflighted?', 'zh-CN': '简单请求，还是预检请求？' },
  summary: {
    en: 'GET, HEAD and POST with a few safelisted headers go straight out; anything else is asked about first with OPTIONS. application/json is not simple, and Last-Event-ID is not either, whatever old articles say.',
    'zh-CN': '只带少数安全列表请求头的 GET、HEAD、POST 会直接发出；其他请求都要先用 OPTIONS 询问。application/json 不算简单请求；不管旧文章怎么说，Last-Event-ID 也不算。',
  },
  steps: [
    {
      id: 'simple-post',
      title: { en: 'A simple POST: no preflight', 'zh-CN': '简单的 POST：没有预检' },
      text: {
        en: 'A request is "simple" (no preflight) when its method is GET, HEAD or POST and every header the script sets is CORS-safelisted: `Accept`, `Accept-Language`, `Content-Language`, `Range` with one simple range, and `Content-Type` only as `text/plain`, `application/x-www-form-urlencoded` or `multipart/form-data`. These are the requests an HTML form could always send, so a preflight would protect nothing.\n\nThe request is a POST with `Content-Type: text/plain`. Send it: the timeline shows only the POST, no OPTIONS. The POST reaches server01 and runs, whatever the CORS headers say: CORS only decides whether the script may read the answer.',
        'zh-CN': '方法是 GET、HEAD 或 POST，并且脚本设置的每个请求头都在 CORS 安全列表中（`Accept`、`Accept-Language`、`Content-Language`、只含一个简单区间的 `Range`，以及取值只能是 `text/plain`、`application/x-www-form-urlencoded` 或 `multipart/form-data` 的 `Content-Type`），这样的请求就是“简单请求”，没有预检。这些请求 HTML 表单一直都能发送，所以预检也保护不了什么。\n\n当前请求是带 `Content-Type: text/plain` 的 POST。发送它：时间线里只有这个 POST，没有 OPTIONS。不管 CORS 头怎么写，POST 都会到达 server01 并被执行：CORS 只决定脚本能不能读取响应。',
      },
      tryThis: [
        { en: 'Send and check that no preflight appears in the entry.', 'zh-CN': '发送，确认时间线条目里没有预检请求。' },
        { en: 'Set Allow-Origin back to none and send again: blocked, yet server01 received and answered the POST.', 'zh-CN': '把 Allow-Origin 改回“无”再发送：被拦截了，但 server01 照样收到并应答了这个 POST。' },
      ],
      preset: { request: { api: 'fetch', method: 'POST', url: '{server01}/getData.html', headers: [{ name: 'Content-Type', value: 'text/plain' }], body: 'hello' }, policy: STAR },
      check: sent(
        { en: 'Send the POST with Content-Type: text/plain and see it go out without a preflight.', 'zh-CN': '发送带 Content-Type: text/plain 的 POST，看到它没有经过预检就直接发出。' },
        (s) => noPreflight(s) && s.actual?.request.method === 'POST',
      ),
    },
    {
      id: 'other-method',
      title: { en: 'Any other method is asked about first', 'zh-CN': '其他方法都要先询问' },
      text: {
        en: 'A form can only GET and POST, so every other method (DELETE, PUT, PATCH, your own) could surprise a server written before CORS. The browser asks first: an `OPTIONS` request with `Access-Control-Request-Method: DELETE`. The DELETE itself goes out only if the answer allows it.\n\nSend the DELETE. server01 allows the origin `*` but lists no methods, so the browser stops after the OPTIONS: the DELETE never reaches server01.',
        'zh-CN': '表单只能发 GET 和 POST，所以其他方法（DELETE、PUT、PATCH 或自定义方法）可能会让 CORS 出现之前写的服务器措手不及。浏览器会先询问：发送一个带 `Access-Control-Request-Method: DELETE` 的 `OPTIONS` 请求。只有响应允许，DELETE 本身才会发出。\n\n发送这个 DELETE。server01 允许源 `*`，但没有列出任何方法，所以浏览器在 OPTIONS 之后就停下了：DELETE 根本没有到达 server01。',
      },
      tryThis: [
        { en: 'Open the preflight and find Access-Control-Request-Method: DELETE.', 'zh-CN': '展开预检请求，找到 Access-Control-Request-Method: DELETE。' },
        { en: 'Add DELETE to Access-Control-Allow-Methods and send again: OPTIONS, then DELETE.', 'zh-CN': '把 DELETE 加到 Access-Control-Allow-Methods 里再发送：先 OPTIONS，后 DELETE。' },
        { en: 'Switch to HEAD: no preflight.', 'zh-CN': '换成 HEAD：没有预检。' },
      ],
      preset: { request: { api: 'fetch', method: 'DELETE', url: '{server01}/getData.html' }, policy: STAR },
      check: sent(
        { en: 'Send the DELETE and find the preflight that asked for it.', 'zh-CN': '发送 DELETE，找到为它发出的预检请求。' },
        (s) => askedMethod(s) === 'DELETE',
      ),
    },
    {
      id: 'json',
      title: { en: 'application/json needs a preflight', 'zh-CN': 'application/json 需要预检' },
      text: {
        en: 'The same POST with `Content-Type: application/json` is no longer simple: a form cannot send that type. The browser sends an `OPTIONS` with `Access-Control-Request-Headers: content-type`, and the server must answer `Access-Control-Allow-Headers: Content-Type` (names compare case-insensitively).\n\nChange the Content-Type to `application/json` and send: blocked at the preflight. Then allow the header and send again.',
        'zh-CN': '同样的 POST，改成 `Content-Type: application/json` 就不再是简单请求了：表单发不出这种类型。浏览器会发送带 `Access-Control-Request-Headers: content-type` 的 `OPTIONS`，服务器必须回答 `Access-Control-Allow-Headers: Content-Type`（名称比较不区分大小写）。\n\n把 Content-Type 改成 `application/json` 并发送：在预检阶段被拦截。然后允许这个请求头，再发送一次。',
      },
      tryThis: [
        { en: 'Change the header value to application/json and send: the OPTIONS asks for content-type.', 'zh-CN': '把请求头的值改成 application/json 并发送：OPTIONS 询问的是 content-type。' },
        { en: 'Put Content-Type in Access-Control-Allow-Headers and send again.', 'zh-CN': '在 Access-Control-Allow-Headers 中填入 Content-Type，再发送一次。' },
        { en: 'Try `text/plain;charset="utf-8"`: the quote character makes even text/plain unsafe.', 'zh-CN': '试试 `text/plain;charset="utf-8"`：引号字符让 text/plain 也变得不安全了。' },
      ],
      preset: { request: { api: 'fetch', method: 'POST', url: '{server01}/getData.html', headers: [{ name: 'Content-Type', value: 'text/plain' }], body: '{"lesson":4}' }, policy: STAR },
      check: sent(
        {
          en: 'Send the POST with Content-Type: application/json and let the script read the answer: allow Content-Type in Access-Control-Allow-Headers.',
          'zh-CN': '发送 Content-Type 为 application/json 的 POST，并让脚本读到响应：在 Access-Control-Allow-Headers 中允许 Content-Type。',
        },
        (s) => scriptRead(s) && s.tone === 'allowed' && askedHeaders(s).includes('content-type') && contentType(s) === 'application/json',
      ),
    },
    {
      id: 'last-event-id',
      title: { en: 'Since the classic articles: Last-Event-ID is not safelisted', 'zh-CN': '与经典文章不同：Last-Event-ID 不在安全列表中' },
      text: {
        en: 'Classic articles from the early CORS years (HTML5 Rocks\' "Using CORS", for one) list `Last-Event-ID` among the simple headers. The Fetch standard, which defines CORS today, does not, and Chromium follows it: a GET with `Last-Event-ID` is preflighted. (A proposal to safelist it again, whatwg/fetch#1788, is still open; until browsers ship it, expect a preflight.)\n\nOther changes the old lists miss: a safelisted value may be at most 128 bytes, and all of them together at most 1024; an `Accept` or `Content-Type` value with a character such as `"`, `(` or `{` is unsafe; `Range` with one simple range is safelisted now. Chromium still safelists a few client hints (`DPR`, `Width`, `Save-Data`…) that the standard once listed and dropped. When in doubt, send it here and look.\n\nSend the GET with `Last-Event-ID: 42`.',
        'zh-CN': 'CORS 早期的经典文章（例如 HTML5 Rocks 的《Using CORS》）把 `Last-Event-ID` 列为简单请求头。如今定义 CORS 的 Fetch 标准并没有把它列入，Chromium 也照此实现：带 `Last-Event-ID` 的 GET 会触发预检。（把它重新加入安全列表的提案 whatwg/fetch#1788 仍未合并；在浏览器真正实现之前，它都会触发预检。）\n\n旧列表里没有提到的其他变化：每个安全列表请求头的值最多 128 字节，全部加起来最多 1024 字节；`Accept` 或 `Content-Type` 的值如果含有 `"`、`(`、`{` 等字符就不安全；只含一个简单区间的 `Range` 现在也在安全列表中。Chromium 仍把几个客户端提示（`DPR`、`Width`、`Save-Data` 等）视为安全，而标准曾经列过它们、后来又删掉了。拿不准的时候，就在这里发一次看看。\n\n发送这个带 `Last-Event-ID: 42` 的 GET。',
      },
      tryThis: [
        { en: 'Send and find last-event-id in the preflight\'s Access-Control-Request-Headers.', 'zh-CN': '发送，在预检请求的 Access-Control-Request-Headers 中找到 last-event-id。' },
        { en: 'Replace it with `Range: bytes=0-99`: no preflight.', 'zh-CN': '换成 `Range: bytes=0-99`：没有预检。' },
      ],
      preset: { request: { api: 'fetch', method: 'GET', url: '{server01}/getData.html', headers: [{ name: 'Last-Event-ID', value: '42' }] }, policy: STAR },
      check: sent(
        { en: 'Send a GET with Last-Event-ID and find the preflight that asks for it.', 'zh-CN': '发送带 Last-Event-ID 的 GET，找到询问它的预检请求。' },
        (s) => askedHeaders(s).includes('last-event-id'),
      ),
    },
  ],
  realServers: {
    en: 'The browser decides whether to preflight; the server only has to answer OPTIONS. Many stacks do not: without a CORS middleware, an API framework often answers OPTIONS with 404 or 405, and every preflight fails. CORS libraries (django-cors-headers, cors for Express, @fastify/cors) answer it themselves. And remember the simple POST in step 1: it runs on the server even when the script may not read the answer, so CORS is no protection against cross-site requests. An API that accepts JSON sent as text/plain can be called by any page; check Content-Type and use CSRF protection.',
    'zh-CN': '要不要预检由浏览器决定，服务器只需要应答 OPTIONS。可很多技术栈并不应答：没有 CORS 中间件时，API 框架往往对 OPTIONS 返回 404 或 405，于是所有预检都失败。CORS 库（django-cors-headers、Express 的 cors、@fastify/cors）会自己应答它。另外别忘了第 1 步的简单 POST：即使脚本不能读取响应，它也已经在服务器上执行了，所以 CORS 防不了跨站请求。一个接受以 text/plain 发送 JSON 的 API，任何页面都能调用；请检查 Content-Type，并使用 CSRF 防护。',
  },
};

/**
 * Lesson 10: conditional requests across origins (RFC 9110 §13). ETag and
 * Last-Modified; If-None-Match gives 304; a stale If-Match gives 412. Across
 * origins, If-Match needs Access-Control-Allow-Headers, reading ETag needs
 * Access-Control-Expose-Headers, and a conditional request skips Chromium's
 * preflight cache (request-classification.ts, CONDITIONAL_HEADERS).
 * server01's /resource.json: apps/server01/src/conditional-resource.ts.
 */
import { all, leastPermissive, noCredentials, onlyHeaders, onlyMethods, onlyPageOrigin, pathOf, requestHeader, scriptHeader, scriptRead, sends, sent } from './checks.ts';
import type { Lesson, SendEvidence } from './types.ts';

/** The script read server01's /resource.json answer to this method with this status. */
const readResource = (s: SendEvidence, method: string, status: number): boolean =>
  scriptRead(s) &&
  s.tone === 'allowed' &&
  s.result.kind === 'response' &&
  s.result.status === status &&
  s.actual?.request.method === method &&
  s.actual.response.status === status &&
  pathOf(s.request.url) === '/resource.json';

/** A GET that asks "only if it changed". */
const conditionalGet = (s: SendEvidence): boolean => requestHeader(s, 'If-None-Match') !== undefined || requestHeader(s, 'If-Modified-Since') !== undefined;

const withIfMatch = (s: SendEvidence): boolean => requestHeader(s, 'If-Match') !== undefined;

const readsEtag = (s: SendEvidence): boolean => scriptHeader(s, 'ETag') !== undefined;

const RESOURCE = '{server01}/resource.json';

export const conditionalLesson: Lesson = {
  id: 'conditional',
  title: { en: 'Conditional requests: ETag, 304 and 412', 'zh-CN': '条件请求：ETag、304 和 412' },
  summary: {
    en: 'ETag and Last-Modified across origins: If-None-Match gives 304, a stale If-Match gives 412; If-Match needs Allow-Headers, reading ETag needs Expose-Headers, and every conditional request is preflighted.',
    'zh-CN': '跨源场景下的 ETag 与 Last-Modified：If-None-Match 得到 304，过期的 If-Match 得到 412；If-Match 需要 Allow-Headers，读取 ETag 需要 Expose-Headers，而且每个条件请求都要预检。',
  },
  steps: [
    {
      id: 'validators',
      title: { en: 'ETag and Last-Modified', 'zh-CN': 'ETag 与 Last-Modified' },
      text: {
        en: 'server01\'s `/resource.json` is a small document with validators: `ETag` names its version (`"v1"`, `"v2"`…), `Last-Modified` its date. It also says `Cache-Control: no-store`, so the browser\'s own HTTP cache stays out of this lesson: only your script\'s conditional headers reach server01.\n\nSend the GET. The script reads the JSON and `Last-Modified`, a safelisted response header, but not `ETag`: it is on the wire, not in the script\'s view. Add `ETag` to Access-Control-Expose-Headers and send again: now the script holds the version it needs to ask "has it changed?" and "change it only if it is still this one".',
        'zh-CN': 'server01 的 `/resource.json` 是一个带验证器的小文档：`ETag` 标明它的版本（`"v1"`、`"v2"`……），`Last-Modified` 标明修改时间。它还返回 `Cache-Control: no-store`，让浏览器自己的 HTTP 缓存不参与这一课：到达 server01 的只有你的脚本设置的条件请求头。\n\n发送 GET。脚本能读到 JSON 和 `Last-Modified`（它在安全列表中），却读不到 `ETag`：它在网络上，但不在脚本的视野里。把 `ETag` 加到 Access-Control-Expose-Headers 再发送：现在脚本拿到了版本号，可以问“它变了吗？”，也可以说“只有它还是这个版本时才修改”。',
      },
      tryThis: [
        { en: 'Send: ETag is in the response headers on the wire, not among the headers the script can read.', 'zh-CN': '发送：ETag 出现在网络上的响应头里，却不在脚本可读的响应头里。' },
        { en: 'Add ETag to Access-Control-Expose-Headers and send again: note the ETag value for the next step.', 'zh-CN': '把 ETag 加到 Access-Control-Expose-Headers 再发送：记下 ETag 的值，下一步要用。' },
      ],
      preset: { request: { api: 'fetch', method: 'GET', url: RESOURCE }, policy: { allowOrigin: '*' } },
      check: sent(
        {
          en: 'Expose ETag and send the GET to /resource.json, so the script reads both ETag and Last-Modified.',
          'zh-CN': '暴露 ETag，并向 /resource.json 发送 GET，让脚本同时读到 ETag 和 Last-Modified。',
        },
        (s) => readResource(s, 'GET', 200) && readsEtag(s) && scriptHeader(s, 'Last-Modified') !== undefined,
      ),
    },
    {
      id: 'not-modified',
      title: { en: 'If-None-Match: 304 Not Modified', 'zh-CN': 'If-None-Match：304 未修改' },
      text: {
        en: 'To ask "send it only if it changed", a client sends the ETag it holds in `If-None-Match`. While it still matches, server01 answers `304 Not Modified` with no body: the copy the script holds is current, and the script sees status 304.\n\n`If-None-Match` is not a safelisted request header, so the request is preflighted, and the preflight must allow it: add `If-None-Match` to Access-Control-Allow-Headers. Put the ETag the script read in step 1 in the header\'s value (the setup guesses `"v1"`), and send twice. Both sends are preflighted, although Max-Age is 600: a request with a conditional header (`If-None-Match`, `If-Match`, `If-Modified-Since`…) gets the cache mode no-store, and Chromium then neither reads nor fills its preflight cache for it.',
        'zh-CN': '要表达“只有变了才发给我”，客户端把手里的 ETag 放进 `If-None-Match` 发送。只要还匹配，server01 就返回不带响应体的 `304 Not Modified`：脚本手里的副本仍是最新的，脚本看到的状态码是 304。\n\n`If-None-Match` 不是安全列表中的请求头，所以请求要预检，而且预检必须允许它：把 `If-None-Match` 加到 Access-Control-Allow-Headers。把第 1 步中脚本读到的 ETag 填为这个请求头的值（预设猜的是 `"v1"`），然后发送两次。尽管 Max-Age 是 600，两次都经过了预检：带条件请求头（`If-None-Match`、`If-Match`、`If-Modified-Since`……）的请求，其缓存模式会变成 no-store，Chromium 因此既不读取、也不写入这个请求的预检缓存。',
      },
      tryThis: [
        { en: 'Send as it is: blocked at the preflight, which does not allow if-none-match.', 'zh-CN': '按现状发送：在预检阶段被拦截，因为预检响应不允许 if-none-match。' },
        { en: 'Allow If-None-Match, set its value to the current ETag, and send twice: two 304s, two OPTIONS.', 'zh-CN': '允许 If-None-Match，把它的值设为当前的 ETag，发送两次：两个 304，两个 OPTIONS。' },
        { en: 'Use If-Modified-Since with the Last-Modified value instead (allow it first): 304 as well.', 'zh-CN': '改用 If-Modified-Since 并填入 Last-Modified 的值（先允许它）：同样得到 304。' },
      ],
      preset: {
        request: { api: 'fetch', method: 'GET', url: RESOURCE, headers: [{ name: 'If-None-Match', value: '"v1"' }] },
        policy: { allowOrigin: '*', exposeHeaders: ['ETag'], maxAge: 600 },
      },
      check: sends(
        {
          en: 'Allow If-None-Match and send the GET with the current ETag twice: the script reads 304 both times, and each send has its own preflight although Max-Age is 600.',
          'zh-CN': '允许 If-None-Match，并带着当前的 ETag 发送两次 GET：脚本两次都读到 304，而且尽管 Max-Age 是 600，每次发送都有自己的预检。',
        },
        (all) => all.filter((s) => conditionalGet(s) && readResource(s, 'GET', 304) && s.preflight !== null && (s.policy.maxAge ?? 0) > 5).length >= 2,
      ),
    },
    {
      id: 'lost-update',
      title: { en: 'If-Match: no lost update', 'zh-CN': 'If-Match：避免更新丢失' },
      challenge: true,
      text: {
        en: 'To change the document without overwriting someone else\'s change, a client sends `PUT` with `If-Match` and the ETag it read. server01 takes the PUT only while that is the current version, and answers with the new ETag. Send the same PUT a second time: its `If-Match` is stale now, and server01 answers `412 Precondition Failed` with the current ETag, so the client can read the document again and retry. (A PUT without `If-Match` gets `428 Precondition Required`.)\n\nChallenge: this setup allows everything (`*` for origin, methods, headers and exposed headers). Make it work with the least: exactly the page\'s origin `http://{host}:8100`, exactly the method `PUT`, exactly the request header `If-Match`, and exactly `ETag` exposed, so the script reads the new version from the 200 and the current one from the 412. If the first PUT already answers 412, the document changed since `"v1"`: copy the ETag from that answer into `If-Match` and send again.',
        'zh-CN': '为了修改文档又不覆盖别人的修改，客户端发送带 `If-Match` 的 `PUT`，值是它读到的 ETag。只有当这仍是当前版本时，server01 才接受 PUT，并返回新的 ETag。把同一个 PUT 再发送一次：它的 `If-Match` 已经过期，server01 返回 `412 Precondition Failed` 并附上当前的 ETag，客户端可以重新读取文档后再试。（不带 `If-Match` 的 PUT 会得到 `428 Precondition Required`。）\n\n挑战：这个预设什么都允许（源、方法、请求头和暴露的响应头都是 `*`）。用最少的开放让它工作：只允许页面的源 `http://{host}:8100`，只允许方法 `PUT`，只允许请求头 `If-Match`，只暴露 `ETag`，让脚本从 200 中读到新版本、从 412 中读到当前版本。如果第一个 PUT 就得到 412，说明文档在 `"v1"` 之后已经改过：把那个响应里的 ETag 复制到 `If-Match` 中再发送。',
      },
      tryThis: [
        { en: 'Send twice as it is: 200 with a new ETag, then 412. It works, but the check says the policy allows too much.', 'zh-CN': '按现状发送两次：先是带新 ETag 的 200，然后是 412。能用，但检查提示策略开放得太多。' },
        { en: 'Narrow each field: the page\'s origin, PUT, If-Match, ETag. Then send the stale PUT again.', 'zh-CN': '逐项收紧：页面的源、PUT、If-Match、ETag。然后再发送一次过期的 PUT。' },
        { en: 'Remove the If-Match header and send: 428.', 'zh-CN': '删掉 If-Match 请求头再发送：428。' },
      ],
      preset: {
        request: { api: 'fetch', method: 'PUT', url: RESOURCE, headers: [{ name: 'If-Match', value: '"v1"' }], body: 'my edit' },
        policy: { allowOrigin: '*', allowMethods: ['*'], allowHeaders: ['*'], exposeHeaders: ['*'] },
      },
      check: all(
        sent(
          {
            en: 'Send the PUT with the current ETag in If-Match, so server01 answers 200 and the script reads the new ETag.',
            'zh-CN': '发送 If-Match 为当前 ETag 的 PUT，让 server01 返回 200，并让脚本读到新的 ETag。',
          },
          (s) => withIfMatch(s) && readResource(s, 'PUT', 200) && readsEtag(s),
        ),
        leastPermissive(
          {
            todo: {
              en: 'Send the PUT with the stale If-Match: the script should read 412 and the current ETag.',
              'zh-CN': '发送 If-Match 已过期的 PUT：脚本应当读到 412 和当前的 ETag。',
            },
            tooLoose: {
              en: 'The 412 reached the script, but the policy allows more than it needs: only http://{host}:8100, only PUT, only If-Match, only ETag exposed (no *, no credentials). Then send the stale PUT again.',
              'zh-CN': '脚本读到了 412，但策略开放得比需要的多：只允许 http://{host}:8100、只允许 PUT、只允许 If-Match、只暴露 ETag（不要 *，不要凭据）。然后再发送一次过期的 PUT。',
            },
          },
          (s) => withIfMatch(s) && readResource(s, 'PUT', 412) && readsEtag(s),
          (p, s) =>
            onlyPageOrigin(p, s.pageOrigin) &&
            onlyMethods(p, ['PUT']) &&
            onlyHeaders(p, ['If-Match']) &&
            p.exposeHeaders.length === 1 &&
            p.exposeHeaders[0]!.toLowerCase() === 'etag' &&
            noCredentials(p),
        ),
      ),
    },
  ],
  realServers: {
    en: 'Real APIs use ETags twice. For caching: GitHub\'s API answers If-None-Match with 304, and such a 304 does not count against its rate limit. For concurrency: Azure Storage and, since 2024, Amazon S3 honour If-Match on writes. Across origins both need the CORS side as well: Access-Control-Allow-Headers: If-None-Match, If-Match and Access-Control-Expose-Headers: ETag (cors for Express: allowedHeaders and exposedHeaders; django-cors-headers: CORS_ALLOW_HEADERS and CORS_EXPOSE_HEADERS). The browser\'s HTTP cache revalidates with If-None-Match by itself when an answer allows caching; that needs no CORS permission, because the browser adds the header, not the script.',
    'zh-CN': '真实的 API 在两个地方使用 ETag。用于缓存：GitHub 的 API 对 If-None-Match 返回 304，而且这种 304 不计入速率限制。用于并发控制：Azure Storage 以及（自 2024 年起的）Amazon S3 在写入时支持 If-Match。跨源时两者都还需要 CORS 这一侧的配置：Access-Control-Allow-Headers: If-None-Match, If-Match 以及 Access-Control-Expose-Headers: ETag（Express 的 cors：allowedHeaders 和 exposedHeaders；django-cors-headers：CORS_ALLOW_HEADERS 和 CORS_EXPOSE_HEADERS）。当响应允许缓存时，浏览器的 HTTP 缓存会自己带上 If-None-Match 去重新验证；这不需要 CORS 许可，因为这个请求头是浏览器加的，而不是脚本加的。',
  },
};

/**
 * Lesson 9: the preflight cache (fetch.spec.whatwg.org/#cors-preflight-cache).
 * Max-Age 0 doubles the traffic; without Max-Age Chromium keeps an answer 5 s;
 * a longer Max-Age (capped at 2 h) cuts it to one OPTIONS. The request counter
 * above the timeline (apps/client/src/components/RequestCounter.tsx) shows it.
 */
import { header, scriptRead, sends } from './checks.ts';
import type { Policy } from '../policy.ts';
import type { Lesson, SendEvidence } from './types.ts';

/** Chromium keeps a preflight answer without Access-Control-Max-Age this long (explainer/preflight-cache.ts). */
const DEFAULT_MS = 5000;

/** The script read the answer to a PUT (preflighted, or answered by the preflight cache). */
const readPut = (s: SendEvidence): boolean => scriptRead(s) && s.tone === 'allowed' && s.actual?.request.method === 'PUT';

/** Access-Control-Max-Age on this send's preflight answer, as it went on the wire; undefined without one. */
const maxAgeOnWire = (s: SendEvidence): string | undefined => header(s.preflight?.response.headers, 'Access-Control-Max-Age');

const sameUrl = (a: SendEvidence, b: SendEvidence): boolean => a.request.url === b.request.url;

const PUT = { api: 'fetch', method: 'PUT', url: '{server01}/getData.html', body: 'new data' } as const;
const ALLOW_PUT: Partial<Policy> = { allowOrigin: '*', allowMethods: ['PUT'] };

export const preflightCacheLesson: Lesson = {
  id: 'preflight-cache',
  title: { en: 'The preflight cache: Max-Age', 'zh-CN': '预检缓存：Max-Age' },
  summary: {
    en: 'Each preflight doubles the traffic; Access-Control-Max-Age lets the browser remember the answer. Chromium\'s 5-second default and its 2-hour cap.',
    'zh-CN': '每次预检都让请求数量翻倍；Access-Control-Max-Age 让浏览器记住预检的答复。Chromium 的 5 秒默认值和 2 小时上限。',
  },
  steps: [
    {
      id: 'every-time',
      title: { en: 'Every PUT asks first', 'zh-CN': '每个 PUT 都要先问一次' },
      text: {
        en: 'A preflighted request costs two round trips: `OPTIONS`, then the request itself. server01 answers the preflight with `Access-Control-Max-Age: 0`, so the browser keeps nothing and asks again before every PUT.\n\nClear the timeline, then send the PUT three times. The counter above the timeline shows as many OPTIONS as PUTs: twice the requests, and a whole round trip of waiting before each PUT can start.',
        'zh-CN': '需要预检的请求要走两个来回：先是 `OPTIONS`，然后才是请求本身。server01 在预检响应里返回 `Access-Control-Max-Age: 0`，所以浏览器什么都不缓存，每个 PUT 之前都要再问一次。\n\n先清空时间线，然后把 PUT 发送三次。时间线上方的计数器显示 OPTIONS 和 PUT 一样多：请求数量翻了一倍，而且每个 PUT 开始之前都要多等一个来回。',
      },
      tryThis: [
        { en: 'Clear the timeline and send three times: OPTIONS and actual requests grow together.', 'zh-CN': '清空时间线后发送三次：OPTIONS 和实际请求的数量一起增长。' },
        { en: 'Open a preflight: Access-Control-Max-Age: 0 in its answer.', 'zh-CN': '展开一个预检请求：响应里是 Access-Control-Max-Age: 0。' },
      ],
      preset: { request: PUT, policy: { ...ALLOW_PUT, maxAge: 0 } },
      check: sends(
        {
          en: 'Send the PUT at least twice under Access-Control-Max-Age: 0, so each one is preflighted and the script reads it.',
          'zh-CN': '在 Access-Control-Max-Age: 0 下至少发送两次 PUT：每次都经过预检，并且脚本读到了响应。',
        },
        (all) => all.filter((s) => readPut(s) && maxAgeOnWire(s) === '0').length >= 2,
      ),
    },
    {
      id: 'five-seconds',
      title: { en: 'No Max-Age: five seconds', 'zh-CN': '没有 Max-Age：5 秒' },
      text: {
        en: 'Without `Access-Control-Max-Age` the browser still keeps a preflight answer, for 5 seconds: Chromium\'s default, and the Fetch standard\'s. Send the PUT twice in quick succession: the second goes without OPTIONS, and its entry says the preflight cache answered. Then wait more than five seconds and send again: the entry has expired, and OPTIONS is back.\n\nThe cache entry remembers what the preflight allowed: the methods and headers, for this page\'s origin, this URL and this credentials mode. A request outside it (another header, another URL) is preflighted at once.',
        'zh-CN': '没有 `Access-Control-Max-Age` 时，浏览器仍然会把预检的答复保留 5 秒：这是 Chromium 的默认值，也是 Fetch 标准规定的默认值。快速连续发送两次 PUT：第二次没有 OPTIONS，条目里写着预检缓存给出了答复。然后等待 5 秒以上再发送：缓存条目已经过期，OPTIONS 又出现了。\n\n缓存条目记住的是预检允许的内容：哪些方法和请求头，针对这个页面的源、这个 URL 和这种凭据模式。超出这个范围的请求（多一个请求头、换一个 URL）会立即重新预检。',
      },
      tryThis: [
        { en: 'Send twice quickly: the second entry says the browser used its preflight cache.', 'zh-CN': '快速发送两次：第二个条目显示浏览器使用了预检缓存。' },
        { en: 'Count to six and send again: a new OPTIONS.', 'zh-CN': '数到六再发送一次：又出现了新的 OPTIONS。' },
      ],
      preset: { request: PUT, policy: { ...ALLOW_PUT, maxAge: null } },
      check: sends(
        {
          en: 'Without Max-Age: send the PUT, send it again within 5 seconds (no OPTIONS), then wait more than 5 seconds and send once more (OPTIONS again).',
          'zh-CN': '在没有 Max-Age 的情况下：发送 PUT，5 秒内再发送一次（没有 OPTIONS），然后等待 5 秒以上再发送一次（又有 OPTIONS）。',
        },
        (all) => {
          const put = all.filter((s) => readPut(s) && s.policy.maxAge === null);
          const asked = put.filter((s) => s.preflight !== null && maxAgeOnWire(s) === undefined);
          return asked.some((first) =>
            put.some(
              (cached) =>
                cached.number > first.number &&
                cached.preflightFromCache &&
                sameUrl(cached, first) &&
                asked.some((again) => again.number > cached.number && sameUrl(again, first) && again.preflight!.receivedAt - first.preflight!.receivedAt > DEFAULT_MS),
            ),
          );
        },
      ),
    },
    {
      id: 'max-age',
      title: { en: 'Max-Age cuts the traffic', 'zh-CN': 'Max-Age 减少请求' },
      text: {
        en: '`Access-Control-Max-Age: 600` lets the browser keep the answer for ten minutes: one OPTIONS, then PUTs alone. The URL has a new query string, `?v=2`: the cache is keyed by URL, so no entry from the last step answers for it. Send three times and watch the counter.\n\nChromium caps Max-Age at 7200 seconds (2 hours): the 86400 many servers send counts as 7200. Articles that say 10 minutes describe Chromium before version 76; Firefox caps it at 24 hours. And while an entry lives the server is not asked, so a policy you tighten on the server reaches such a browser only when the entry expires.',
        'zh-CN': '`Access-Control-Max-Age: 600` 让浏览器把答复保留十分钟：只有一次 OPTIONS，之后只发 PUT。URL 换了一个新的查询字符串 `?v=2`：缓存以 URL 为键，所以上一步留下的条目不会用于它。发送三次，观察计数器。\n\nChromium 把 Max-Age 的上限定为 7200 秒（2 小时）：许多服务器发送的 86400 会按 7200 计算。说上限是 10 分钟的文章，描述的是 76 版之前的 Chromium；Firefox 的上限是 24 小时。另外，缓存条目有效期间浏览器不会再询问服务器，所以你在服务器上收紧的策略，要等条目过期后才会对这样的浏览器生效。',
      },
      tryThis: [
        { en: 'Clear the timeline, send three times: 1 OPTIONS, 3 PUTs.', 'zh-CN': '清空时间线，发送三次：1 个 OPTIONS，3 个 PUT。' },
        { en: 'Set Max-Age to 86400, change the query string to ?v=3 and send: open "Why, step by step" on the entry, which notes Chromium\'s cap.', 'zh-CN': '把 Max-Age 改成 86400，把查询字符串改成 ?v=3，然后发送：展开这个条目的“逐步解释原因”，里面提到了 Chromium 的上限。' },
      ],
      preset: { request: { ...PUT, url: '{server01}/getData.html?v=2' }, policy: { ...ALLOW_PUT, maxAge: 600 } },
      check: sends(
        {
          en: 'Send the PUT three times: one OPTIONS with a Max-Age above 5 seconds, then two PUTs the preflight cache lets through. No OPTIONS at all? An earlier entry still answers: change the query string (?v=3) and try again.',
          'zh-CN': '把 PUT 发送三次：一次 Max-Age 大于 5 秒的 OPTIONS，之后两个 PUT 由预检缓存放行。一个 OPTIONS 都没有？说明更早的缓存条目还在起作用：改一下查询字符串（?v=3）再试。',
        },
        (all) =>
          all.some(
            (first) =>
              readPut(first) &&
              Number(maxAgeOnWire(first) ?? 0) > DEFAULT_MS / 1000 &&
              all.filter((s) => s.number > first.number && readPut(s) && s.preflightFromCache && sameUrl(s, first)).length >= 2,
          ),
      ),
    },
  ],
  realServers: {
    en: 'Many APIs send no Access-Control-Max-Age and pay a preflight every few seconds per URL; a REST API with ids in its paths pays one per resource, since the cache is keyed by URL. Libraries differ: cors for Express and @fastify/cors send none until you set maxAge; django-cors-headers sends CORS_PREFLIGHT_MAX_AGE, 86400 by default, which Chromium cuts to 7200. Pick an hour or two, and remember that a policy change waits for the entries to expire. To avoid preflights altogether, send simple requests: GET or POST with safelisted headers only.',
    'zh-CN': '很多 API 不发送 Access-Control-Max-Age，于是每个 URL 每隔几秒就要多一次预检；路径里带 ID 的 REST API 更是每个资源都要一次，因为缓存以 URL 为键。各个库的默认做法不同：Express 的 cors 和 @fastify/cors 在你设置 maxAge 之前都不发送它；django-cors-headers 发送 CORS_PREFLIGHT_MAX_AGE，默认 86400，Chromium 会截成 7200。设置一两个小时即可，并记住策略的变更要等缓存条目过期才生效。想完全避免预检，就发送简单请求：只用 GET 或 POST，并且只带安全列表中的请求头。',
  },
};

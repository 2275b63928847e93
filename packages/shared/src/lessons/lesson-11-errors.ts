/** Lesson 11: errors without CORS headers look like CORS errors; a preflight that hits a 404 or 401. */
import { pathOf, scriptRead, sends, sent } from './checks.ts';
import type { Lesson } from './types.ts';

export const errorsLesson: Lesson = {
  id: 'errors',
  title: { en: 'Errors without CORS headers', 'zh-CN': '没有 CORS 头的错误响应' },
  summary: {
    en: 'A 404 or 500 without Access-Control-Allow-Origin looks like a CORS error; a preflight that hits a 401 fails.',
    'zh-CN': '没有 Access-Control-Allow-Origin 的 404 或 500 看起来就像 CORS 错误；预检请求遇到 401 也会失败。',
  },
  steps: [
    {
      id: 'readable-404',
      title: { en: 'A 404 with CORS headers is just a 404', 'zh-CN': '带 CORS 头的 404 就是普通的 404' },
      text: {
        en: 'server01 adds the policy\'s CORS headers to every answer, errors included. Ask for a page that does not exist: the script reads status `404` and the body, so your code can show a proper "not found".',
        'zh-CN': 'server01 会给每个响应加上策略里的 CORS 头，错误响应也不例外。请求一个不存在的页面：脚本能读到状态码 `404` 和响应体，你的代码就能正常地提示“未找到”。',
      },
      tryThis: [{ en: 'Send, then look at "What the script got": status 404.', 'zh-CN': '发送后查看“脚本得到的”：状态码 404。' }],
      preset: { request: { method: 'GET', url: '{server01}/nothing-here.html' }, policy: { allowOrigin: '*' } },
      check: sent(
        { en: 'Send a request for a missing page and let the script read the 404.', 'zh-CN': '请求一个不存在的页面，让脚本读到 404。' },
        (s) => scriptRead(s) && s.result.kind === 'response' && s.result.status === 404,
      ),
    },
    {
      id: 'crash-500',
      title: { en: 'A crash looks like a CORS error', 'zh-CN': '服务器崩溃看起来像 CORS 错误' },
      text: {
        en: 'Many servers add CORS headers in a middleware. When the app crashes before that middleware runs, the `500` goes out without `Access-Control-Allow-Origin`, and the browser reports a CORS error: the script never learns that the server failed. `/crash.html` does exactly that. The console blames CORS; the wire shows the real problem.',
        'zh-CN': '很多服务器在中间件里添加 CORS 头。如果应用在该中间件运行之前就崩溃了，`500` 响应就不带 `Access-Control-Allow-Origin`，浏览器会报告 CORS 错误：脚本根本不知道服务器出错了。`/crash.html` 正是这样。控制台怪罪 CORS，网络上才能看到真正的问题。',
      },
      tryThis: [{ en: 'Send, then open the actual request: status 500, and no Access-Control-Allow-Origin.', 'zh-CN': '发送后展开实际请求：状态码 500，且没有 Access-Control-Allow-Origin。' }],
      preset: { request: { method: 'GET', url: '{server01}/crash.html' }, policy: { allowOrigin: '*' } },
      check: sent(
        { en: 'Send the request to /crash.html and see the 500 hidden behind a CORS error.', 'zh-CN': '向 /crash.html 发送请求，看到 500 被 CORS 错误掩盖。' },
        (s) => s.tone === 'blocked' && s.actual !== null && s.actual.response.status === 500 && pathOf(s.actual.request.url) === '/crash.html',
      ),
    },
    {
      id: 'preflight-401',
      title: { en: 'A preflight that hits a 401', 'zh-CN': '遇到 401 的预检请求' },
      text: {
        en: '`/private.html` wants an `Authorization` header. A preflight never carries one (the browser sends no credentials and none of the page\'s headers on `OPTIONS`), so a server that runs its login check on `OPTIONS` answers the preflight `401`: the preflight fails, and the PUT is never sent. Here server01 passes `OPTIONS` to the routes, as a server without preflight handling does.\n\nSend it and see the preflight fail. Then let the policy answer preflights before any route or login check runs, and send again: the PUT goes out with its Authorization header and the script reads the private data.',
        'zh-CN': '`/private.html` 需要 `Authorization` 请求头。预检请求从不携带它（浏览器在 `OPTIONS` 上不发送凭据，也不发送页面设置的请求头），所以在 `OPTIONS` 上也做登录检查的服务器会对预检请求返回 `401`：预检失败，PUT 根本不会发出。这里 server01 把 `OPTIONS` 交给路由处理，就像没有预检处理的服务器那样。\n\n发送请求，看到预检失败。然后让策略在任何路由或登录检查之前回答预检请求，再发送一次：PUT 带着 Authorization 头发出，脚本读到私有数据。',
      },
      tryThis: [
        { en: 'Send: the preflight is answered 401.', 'zh-CN': '发送：预检请求得到 401。' },
        { en: 'Set "OPTIONS is answered by" to the policy, and send again.', 'zh-CN': '把“OPTIONS 由谁回答”设为策略，然后再发送一次。' },
      ],
      preset: {
        request: { method: 'PUT', url: '{server01}/private.html', headers: [{ name: 'Authorization', value: 'Bearer token123' }], body: 'new value' },
        policy: { allowOrigin: '*', allowMethods: ['PUT'], allowHeaders: ['Authorization'], preflight: 'routes' },
      },
      check: sends(
        {
          en: 'See a preflight fail with 401, then make the PUT with Authorization pass by answering preflights before the login check.',
          'zh-CN': '先看到预检请求因 401 失败，再让策略在登录检查之前回答预检，使带 Authorization 的 PUT 成功。',
        },
        (all) =>
          all.some((s) => s.preflight?.response.status === 401 && s.actual === null) &&
          all.some((s) => scriptRead(s) && s.actual?.response.status === 200 && pathOf(s.actual.request.url) === '/private.html'),
      ),
    },
  ],
  realServers: {
    en: 'Put the CORS middleware first, so that every answer, errors and crashes included, carries the CORS headers; in Express, register cors() before the routes and the error handler; in Django, put CorsMiddleware as high as possible in MIDDLEWARE. Let preflights through before authentication: OPTIONS requests carry no credentials by design.',
    'zh-CN': '把 CORS 中间件放在最前面，让每个响应（包括错误和崩溃）都带上 CORS 头：在 Express 中，在路由和错误处理器之前注册 cors()；在 Django 中，把 CorsMiddleware 放在 MIDDLEWARE 中尽量靠前的位置。让预检请求在身份验证之前通过：OPTIONS 请求按设计就不携带凭据。',
  },
};

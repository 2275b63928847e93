/** Lesson 1: what an origin is, and why a same-origin request needs no CORS. */
import { hostOf, pathOf, scriptRead, sent } from './checks.ts';
import type { Lesson } from './types.ts';

export const originsLesson: Lesson = {
  id: 'origins',
  title: { en: 'Origins', 'zh-CN': '源（Origin）' },
  summary: {
    en: 'Scheme, host and port make an origin; a page reads its own origin freely.',
    'zh-CN': '协议、主机名和端口共同构成一个源；页面可以自由读取同源的资源。',
  },
  steps: [
    {
      id: 'same-origin',
      title: { en: 'Same origin: no CORS at all', 'zh-CN': '同源：完全不涉及 CORS' },
      text: {
        en: 'This page comes from server02, `http://{host}:8100`. A request to the same scheme, host and port is same-origin: the browser sends it without an `Origin` check and the script reads the answer, whatever the server says about CORS.\n\nThe request is set to server02\'s own `/blank.html`. Send it.',
        'zh-CN': '这个页面来自 server02，即 `http://{host}:8100`。协议、主机名、端口都相同的请求是同源请求：浏览器不做 CORS 检查，脚本可以读取响应，不管服务器有没有发送 CORS 头。\n\n请求已经指向 server02 自己的 `/blank.html`，发送它。',
      },
      tryThis: [{ en: 'Send the request and look at the verdict: "Same origin".', 'zh-CN': '发送请求，看看结论：“同源”。' }],
      preset: { request: { method: 'GET', url: '{page}/blank.html' } },
      check: sent(
        { en: 'Send a request to the page\'s own origin (http://{host}:8100).', 'zh-CN': '向页面自己的源（http://{host}:8100）发送一个请求。' },
        (s) => s.tone === 'same-origin' && scriptRead(s),
      ),
    },
    {
      id: 'other-port',
      title: { en: 'Another port is another origin', 'zh-CN': '端口不同，就是不同的源' },
      text: {
        en: 'server01 runs on the same host, on port 8000. Same scheme, same host, different port: a different origin. The browser adds `Origin: http://{host}:8100` and, because server01 sends no CORS headers yet, hides the answer from the script.',
        'zh-CN': 'server01 在同一台主机的 8000 端口上。协议相同、主机相同，但端口不同：这是另一个源。浏览器会加上 `Origin: http://{host}:8100`，而 server01 现在还没有发送任何 CORS 头，所以浏览器不让脚本读取响应。',
      },
      tryThis: [{ en: 'Send, then open the actual request: find the Origin header server01 received.', 'zh-CN': '发送后展开实际请求，找到 server01 收到的 Origin 请求头。' }],
      preset: { request: { method: 'GET', url: '{server01}/getData.html' } },
      check: sent(
        { en: 'Send a GET to server01 on port 8000 with the empty policy, and see it blocked.', 'zh-CN': '在空策略下向 8000 端口的 server01 发送 GET，看到它被拦截。' },
        (s) => s.tone === 'blocked' && s.actual !== null && pathOf(s.actual.request.url) === '/getData.html',
      ),
    },
    {
      id: 'host-name',
      title: { en: 'localhost is not 127.0.0.1', 'zh-CN': 'localhost 和 127.0.0.1 不是同一个源' },
      text: {
        en: 'Origins compare host names as text, not the addresses they resolve to. `http://localhost:8000` and `http://127.0.0.1:8000` reach the same server01, but they are two origins. Allow exactly the page\'s origin in the policy, then call server01 through the other host name: the `Origin` header is still the page\'s, so it passes. What the server checks is who is asking, not how the page reached it.',
        'zh-CN': '比较源时，主机名按字面比较，而不是比较解析出的地址。`http://localhost:8000` 和 `http://127.0.0.1:8000` 访问的是同一个 server01，但它们是两个源。在策略里只允许页面自己的源，然后通过另一个主机名调用 server01：`Origin` 头仍然是页面的源，所以请求通过。服务器检查的是“谁在请求”，而不是页面如何访问到它。',
      },
      tryThis: [
        { en: 'Set Access-Control-Allow-Origin to a list with the page\'s origin.', 'zh-CN': '把 Access-Control-Allow-Origin 设为列表，填入页面的源。' },
        { en: 'Change the URL\'s host from localhost to 127.0.0.1 (or the other way round) and send.', 'zh-CN': '把 URL 的主机名从 localhost 改成 127.0.0.1（或反过来），然后发送。' },
      ],
      preset: { request: { method: 'GET', url: '{server01other}/getData.html' } },
      check: sent(
        {
          en: 'Read server01 through a host name other than the page\'s, with only the page\'s origin allowed.',
          'zh-CN': '在只允许页面源的情况下，通过与页面不同的主机名读取 server01。',
        },
        (s) => scriptRead(s) && s.actual !== null && hostOf(s.request.url) !== hostOf(s.pageOrigin) && s.tone === 'allowed',
      ),
    },
  ],
  realServers: {
    en: 'Real servers see only the Origin header; they cannot tell how the page reached them. Deployments often serve one API under several host names (a CDN name, an internal name): each page origin that calls it must be allowed by its exact serialized origin.',
    'zh-CN': '真实服务器只能看到 Origin 请求头，无法知道页面是通过哪个地址访问它的。一个 API 往往有多个主机名（CDN 域名、内网域名）：每个调用它的页面源都必须按精确的序列化形式被允许。',
  },
};

/** Lesson 2: the classic demo. server01 answers 200, and the browser hides it. */
import { leastPermissive, onlyPageOrigin, scriptRead, sent } from './checks.ts';
import type { Lesson } from './types.ts';

export const classicDemoLesson: Lesson = {
  id: 'classic-demo',
  title: { en: 'The classic demo: 200 is not success', 'zh-CN': '经典演示：200 不等于成功' },
  summary: {
    en: 'A GET from port 8100 to 8000: the server does the work, the browser decides who may read it.',
    'zh-CN': '从 8100 端口向 8000 端口发送 GET：服务器照常处理，浏览器决定谁能读取结果。',
  },
  steps: [
    {
      id: 'hidden-200',
      title: { en: 'The server answered 200', 'zh-CN': '服务器返回了 200' },
      text: {
        en: 'Send the GET. On the wire, server01 received it and answered `200` with the body `server----001`. The script got a network error (fetch: `TypeError`, XHR: status 0) anyway: without `Access-Control-Allow-Origin` the browser hides the response. CORS does not stop the request; it stops the page from reading the answer.',
        'zh-CN': '发送这个 GET。在网络上，server01 收到了请求，并返回 `200` 和响应体 `server----001`。但脚本仍然得到网络错误（fetch 抛出 `TypeError`，XHR 的 status 为 0）：没有 `Access-Control-Allow-Origin`，浏览器就不把响应交给脚本。CORS 拦的不是请求，而是页面读取响应。',
      },
      tryThis: [
        { en: 'Compare the two sides of the entry: "On the wire" and "What the script got".', 'zh-CN': '对比时间线条目的两边：“网络上”与“脚本得到的”。' },
        { en: 'Switch to XMLHttpRequest and send again: status 0.', 'zh-CN': '切换到 XMLHttpRequest 再发送一次：status 为 0。' },
      ],
      preset: { request: { api: 'fetch', method: 'GET', url: '{server01}/getData.html' } },
      check: sent(
        { en: 'Send the GET and see server01 answer 200 while the script is blocked.', 'zh-CN': '发送 GET，看到 server01 返回 200，而脚本被拦截。' },
        (s) => s.tone === 'blocked' && s.actual?.response.status === 200,
      ),
    },
    {
      id: 'allow-page',
      title: { en: 'Let the page read it: the least you need', 'zh-CN': '让页面读取：只开放必需的' },
      text: {
        en: 'Challenge: make the script read `server----001` with the least permissive policy. `*` would work, but it lets every site on the web read this API. Allow exactly the page\'s origin, `http://{host}:8100`, and nothing else.',
        'zh-CN': '挑战：用最严格的策略让脚本读到 `server----001`。`*` 也能工作，但它让互联网上任何网站都能读取这个 API。只允许页面自己的源 `http://{host}:8100`，其他一概不开放。',
      },
      tryThis: [
        { en: 'Choose a list for Access-Control-Allow-Origin and enter the page\'s origin.', 'zh-CN': '把 Access-Control-Allow-Origin 设为列表，并填入页面的源。' },
      ],
      preset: { request: { api: 'fetch', method: 'GET', url: '{server01}/getData.html' } },
      challenge: true,
      check: leastPermissive(
        {
          todo: { en: 'Send the GET so the script reads server----001.', 'zh-CN': '发送 GET，让脚本读到 server----001。' },
          tooLoose: {
            en: 'It works, but the policy allows more than this page: allow only http://{host}:8100 (no *, no reflecting, no credentials), then send again.',
            'zh-CN': '能用了，但策略开放得比需要的多：只允许 http://{host}:8100（不要 *，不要回显，不要凭据），然后再发送一次。',
          },
        },
        (s) => scriptRead(s) && s.tone === 'allowed',
        (p, s) => onlyPageOrigin(p, s.pageOrigin) && !p.allowCredentials,
      ),
    },
  ],
  realServers: {
    en: 'A "CORS error" in the console often hides a perfectly good 200: check the Network panel, where the response is visible to you (not to the script). Real servers fix it by sending Access-Control-Allow-Origin, usually from a library (django-cors-headers, flask-cors, cors for Express) configured with the exact origins of their front ends.',
    'zh-CN': '控制台里的“CORS 错误”背后常常是一个完全正常的 200：去 Network 面板看，你能看到响应（脚本看不到）。真实服务器的解决办法是发送 Access-Control-Allow-Origin，通常借助库（django-cors-headers、flask-cors、Express 的 cors）并配置前端的精确源。',
  },
};

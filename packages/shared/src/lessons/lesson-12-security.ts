/**
 * Lesson 12: security. CORS relaxes the same-origin policy, and a careless
 * policy relaxes it for the wrong pages: an Origin echoed with credentials
 * lets any site read a user's data; a trusted `null` lets every sandboxed
 * document in; an unanchored pattern admits a look-alike site.
 * fetch.spec.whatwg.org/#cors-protocol-and-credentials, and the security
 * considerations of the CORS protocol (fetch.spec.whatwg.org/#cors-protocol).
 */
import { matchesOriginPattern } from '../origin-patterns.ts';
import type { Policy } from '../policy.ts';
import { API_ROUTES, LOOKALIKE_HOSTS, PORTS, SESSION_COOKIE } from '../ports.ts';
import { all, header, hostOf, leastPermissive, onlyPageOrigin, pathOf, scriptRead, sent } from './checks.ts';
import type { Check, Evidence, Lesson, SendEvidence } from './types.ts';

const PARTNER = `http://${LOOKALIKE_HOSTS.partner}:${PORTS.attacker}`;
const EVIL = `http://${LOOKALIKE_HOSTS.evil}:${PORTS.attacker}`;

/**
 * Origins a careless pattern for the partner admits: a longer name ending the same, a dot that
 * matched another character, the partner's name inside another host, another scheme.
 */
export const LOOKALIKES = [EVIL, `http://exampleXlocalhost:${PORTS.attacker}`, `http://${LOOKALIKE_HOSTS.partner}:${PORTS.attacker}.evil.localhost`, `https://${LOOKALIKE_HOSTS.partner}:${PORTS.attacker}`] as const;

const credentialed = (s: SendEvidence): boolean => s.request.credentials === 'include';

/** The actual request carried the session cookie, as server01 received it. */
const cookieRode = (s: SendEvidence): boolean =>
  (header(s.actual?.request.headers, 'Cookie') ?? '').split(';').some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`));

/** A credentialed GET of /me whose private data the sending script read: status 200, with the session cookie. */
const readPrivateData = (s: SendEvidence): boolean =>
  credentialed(s) && pathOf(s.request.url) === API_ROUTES.me && scriptRead(s) && s.result.kind === 'response' && s.result.status === 200 && cookieRode(s);

/** Sent from the attacker's page: the lab page's host name on the attacker server's port. */
const fromAttacker = (s: SendEvidence, e: Evidence): boolean =>
  s.pageOrigin !== e.pageOrigin && hostOf(s.pageOrigin) === hostOf(e.pageOrigin) && s.pageOrigin.endsWith(`:${PORTS.attacker}`);

const fromPage = (s: SendEvidence, e: Evidence): boolean => s.pageOrigin === e.pageOrigin;

/** A check over every send and the evidence around them. */
const check = (hint: Parameters<typeof sent>[0], test: (s: SendEvidence, e: Evidence) => boolean): Check => (e) => sent(hint, (s) => test(s, e))(e);

/** Nothing in the policy beyond what this page needs with credentials: its origin exactly, no pattern, no extra method or header. */
const onlyThePage = (p: Policy, pageOrigin: string): boolean =>
  onlyPageOrigin(p, pageOrigin) && p.allowCredentials && (p.originPatterns ?? []).length === 0 && p.allowMethods.length === 0 && p.allowHeaders.length === 0;

/** The policy lets the partner in by a pattern that no look-alike matches, or lists it exactly; nothing looser. */
const partnerOnly = (p: Policy): boolean =>
  p.allowOrigin === 'list' &&
  p.originList.every((o) => o !== 'null' && !LOOKALIKES.some((l) => l === o)) &&
  !LOOKALIKES.some((l) => matchesOriginPattern(p.originPatterns ?? [], l)) &&
  !p.allowCredentials &&
  p.allowMethods.length === 0 &&
  p.allowHeaders.length === 0;

export const securityLesson: Lesson = {
  id: 'security',
  title: { en: 'Security: who else can read it?', 'zh-CN': '安全：还有谁能读到它？' },
  summary: {
    en: 'An Origin echoed with credentials lets another site read your data; a trusted null lets every sandboxed page in; an unanchored pattern admits a look-alike site.',
    'zh-CN': '带凭据地回显 Origin，会让别的网站读到你的数据；信任 null，等于放行所有沙箱页面；没有锚定的正则模式，会放进仿冒的网站。',
  },
  steps: [
    {
      id: 'reflect-steals',
      title: { en: 'Echo any Origin with credentials: another site reads your data', 'zh-CN': '带凭据回显任意 Origin：别的网站读到了你的数据' },
      text: {
        en: 'server01 now echoes every request\'s Origin in `Access-Control-Allow-Origin` and sends `Access-Control-Allow-Credentials: true`. It looks convenient: every page that calls it works. Lesson 7 refused it; here is why.\n\nFirst log in as the user: send the request to `/login` from this page. `/me` answers with the logged-in user\'s private data, and 401 without the `labsession` cookie.\n\nThen play the attacker. A page on `http://{host}:8300` is another origin, but the same site as this page (only the port differs), so the browser sends your `SameSite=Lax` cookie with its credentialed requests. Set Sent from to that page and send a GET with credentials to `/me`: its script reads your private data, because server01 echoed its Origin. A real attacker needs no lab: open {attackerPage} in a new tab, and the page does the same on its own.',
        'zh-CN': 'server01 现在把每个请求的 Origin 原样写进 `Access-Control-Allow-Origin`，并发送 `Access-Control-Allow-Credentials: true`。看起来很方便：任何调用它的页面都能用。第 7 课的挑战不接受这种做法，这里说明原因。\n\n先以用户身份登录：从本页面向 `/login` 发送请求。`/me` 会返回已登录用户的私人数据，没有 `labsession` Cookie 时返回 401。\n\n然后扮演攻击者。`http://{host}:8300` 上的页面是另一个源，却和本页面属于同一个站点（只有端口不同），所以浏览器会在它带凭据的请求里发送你的 `SameSite=Lax` Cookie。把“发送方”设为那个页面，向 `/me` 发送带凭据的 GET：它的脚本读到了你的私人数据，因为 server01 回显了它的 Origin。真正的攻击者不需要实验室：在新标签页中打开 {attackerPage}，那个页面会自己完成同样的事。',
      },
      tryThis: [
        { en: 'Send to /login from this page: the answer sets labsession.', 'zh-CN': '从本页面发送到 /login：响应设置了 labsession。' },
        { en: 'Change the URL to /me and send: your own data, read by your own page.', 'zh-CN': '把 URL 改成 /me 并发送：你自己的页面读到了你自己的数据。' },
        { en: 'Set Sent from to the page on http://{host}:8300 and send again: the entry says from http://{host}:8300, and its script read the same data.', 'zh-CN': '把“发送方”设为 http://{host}:8300 上的页面，再发送一次：条目显示发自 http://{host}:8300，它的脚本读到了同样的数据。' },
        { en: 'Open {attackerPage} in a new tab: the attacker\'s own page shows your data.', 'zh-CN': '在新标签页中打开 {attackerPage}：攻击者自己的页面显示出了你的数据。' },
      ],
      preset: { request: { api: 'fetch', method: 'GET', url: '{server01}/login', credentials: 'include' }, policy: { allowOrigin: 'reflect', allowCredentials: true } },
      check: check(
        {
          en: 'Log in at /login, then send a GET with credentials to /me from the page on http://{host}:8300: its script must read your data (status 200, with the labsession cookie).',
          'zh-CN': '先在 /login 登录，再从 http://{host}:8300 上的页面向 /me 发送带凭据的 GET：它的脚本要读到你的数据（状态 200，请求带着 labsession Cookie）。',
        },
        (s, e) => fromAttacker(s, e) && readPrivateData(s),
      ),
    },
    {
      id: 'exact-origin',
      title: { en: 'Keep your page, shut the attacker out', 'zh-CN': '留下自己的页面，把攻击者挡在外面' },
      challenge: true,
      text: {
        en: 'Challenge: change the policy so that this page still reads `/me` with credentials, and the page on `http://{host}:8300` reads nothing, under the least permissive policy.\n\nThe Origin header is set by the browser, and a page\'s script cannot change it: that is what makes it worth checking. But echoing it checks nothing. Name the one origin you trust, `http://{host}:8100`, keep `Access-Control-Allow-Credentials: true`, and send from both pages. The attacker\'s request still reaches server01 with your cookie (CORS never stops a simple request from being sent), but without a matching `Access-Control-Allow-Origin` the browser keeps the answer from its script.',
        'zh-CN': '挑战：用最严格的策略修改策略，让本页面仍能带凭据读取 `/me`，而 `http://{host}:8300` 上的页面什么也读不到。\n\nOrigin 请求头由浏览器设置，页面的脚本改不了它：正因如此，检查它才有意义。但原样回显等于什么都没检查。写明你信任的那一个源 `http://{host}:8100`，保留 `Access-Control-Allow-Credentials: true`，然后从两个页面分别发送。攻击者的请求仍会带着你的 Cookie 到达 server01（CORS 从不阻止简单请求被发出），但没有匹配的 `Access-Control-Allow-Origin`，浏览器就不会把响应交给它的脚本。',
      },
      tryThis: [
        { en: 'Choose a list for Access-Control-Allow-Origin with http://{host}:8100, and keep Access-Control-Allow-Credentials: true.', 'zh-CN': '把 Access-Control-Allow-Origin 设为列表并填入 http://{host}:8100，保留 Access-Control-Allow-Credentials: true。' },
        { en: 'Send from the page on http://{host}:8300: blocked, though its request carried your cookie.', 'zh-CN': '从 http://{host}:8300 上的页面发送：被拦截了，尽管它的请求带着你的 Cookie。' },
        { en: 'Set Sent from back to this page and send: your data, as before.', 'zh-CN': '把“发送方”改回本页面再发送：和之前一样读到了你的数据。' },
      ],
      preset: { request: { api: 'fetch', method: 'GET', url: '{server01}/me', credentials: 'include', from: '{attacker}' }, policy: { allowOrigin: 'reflect', allowCredentials: true } },
      check: all(
        check(
          {
            en: 'Send the GET with credentials to /me from the page on http://{host}:8300 under a policy that blocks it.',
            'zh-CN': '在会拦截它的策略下，从 http://{host}:8300 上的页面向 /me 发送带凭据的 GET。',
          },
          (s, e) => fromAttacker(s, e) && credentialed(s) && pathOf(s.request.url) === API_ROUTES.me && !scriptRead(s),
        ),
        (e) =>
          leastPermissive(
            {
              todo: {
                en: 'Now send the GET with credentials to /me from this page: its script must read your data.',
                'zh-CN': '现在从本页面向 /me 发送带凭据的 GET：它的脚本要读到你的数据。',
              },
              tooLoose: {
                en: 'Your page reads it, but the policy allows more than this page: name only http://{host}:8100 (no reflecting, no *, no null, no pattern, no extra methods or headers) with Access-Control-Allow-Credentials: true, then send from this page again.',
                'zh-CN': '你的页面能读到了，但策略放行的不止本页面：只写明 http://{host}:8100（不要回显，不要 *，不要 null，不要正则模式，不要多余的方法或请求头），并开启 Access-Control-Allow-Credentials: true，然后从本页面再发送一次。',
              },
            },
            (s) => fromPage(s, e) && readPrivateData(s),
            (p, s) => onlyThePage(p, s.pageOrigin),
          )(e),
      ),
    },
    {
      id: 'trusted-null',
      title: { en: 'Trusting null trusts every sandbox', 'zh-CN': '信任 null，就是信任所有沙箱' },
      text: {
        en: 'Some servers list `null` to let a page opened from a file, or a sandboxed widget, call them. But `null` is not one origin. Every document with an opaque origin sends `Origin: null`: a sandboxed iframe without `allow-same-origin`, a `data:` URL, a `file:` page, a request after a redirect to another origin. And any site can make one: `<iframe sandbox="allow-scripts" srcdoc="…">` on the attacker\'s page.\n\nserver01 lists this page and `null`, with credentials. Send from a sandboxed iframe: the request carries `Origin: null`, server01 answers `Access-Control-Allow-Origin: null`, and the script in the sandbox reads the answer. Open the actual request: Chromium counts a request from an opaque origin as cross-site, so the `SameSite=Lax` cookie stays home and `/me` says 401. A cookie marked `SameSite=None` would ride along, and so would anything the server trusts without cookies (a network address, a client certificate). Then remove `null` from the list and send again: blocked.',
        'zh-CN': '有些服务器把 `null` 加进列表，好让从文件打开的页面或沙箱里的小组件能调用它。但 `null` 并不是某一个源。每个源为不透明源（opaque origin）的文档都会发送 `Origin: null`：没有 `allow-same-origin` 的沙箱 iframe、`data:` URL、`file:` 页面，以及重定向到另一个源之后的请求。而且任何网站都能造出这样的文档：在攻击者的页面上放一个 `<iframe sandbox="allow-scripts" srcdoc="…">` 就行。\n\nserver01 列出了本页面和 `null`，并允许凭据。从沙箱 iframe 发送：请求带着 `Origin: null`，server01 返回 `Access-Control-Allow-Origin: null`，沙箱里的脚本读到了响应。展开实际请求看看：Chromium 把来自不透明源的请求视为跨站请求，所以 `SameSite=Lax` 的 Cookie 没有发送，`/me` 返回 401。如果 Cookie 标记为 `SameSite=None`，它就会随请求发送；服务器不靠 Cookie 就信任的东西（网络地址、客户端证书）也一样。然后把 `null` 从列表中删掉，再发送一次：被拦截了。',
      },
      tryThis: [
        { en: 'Send from the sandboxed iframe: Origin: null on the wire, and the script reads the answer.', 'zh-CN': '从沙箱 iframe 发送：网络记录里是 Origin: null，脚本读到了响应。' },
        { en: 'Remove null from Allowed origins and send again: blocked.', 'zh-CN': '把 null 从“允许的源”中删掉，再发送一次：被拦截了。' },
      ],
      preset: {
        request: { api: 'fetch', method: 'GET', url: '{server01}/me', credentials: 'include', from: 'null' },
        policy: { allowOrigin: 'list', originList: ['{page}', 'null'], allowCredentials: true },
      },
      check: all(
        sent(
          {
            en: 'Send from the sandboxed iframe while the list holds null: its script must read the answer.',
            'zh-CN': '在列表包含 null 时从沙箱 iframe 发送：它的脚本要读到响应。',
          },
          (s) => s.pageOrigin === 'null' && scriptRead(s) && s.tone === 'allowed',
        ),
        sent(
          {
            en: 'Now remove null from Allowed origins and send from the sandboxed iframe again: the browser must block it.',
            'zh-CN': '现在把 null 从“允许的源”中删掉，再从沙箱 iframe 发送一次：浏览器要拦截它。',
          },
          (s) => s.pageOrigin === 'null' && s.tone === 'blocked' && !s.policy.originList.includes('null') && s.policy.allowOrigin === 'list',
        ),
      ),
    },
    {
      id: 'unanchored-pattern',
      title: { en: 'A pattern without anchors admits a look-alike', 'zh-CN': '没有锚定的模式会放进仿冒网站' },
      challenge: true,
      text: {
        en: 'server01 should also serve a partner site, `http://example.localhost:8300`. Rather than list it, someone wrote an origin pattern: `example.localhost:8300$`. Patterns are matched like JavaScript\'s `RegExp.test`, which searches anywhere in the Origin. Send from the partner: allowed. Now send from `http://evil-example.localhost:8300`, a site anyone could register: allowed too, since `example.localhost:8300` is found at the end of its Origin. The `.` is no help either: unescaped, it matches any character.\n\nChallenge: the partner reads, the look-alike is blocked, under the least permissive policy. Anchor the pattern at both ends and escape the dots, `^http://example\\.localhost:8300$`, or simply list the exact origin. (Chromium resolves every `*.localhost` name to this computer, so this step needs the lab running on the computer you browse from.)',
        'zh-CN': 'server01 还应该为一个合作网站 `http://example.localhost:8300` 提供服务。有人没有把它写进列表，而是写了一个源模式：`example.localhost:8300$`。模式的匹配方式和 JavaScript 的 `RegExp.test` 一样，会在 Origin 的任意位置查找。从合作网站发送：放行。再从 `http://evil-example.localhost:8300` 发送，这是任何人都能注册的网站：同样放行，因为在它的 Origin 末尾能找到 `example.localhost:8300`。`.` 也帮不上忙：没有转义时，它能匹配任意字符。\n\n挑战：用最严格的策略，让合作网站能读取，仿冒网站被拦截。给模式加上首尾锚点并转义点号，写成 `^http://example\\.localhost:8300$`，或者干脆在列表中写明这个精确的源。（Chromium 会把所有 `*.localhost` 名称解析到本机，所以这一步需要实验室运行在你浏览网页的这台电脑上。）',
      },
      tryThis: [
        { en: 'Send from http://example.localhost:8300: allowed.', 'zh-CN': '从 http://example.localhost:8300 发送：放行。' },
        { en: 'Send from http://evil-example.localhost:8300: allowed too.', 'zh-CN': '从 http://evil-example.localhost:8300 发送：同样放行。' },
        { en: 'Change the pattern to ^http://example\\.localhost:8300$ and send from both again.', 'zh-CN': '把模式改成 ^http://example\\.localhost:8300$，再从两个网站各发送一次。' },
      ],
      preset: {
        request: { api: 'fetch', method: 'GET', url: '{server01}/getData.html', from: '{partner}' },
        policy: { allowOrigin: 'list', originList: ['{page}'], originPatterns: ['example.localhost:8300$'] },
      },
      check: all(
        sent(
          {
            en: 'Send from http://evil-example.localhost:8300 under a policy that blocks it.',
            'zh-CN': '在会拦截它的策略下，从 http://evil-example.localhost:8300 发送。',
          },
          (s) => s.pageOrigin === EVIL && s.tone === 'blocked',
        ),
        leastPermissive(
          {
            todo: {
              en: 'Send from http://example.localhost:8300: the partner\'s script must read the answer.',
              'zh-CN': '从 http://example.localhost:8300 发送：合作网站的脚本要读到响应。',
            },
            tooLoose: {
              en: 'The partner reads it, but the policy still lets a look-alike in (a longer name, another character for a dot, another scheme) or allows more than needed: anchor the pattern with ^ and $, escape the dots, or list the exact origin; no credentials, no null, no extra methods or headers.',
              'zh-CN': '合作网站能读到了，但策略仍会放进仿冒网站（更长的名称、用别的字符顶替点号、换一种协议），或者放行的比需要的多：用 ^ 和 $ 锚定模式并转义点号，或者在列表中写明精确的源；不要凭据，不要 null，不要多余的方法或请求头。',
            },
          },
          (s) => s.pageOrigin === PARTNER && scriptRead(s) && s.tone === 'allowed',
          (p) => partnerOnly(p),
        ),
      ),
    },
  ],
  realServers: {
    en: 'Every CORS library can be told to trust too much. Echoing any Origin with credentials is the classic hole: django-cors-headers does it with CORS_ALLOW_ALL_ORIGINS plus CORS_ALLOW_CREDENTIALS, Express\'s cors and @fastify/cors with origin: true plus credentials: true, flask-cors with its default origins="*" plus supports_credentials=True. Patterns bite in two ways. Express\'s cors and @fastify/cors test a RegExp with .test(), a search: /example\\.com$/ admits https://evil-example.com. django-cors-headers (CORS_ALLOWED_ORIGIN_REGEXES) and flask-cors (a regex in origins) use Python\'s re.match, which anchors at the start only: r"^https://\\w+\\.example\\.com" without $ admits https://a.example.com.evil.net; flask-cors also ignores case. nginx\'s map with ~ is a search too. Write patterns as ^https://exact\\.host$ or, better, list the exact origins; never list null; and send Vary: Origin whenever the answer depends on Origin.',
    'zh-CN': '每个 CORS 库都可能被配置得过于信任。带凭据地回显任意 Origin 是最典型的漏洞：django-cors-headers 在同时设置 CORS_ALLOW_ALL_ORIGINS 和 CORS_ALLOW_CREDENTIALS 时就是这样，Express 的 cors 和 @fastify/cors 在 origin: true 加 credentials: true 时也是，flask-cors 在默认的 origins="*" 加 supports_credentials=True 时也是。正则模式有两种坑。Express 的 cors 和 @fastify/cors 用 .test() 测试 RegExp，这是查找：/example\\.com$/ 会放进 https://evil-example.com。django-cors-headers（CORS_ALLOWED_ORIGIN_REGEXES）和 flask-cors（origins 中的正则）用的是 Python 的 re.match，只锚定开头：r"^https://\\w+\\.example\\.com" 少了 $，就会放进 https://a.example.com.evil.net；flask-cors 还不区分大小写。nginx 的 map 配合 ~ 同样是查找。把模式写成 ^https://exact\\.host$，更好的做法是列出精确的源；永远不要列出 null；只要响应随 Origin 变化，就发送 Vary: Origin。',
  },
};

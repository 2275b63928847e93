/**
 * Lesson 7: credentials and cookies. `*` is refused with credentials
 * (fetch.spec.whatwg.org/#cors-protocol-and-credentials); the exact origin plus
 * Allow-Credentials works; and a cookie of another site stays home however
 * good the CORS answer is (SameSite, third-party cookie blocking).
 */
import { SESSION_COOKIE } from '../ports.ts';
import { header, hostOf, leastPermissive, onlyPageOrigin, pathOf, scriptRead, sends, sent } from './checks.ts';
import type { Lesson, SendEvidence } from './types.ts';

const credentialed = (s: SendEvidence): boolean => s.request.credentials === 'include';

/** The script read an answer to a credentialed request for this path. */
const readWithCredentials = (s: SendEvidence, path: string): boolean =>
  credentialed(s) && scriptRead(s) && s.tone === 'allowed' && s.actual !== null && pathOf(s.request.url) === path;

/** The actual request carried the session cookie, as server01 received it. */
const cookieRode = (s: SendEvidence): boolean =>
  (header(s.actual?.request.headers, 'Cookie') ?? '').split(';').some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`));

/** server01 answered with a session cookie (a login, not the logout that clears it). */
const cookieSet = (s: SendEvidence): boolean => {
  const value = header(s.actual?.response.headers, 'Set-Cookie') ?? '';
  return value.startsWith(`${SESSION_COOKIE}=`) && !value.startsWith(`${SESSION_COOKIE}=;`);
};

const crossSite = (s: SendEvidence): boolean => hostOf(s.request.url) !== hostOf(s.pageOrigin);

export const credentialsLesson: Lesson = {
  id: 'credentials',
  title: { en: 'Credentials and cookies', 'zh-CN': '凭据与 Cookie' },
  summary: {
    en: 'credentials: \'include\' and withCredentials; Allow-Credentials and the exact origin; why a cookie of another site stays home even when CORS says yes.',
    'zh-CN': 'credentials: \'include\' 与 withCredentials；Allow-Credentials 和精确的源；为什么即使 CORS 放行，另一个站点的 Cookie 也不会随请求发送。',
  },
  steps: [
    {
      id: 'star-refused',
      title: { en: 'With credentials, * is refused', 'zh-CN': '带凭据时，* 不被接受' },
      text: {
        en: 'A cross-origin fetch sends no cookies by default, and ignores the cookies its answer sets. `fetch(url, { credentials: \'include\' })`, or `xhr.withCredentials = true`, asks for them: the browser sends the cookies it holds for server01 and keeps the ones server01 sets.\n\nThe server must then opt in explicitly. server01 answers `Access-Control-Allow-Origin: *`, and for a request with credentials the browser refuses `*`: it means "anyone, anonymously", never "anyone, with the user\'s cookies". Send and read the reason under the entry.',
        'zh-CN': '跨源的 fetch 默认不发送 Cookie，也会忽略响应里设置的 Cookie。`fetch(url, { credentials: \'include\' })` 或 `xhr.withCredentials = true` 表示要带上凭据：浏览器会发送它为 server01 保存的 Cookie，并保存 server01 设置的 Cookie。\n\n这时服务器必须明确表示同意。server01 返回的是 `Access-Control-Allow-Origin: *`，而对带凭据的请求，浏览器不接受 `*`：它的意思是“任何人，匿名访问”，从来不是“任何人，带着用户的 Cookie 访问”。发送请求，读一读条目下方的拦截原因。',
      },
      tryThis: [
        { en: 'Send, and read the reason: * with credentials.', 'zh-CN': '发送，读一读原因：带凭据时用了 *。' },
        { en: 'Set Credentials to omit and send again: the same * now works, for an anonymous request.', 'zh-CN': '把 Credentials 改成 omit 再发送一次：同样的 * 这回可以了，因为请求是匿名的。' },
      ],
      preset: { request: { api: 'fetch', method: 'GET', url: '{server01}/getData.html', credentials: 'include' }, policy: { allowOrigin: '*' } },
      check: sent(
        {
          en: 'Send the GET with credentials while server01 answers *, and see the browser refuse it.',
          'zh-CN': '在 server01 返回 * 的情况下发送带凭据的 GET，看到浏览器拒绝它。',
        },
        (s) => credentialed(s) && s.tone === 'blocked' && s.failure?.code === 'wildcard-with-credentials',
      ),
    },
    {
      id: 'exact-origin',
      title: { en: 'Name the origin, allow credentials, log in', 'zh-CN': '写明源、允许凭据、登录' },
      challenge: true,
      text: {
        en: 'Challenge: make a request with credentials work under the least permissive policy. The answer needs `Access-Control-Allow-Origin` naming the page\'s origin exactly, `http://{host}:8100`, and `Access-Control-Allow-Credentials: true`. Reflecting the request\'s Origin also passes the browser\'s check, but with credentials it lets every site on the web read this API with the user\'s cookies: the challenge refuses it.\n\nThen log in. The request is set to `/login`, which answers `Set-Cookie: labsession=…; SameSite=Lax`. Send it, then send a GET with credentials to `/getData.html` and open its actual request: the `Cookie` header carries `labsession`. The page (`{host}:8100`) and server01 (`{host}:8000`) are two origins but one site: a site is the scheme and the registrable domain, and ports do not count. So a `SameSite=Lax` cookie rides along.',
        'zh-CN': '挑战：用最严格的策略让带凭据的请求成功。响应需要 `Access-Control-Allow-Origin` 精确写出页面的源 `http://{host}:8100`，以及 `Access-Control-Allow-Credentials: true`。回显请求的 Origin 也能通过浏览器的检查，但在带凭据时，这等于让互联网上任何网站都能带着用户的 Cookie 读取这个 API：挑战不接受这种做法。\n\n然后登录。请求已经指向 `/login`，它会返回 `Set-Cookie: labsession=…; SameSite=Lax`。发送它，再向 `/getData.html` 发送一个带凭据的 GET，展开它的实际请求：`Cookie` 请求头里带着 `labsession`。页面（`{host}:8100`）和 server01（`{host}:8000`）是两个源，却是同一个站点（site）：站点由协议和可注册域名决定，不看端口。所以 `SameSite=Lax` 的 Cookie 会随请求发送。',
      },
      tryThis: [
        {
          en: 'Choose a list for Access-Control-Allow-Origin with http://{host}:8100, and tick Access-Control-Allow-Credentials: true.',
          'zh-CN': '把 Access-Control-Allow-Origin 设为列表并填入 http://{host}:8100，再勾选 Access-Control-Allow-Credentials: true。',
        },
        { en: 'Send to /login, then change the URL to /getData.html and send: find Cookie in the actual request.', 'zh-CN': '先发送到 /login，再把 URL 改成 /getData.html 并发送：在实际请求里找到 Cookie。' },
        { en: 'Try reflect instead of the list: it works, and the check says it allows too much.', 'zh-CN': '把列表换成回显（reflect）试试：能用，但检查会提示开放得太多。' },
      ],
      preset: { request: { api: 'fetch', method: 'GET', url: '{server01}/login', credentials: 'include' }, policy: { allowOrigin: '*' } },
      check: leastPermissive(
        {
          todo: {
            en: 'Log in at /login, then send a GET with credentials to /getData.html that carries the labsession cookie and that the script reads.',
            'zh-CN': '先在 /login 登录，再向 /getData.html 发送带凭据的 GET：请求要带着 labsession Cookie，并且脚本能读到响应。',
          },
          tooLoose: {
            en: 'It works, but the policy allows more than this page: name only http://{host}:8100 (no *, no reflecting, no extra methods or headers) with Access-Control-Allow-Credentials: true, then send the GET again.',
            'zh-CN': '能用了，但策略开放得比需要的多：只写明 http://{host}:8100（不要 *，不要回显，不要多余的方法或请求头），并开启 Access-Control-Allow-Credentials: true，然后再发送一次 GET。',
          },
        },
        (s) => readWithCredentials(s, '/getData.html') && cookieRode(s),
        (p, s) => onlyPageOrigin(p, s.pageOrigin) && p.allowCredentials && p.allowMethods.length === 0 && p.allowHeaders.length === 0,
      ),
    },
    {
      id: 'cross-site',
      title: { en: 'Another site: the cookie stays home', 'zh-CN': '换一个站点：Cookie 留在浏览器里' },
      text: {
        en: 'Now call server01 through the other loopback name: the URL says `127.0.0.1` where the page says `localhost` (or the other way round). The CORS answer is right: to save typing, this step reflects the Origin with `Access-Control-Allow-Credentials: true`, which on this server answers exactly like the list of step 2 (on a real server, step 2 showed why not). Log in through that name, then send the GET: the script reads it, yet the actual request carries no `Cookie`.\n\nCORS decides who may read an answer; it never decides which cookies go along. Two cookie rules do. `labsession` is `SameSite=Lax`, and `localhost` and `127.0.0.1` are different sites: the browser neither stores such a cookie from a cross-site answer nor sends it with a cross-site fetch. And for this page a cookie of the other name is a third-party cookie, which the lab\'s Chromium blocks too: even a `SameSite=None; Secure` cookie would stay home. No CORS policy can bring it back.',
        'zh-CN': '现在通过另一个回环地址名调用 server01：页面用的是 `localhost`，URL 里就写 `127.0.0.1`（反之亦然）。CORS 响应是正确的：为了少打字，这一步用回显 Origin 加 `Access-Control-Allow-Credentials: true`，在这个服务器上它的响应和第 2 步的列表完全相同（真实服务器为什么不该这样做，第 2 步已经说明）。通过这个地址名登录，然后发送 GET：脚本能读到响应，但实际请求里没有 `Cookie`。\n\nCORS 决定谁可以读取响应，从不决定哪些 Cookie 随请求发送。决定这件事的是两条 Cookie 规则。`labsession` 是 `SameSite=Lax`，而 `localhost` 和 `127.0.0.1` 是不同的站点：浏览器既不会保存跨站响应设置的这种 Cookie，也不会在跨站的 fetch 中发送它。另外，对这个页面来说，另一个地址名的 Cookie 是第三方 Cookie，本实验室的 Chromium 也会拦截它：即使是 `SameSite=None; Secure` 的 Cookie 也不会发送。任何 CORS 策略都无法改变这一点。',
      },
      tryThis: [
        { en: 'Send to /login: the answer sets labsession (see Set-Cookie on the wire).', 'zh-CN': '发送到 /login：响应设置了 labsession（在网络记录里看 Set-Cookie）。' },
        { en: 'Change the URL to /getData.html on the same host name and send: allowed, and no Cookie in the actual request.', 'zh-CN': '把 URL 改成同一地址名下的 /getData.html 并发送：请求被放行，但实际请求里没有 Cookie。' },
        { en: 'Change the host back to the page\'s own name and send: the cookie from step 2 rides again.', 'zh-CN': '把主机名改回页面自己的地址名再发送：第 2 步的 Cookie 又随请求发送了。' },
      ],
      preset: { request: { api: 'fetch', method: 'GET', url: '{server01other}/login', credentials: 'include' }, policy: { allowOrigin: 'reflect', allowCredentials: true } },
      check: sends(
        {
          en: 'Through the other host name, log in at /login with credentials, then send a GET with credentials to /getData.html: the script reads it, and no cookie goes along.',
          'zh-CN': '通过另一个地址名，先带凭据在 /login 登录，再向 /getData.html 发送带凭据的 GET：脚本能读到响应，但没有 Cookie 随请求发送。',
        },
        (all) =>
          all.some(
            (login, i) =>
              crossSite(login) &&
              readWithCredentials(login, '/login') &&
              cookieSet(login) &&
              all.slice(i + 1).some((s) => hostOf(s.request.url) === hostOf(login.request.url) && readWithCredentials(s, '/getData.html') && !cookieRode(s)),
          ),
      ),
    },
  ],
  realServers: {
    en: 'Cookies across sites are going away: Safari blocks third-party cookies, Firefox keeps them in a separate jar per site, Chrome blocks them in Incognito and wherever users choose to. An API that needs a session either lives on the same site as its front end (app.example.com calling api.example.com, with a SameSite=Lax cookie) or takes a token in the Authorization header, which needs Access-Control-Allow-Headers: Authorization and no cookies at all. Beware of libraries that turn "any origin" plus credentials into reflecting the Origin: django-cors-headers does it with CORS_ALLOW_ALL_ORIGINS and CORS_ALLOW_CREDENTIALS, and cors for Express with origin: true. List the exact origins (CORS_ALLOWED_ORIGINS; cors\' origin: [...] with credentials: true).',
    'zh-CN': '跨站 Cookie 正在退出舞台：Safari 拦截第三方 Cookie，Firefox 为每个站点单独保存 Cookie，Chrome 在无痕模式下以及用户选择时拦截它们。需要会话的 API，要么和前端部署在同一个站点（app.example.com 调用 api.example.com，配合 SameSite=Lax 的 Cookie），要么改用 Authorization 请求头中的令牌：这需要 Access-Control-Allow-Headers: Authorization，而完全不需要 Cookie。要小心那些把“任意源”加凭据变成回显 Origin 的库：django-cors-headers 在同时设置 CORS_ALLOW_ALL_ORIGINS 和 CORS_ALLOW_CREDENTIALS 时就是这样，Express 的 cors 在 origin: true 时也是。请列出精确的源（CORS_ALLOWED_ORIGINS；cors 中 origin: [...] 加 credentials: true）。',
  },
};

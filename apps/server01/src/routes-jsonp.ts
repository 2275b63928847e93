/**
 * `/data.jsonp` (lesson 13): the data route's data as JSONP, for a page that
 * loads it with a `<script>` element. `?callback=NAME` gets a script calling
 * NAME with the data; `&evil=1` gets the same call plus code of server01's own,
 * harmless but visible, to show that whoever answers JSONP runs code in the page.
 * The name is checked against a strict identifier pattern: a JSONP endpoint
 * that echoes any `callback` lets a link write script into the answer.
 */
import type { FastifyInstance } from 'fastify';
import { API_ROUTES, JSONP_DATA, jsonpQueryProblem, type ErrorBody, type JsonpQuery } from '@cors-lab/shared';

// RFC 9239: text/javascript is the one JavaScript media type (application/javascript is obsolete, still run).
const SCRIPT_TYPE = 'text/javascript; charset=utf-8';

/** JSON that is also safe inside a script: U+2028 and U+2029 escaped, as Express's res.jsonp does. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * Express's res.jsonp shape: `/**\/` keeps the answer from starting with the
 * callback name (the Rosetta Flash attack), `typeof` spares a page whose callback is gone.
 */
export function jsonpCall(callback: string, data: unknown): string {
  return `/**/ typeof ${callback} === 'function' && ${callback}(${scriptJson(data)});`;
}

/**
 * What a JSONP server could do instead of (or besides) calling back: here it
 * retitles the page and adds a banner; it could as well read the page's
 * storage and cookies and send them away. The text follows the page's language.
 */
export const EVIL_CODE = `(function () {
  var zh = document.documentElement.lang === 'zh-CN';
  var entries = 0;
  try { entries = window.localStorage.length; } catch (e) { entries = 0; }
  document.title = zh ? '被 server01 接管' : 'Taken over by server01';
  var banner = document.createElement('div');
  banner.setAttribute('role', 'alert');
  banner.setAttribute('data-testid', 'jsonp-banner');
  banner.style.cssText = 'padding:.6rem 1rem;background:#8b0000;color:#fff;font:600 1rem system-ui,sans-serif;display:flex;gap:1rem;align-items:center;justify-content:center';
  var text = document.createElement('span');
  text.textContent = zh
    ? 'server01 在这个页面里运行了它自己的代码：它改了页面标题，还加了这条横幅。它同样可以读取这个页面的 localStorage（这里有 ' + entries + ' 项）、非 HttpOnly 的 Cookie 以及你输入的一切，并把它们发走。'
    : 'server01 ran its own code in this page: it changed the title and added this banner. It could just as well read this page\\'s localStorage (' + entries + ' entries here), its non-HttpOnly cookies and everything you type, and send them away.';
  var close = document.createElement('button');
  close.type = 'button';
  close.textContent = zh ? '关闭' : 'Close';
  close.onclick = function () { banner.remove(); };
  banner.appendChild(text);
  banner.appendChild(close);
  document.body.prepend(banner);
})();`;

export function registerJsonpRoutes(app: FastifyInstance): void {
  app.all(API_ROUTES.jsonp, async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff').header('Cache-Control', 'no-store');
    // A script element only ever GETs; anything else came from fetch or XHR.
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return reply
        .code(405)
        .header('Allow', 'GET, HEAD')
        .type('text/plain; charset=utf-8')
        .send(`405: JSONP is GET-only: a script element cannot send ${req.method}`);
    }
    const problem = jsonpQueryProblem(req.query);
    if (problem !== null) {
      const body: ErrorBody = { statusCode: 400, error: 'Bad Request', message: problem.message, errors: [problem] };
      return reply.code(400).type('application/json; charset=utf-8').send(JSON.stringify(body));
    }
    const { callback, evil } = req.query as JsonpQuery;
    const call = jsonpCall(callback, JSONP_DATA);
    return reply.type(SCRIPT_TYPE).send(evil === '1' ? `${EVIL_CODE}\n${call}` : call);
  });
}

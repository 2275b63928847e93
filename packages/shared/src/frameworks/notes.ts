/**
 * What an exporter returns, and the notes several targets share: where a
 * library cannot say what the policy says, or says it only through a trap.
 */
import type { Lang, Text } from '../lessons/types.ts';
import type { Policy } from '../policy.ts';
import { said } from '../said.ts';

export type TargetId = 'django-cors-headers' | 'flask-cors' | 'express-cors' | 'express-manual' | 'fastify-cors' | 'nginx';

export type ConfigLanguage = 'python' | 'javascript' | 'nginx';

/** trap: the snippet is right, but the library bites whoever edits it; inexact: the library cannot send what the lab sends. */
export interface Note {
  readonly kind: 'trap' | 'inexact';
  readonly name: string;
  readonly text: string;
}

/** A server configuration equivalent to a policy, with the notes to show beside it. */
export interface ExportedConfig {
  readonly target: TargetId;
  readonly language: ConfigLanguage;
  readonly code: string;
  readonly notes: readonly Note[];
}

/** A note in `lang`; each is written in both languages where it is made. */
export const trap = (name: string, text: Text | string, lang: Lang = 'en'): Note => ({ kind: 'trap', name, text: typeof text === 'string' ? text : text[lang] });
export const inexact = (name: string, text: Text | string, lang: Lang = 'en'): Note => ({ kind: 'inexact', name, text: typeof text === 'string' ? text : text[lang] });

/** For the library targets: raw answers are status and header lines, not a library's configuration. */
export function rawModeNote(library: string, lang: Lang = 'en'): Note {
  return inexact(
    'raw-mode',
    said(
      `Raw mode sends exact status and header lines, which is not something ${library} can be configured to do: ` +
        'this is the configuration for the policy underneath. The Express (hand-written) and nginx exports send the raw answers exactly.',
      `原始模式发送的是一字不差的状态行和响应头行，${library} 无法配置成这样：这里给出的是底层策略的配置。Express（手写中间件）和 nginx 的导出会原样发送原始应答。`,
    ),
    lang,
  );
}

/** Traps of the policy itself, whatever the server: `*` or any origin echoed, with credentials. */
export function credentialsTraps(policy: Policy, library: string, lang: Lang = 'en'): Note[] {
  if (!policy.allowCredentials) return [];
  if (policy.allowOrigin === 'reflect') {
    return [
      trap(
        'reflect-with-credentials',
        said(
          'The policy echoes any Origin with Access-Control-Allow-Credentials: true, so every site on the web can send ' +
            'credentialed requests (cookies included) and read the answers. List the origins you trust instead.',
          '这个策略把任何 Origin 原样回显，并带上 Access-Control-Allow-Credentials: true，于是网上任何网站都能发送带凭据的请求（包括 Cookie）并读取应答。请改为列出你信任的源。',
        ),
        lang,
      ),
    ];
  }
  if (policy.allowOrigin === '*') {
    return [
      trap(
        'wildcard-with-credentials',
        said(
          `${library} sends Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true, as the policy says, ` +
            'and nothing warns; browsers refuse that answer to a credentialed request (fetch.spec.whatwg.org/#cors-check).',
          `${library} 按策略同时发送 Access-Control-Allow-Origin: * 和 Access-Control-Allow-Credentials: true，而且没有任何警告；浏览器对带凭据的请求会拒绝这样的应答（fetch.spec.whatwg.org/#cors-check）。`,
        ),
        lang,
      ),
    ];
  }
  return [];
}

/**
 * A policy that allows no origin means no library at all, so a preflight
 * reaches the routes instead of getting the lab's empty answer, and nothing
 * adds the Vary: Origin the policy may send.
 */
export function noCorsNotes(policy: Policy, library: string, lang: Lang = 'en'): Note[] {
  const notes: Note[] = [];
  if (policy.preflight === 'policy') {
    notes.push(
      inexact(
        'no-cors-preflight',
        said(
          `Without ${library} a preflight reaches your app like any request (the framework may answer 200 with an Allow header, ` +
            `or 404 or 405) where the lab answers ${policy.preflightStatus} with no CORS headers; without ` +
            'Access-Control-Allow-Origin the browser fails the preflight either way.',
          `没有 ${library} 时，预检会像普通请求一样到达你的应用（框架可能用 200 加一个 Allow 头应答，也可能是 404 或 405），而实验室在这里用不带 CORS 头的 ${policy.preflightStatus} 应答；没有 Access-Control-Allow-Origin，浏览器无论如何都会判定预检失败。`,
        ),
        lang,
      ),
    );
  }
  if (policy.varyOrigin) {
    notes.push(
      inexact(
        'vary-origin',
        said(
          `The policy sends Vary: Origin on every answer; without ${library} nothing adds it, so add it in your app if a cache sits in front.`,
          `策略在每个应答上都发送 Vary: Origin；没有 ${library} 时没人会加上它，所以如果前面有缓存，请在你的应用里自己加。`,
        ),
        lang,
      ),
    );
  }
  return notes;
}

/** allowedHeaders of cors and @fastify/cors: left out, the library echoes Access-Control-Request-Headers. */
export function allowedHeadersTrap(library: string, lang: Lang = 'en'): Note {
  return trap(
    'allowed-headers-reflect',
    said(
      `allowedHeaders is load-bearing, even as an empty list: leave it out and ${library} echoes whatever the preflight asks for ` +
        'in Access-Control-Request-Headers, allowing every header.',
      `allowedHeaders 不能省，哪怕是空列表：省掉它，${library} 就会把预检在 Access-Control-Request-Headers 里要的东西原样回显，等于允许所有请求头。`,
    ),
    lang,
  );
}

/**
 * cors and @fastify/cors decide only Access-Control-Allow-Origin by the origin: every other header goes to
 * an origin a list refuses, and to a request without Origin, which `origin: true` has nothing to echo for.
 */
export function headersWithoutOriginNote(policy: Policy, library: string, lang: Lang = 'en'): Note[] {
  const others = policy.allowCredentials || policy.allowMethods.length + policy.allowHeaders.length + policy.exposeHeaders.length > 0 || policy.maxAge !== null;
  if ((policy.allowOrigin !== 'list' && policy.allowOrigin !== 'reflect') || !others) return [];
  const to = policy.allowOrigin === 'list'
    ? said('to an origin it refuses and to a request without Origin', '对它拒绝的源、对没有 Origin 的请求')
    : said('to a request without Origin, which it has no Origin to echo for', '对没有 Origin 的请求（这时它没有 Origin 可回显）');
  return [
    inexact(
      'headers-without-origin',
      said(
        `${library} sends its other CORS headers (Allow-Credentials, Allow-Methods, Allow-Headers, Max-Age, Expose-Headers, ` +
          `as configured) even ${to.en}, only without Access-Control-Allow-Origin; the lab sends none of them. ` +
          'Without Allow-Origin the browser fails the request either way.',
        `${library} 即使${to['zh-CN']}也会发送它的其他 CORS 头（按配置的 Allow-Credentials、Allow-Methods、Allow-Headers、Max-Age、Expose-Headers），只是不带 Access-Control-Allow-Origin；实验室这时一个都不发。没有 Allow-Origin，浏览器无论如何都会判定请求失败。`,
      ),
      lang,
    ),
  ];
}

/**
 * Access-Control-Expose-Headers matters only on an actual answer (fetch.spec.whatwg.org/#http-access-control-expose-headers);
 * cors, @fastify/cors, django-cors-headers and flask-cors send it on preflight answers too.
 */
export function exposeOnPreflightNote(policy: Policy, library: string, lang: Lang = 'en'): Note[] {
  if (policy.preflight !== 'policy' || policy.exposeHeaders.length === 0) return [];
  return [
    inexact(
      'expose-on-preflight',
      said(
        `${library} sends Access-Control-Expose-Headers on preflight answers too, where the lab sends it only on actual answers; ` +
          'browsers read it only on the actual answer, so the extra header does nothing.',
        `${library} 在预检的应答里也发送 Access-Control-Expose-Headers，而实验室只在实际请求的应答里发送；浏览器只读实际应答里的这个头，所以多出来的这个头不起作用。`,
      ),
      lang,
    ),
  ];
}

/**
 * Node's HTTP parser (llhttp) knows a fixed list of methods and answers any other one, such as a custom
 * VIEW or a lowercase patch, with 400 and no headers before the framework sees the request. server01
 * answers those from the raw bytes (apps/server01/src/rejected-method.ts).
 */
export function nodeRefusesMethodNote(sendsHeaders: boolean, framework: string, lang: Lang = 'en'): Note[] {
  if (!sendsHeaders) return [];
  return [
    inexact(
      'node-refuses-method',
      said(
        `Node's HTTP parser answers 400 Bad Request, with no CORS headers, to a method it does not know (a custom VIEW, a lowercase patch) ` +
          `before ${framework} sees the request; the lab answers it with the policy's headers. Browsers send such methods after a preflight that allows them.`,
        `对于不认识的方法（自定义的 VIEW、小写的 patch），Node 的 HTTP 解析器在 ${framework} 看到请求之前就用不带 CORS 头的 400 Bad Request 应答；实验室则用策略里的头应答。浏览器在预检允许之后就会发送这样的方法。`,
      ),
      lang,
    ),
  ];
}

/** django-cors-headers sends Allow-Credentials before it checks the origin. */
export function credentialsWithoutOriginNote(policy: Policy, library: string, lang: Lang = 'en'): Note[] {
  if (!policy.allowCredentials || policy.allowOrigin !== 'list') return [];
  return [
    inexact(
      'credentials-without-origin',
      said(
        `${library} sends Access-Control-Allow-Credentials: true even to an origin it refuses; the lab sends it only beside ` +
          'Access-Control-Allow-Origin. Without Allow-Origin the browser fails the request either way.',
        `${library} 即使对它拒绝的源也发送 Access-Control-Allow-Credentials: true；实验室只在发送 Access-Control-Allow-Origin 时才一并发送它。没有 Allow-Origin，浏览器无论如何都会判定请求失败。`,
      ),
      lang,
    ),
  ];
}

/**
 * The page's words a walk reads or clicks, in each language the lab speaks.
 * They are the texts of apps/client/src/i18n as a learner sees them; e2e may
 * not import an app, so the few it needs are written here.
 */
import type { Lang } from '@cors-lab/shared';

export interface UiWords {
  readonly lang: Lang;
  readonly eventStream: string;
  readonly eventsLive: string;
  readonly resetLab: string;
  readonly policySaved: string;
  readonly method: string;
  readonly body: string;
  readonly credentials: string;
  headerName(n: number): string;
  headerValue(n: number): string;
  /** Every header-name field of the request builder. */
  readonly headerNames: RegExp;
  readonly addHeader: string;
  readonly send: RegExp;
  readonly allowedOrigins: string;
  readonly originPatterns: string;
  /** The request builder's choice of sending page (lesson 12). */
  readonly sentFrom: string;
  /** The request builder's JSONP sender (lesson 13). */
  readonly scriptTag: string;
  readonly optionsAnsweredBy: string;
  readonly clear: string;
  readonly requestHeaders: RegExp;
  readonly responseHeaders: RegExp;
  readonly scriptHeaders: RegExp;
  readonly allLessons: string;
  readonly nextStep: string;
  readonly realServers: string;
  readonly challenge: string;
  /** The timeline's note on a preflight the browser's cache answered. */
  readonly preflightCached: string;
  /** The request counter above the timeline. */
  counter(preflights: number, actuals: number): string;
}

export const UI_WORDS: Readonly<Record<Lang, UiWords>> = {
  en: {
    lang: 'en',
    eventStream: 'event stream',
    eventsLive: 'events: live',
    resetLab: 'Reset lab',
    policySaved: 'server01 uses this policy now',
    method: 'Method',
    body: 'Body',
    credentials: 'Credentials',
    headerName: (n) => `Header name ${n}`,
    headerValue: (n) => `Header value ${n}`,
    headerNames: /^Header name \d+$/,
    addHeader: 'Add header',
    send: /^Send/,
    allowedOrigins: 'Allowed origins',
    originPatterns: 'Allowed origin patterns',
    sentFrom: 'Sent from',
    scriptTag: 'script tag (JSONP)',
    optionsAnsweredBy: 'OPTIONS is answered by',
    clear: 'Clear',
    requestHeaders: /^Request headers/,
    responseHeaders: /^Response headers/,
    scriptHeaders: /^Headers the script can read/,
    allLessons: 'All lessons',
    nextStep: 'Next step',
    realServers: 'What real servers do',
    challenge: 'challenge',
    preflightCached: 'The browser used its preflight cache',
    counter: (p, a) => `server01 received ${p} OPTIONS · ${a} actual`,
  },
  'zh-CN': {
    lang: 'zh-CN',
    eventStream: '事件流',
    eventsLive: '事件流：已连接',
    resetLab: '重置实验',
    policySaved: 'server01 现在使用此策略',
    method: '方法',
    body: '请求体',
    credentials: '凭据',
    headerName: (n) => `请求头名称 ${n}`,
    headerValue: (n) => `请求头的值 ${n}`,
    headerNames: /^请求头名称 \d+$/,
    addHeader: '添加请求头',
    send: /^发送/,
    allowedOrigins: '允许的源',
    originPatterns: '允许的源模式',
    sentFrom: '发送方',
    scriptTag: 'script 标签（JSONP）',
    optionsAnsweredBy: 'OPTIONS 请求的应答方',
    clear: '清空',
    requestHeaders: /^请求头/,
    responseHeaders: /^响应头/,
    scriptHeaders: /^脚本可以读取的响应头/,
    allLessons: '全部课程',
    nextStep: '下一步',
    realServers: '真实服务器怎么做',
    challenge: '挑战',
    preflightCached: '浏览器使用了预检缓存',
    counter: (p, a) => `server01 收到 ${p} 个 OPTIONS · ${a} 个实际请求`,
  },
};

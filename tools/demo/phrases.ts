/** What the recording's captions say about each action, in the recording's language. */
import type { Lang } from '@cors-lab/shared';
import type { Sender } from '../../e2e/support/lab-page.ts';

export type AllowOriginMode = 'none' | '*' | 'list' | 'reflect';

export interface Phrases {
  lesson(number: number, title: string): string;
  step(step: number, count: number, title: string): string;
  openLesson(title: string): string;
  send: string;
  allowOrigin(mode: AllowOriginMode, origins: readonly string[]): string;
  setPolicy(label: string, value: string): string;
  tick(label: string, on: boolean): string;
  type(label: string, value: string): string;
  requestUrl(url: string): string;
  requestMethod(method: string): string;
  withCredentials: string;
  useApi(api: Sender): string;
  /** '' is this page. */
  sendFrom(origin: string): string;
  newTab(url: string): string;
  /** The caption over the picture of the other tab. */
  otherTab(url: string): string;
  openExchange(kind: 'preflight' | 'actual'): string;
  nextStep: string;
  realServers: string;
}

export const PHRASES: Readonly<Record<Lang, Phrases>> = {
  en: {
    lesson: (n, title) => `Lesson ${n}: ${title}`,
    step: (i, count, title) => `Step ${i} of ${count}: ${title}`,
    openLesson: (title) => `Open the lesson “${title}”`,
    send: 'Send the request',
    allowOrigin: (mode, origins) =>
      ({ none: 'Send no Access-Control-Allow-Origin', '*': 'Allow every origin: *', list: `Allow only ${origins.join(', ')}`, reflect: 'Reflect whatever Origin arrives' })[mode],
    setPolicy: (label, value) => `Set ${label} to ${value === '' ? '(nothing)' : value}`,
    tick: (label, on) => `${on ? 'Tick' : 'Untick'} ${label}`,
    type: (label, value) => `Type ${value} in ${label}`,
    requestUrl: (url) => `Send to ${url}`,
    requestMethod: (method) => `Method: ${method}`,
    withCredentials: 'Send with credentials',
    useApi: (api) => `Send with ${{ fetch: 'fetch', xhr: 'XMLHttpRequest', script: 'a script tag (JSONP)' }[api]}`,
    sendFrom: (origin) => (origin === '' ? 'Send from this page' : origin === 'null' ? 'Send from a sandboxed iframe (Origin: null)' : `Send from a page on ${origin}`),
    newTab: (url) => `Open ${url} in a new tab`,
    otherTab: (url) => `The other tab, ${url}:`,
    openExchange: (kind) => (kind === 'preflight' ? 'Open the preflight (OPTIONS)' : 'Open the actual request'),
    nextStep: 'Next step',
    realServers: 'What real servers do',
  },
  'zh-CN': {
    lesson: (n, title) => `第 ${n} 课：${title}`,
    step: (i, count, title) => `第 ${i} 步（共 ${count} 步）：${title}`,
    openLesson: (title) => `打开课程“${title}”`,
    send: '发送请求',
    allowOrigin: (mode, origins) =>
      ({ none: '不发送 Access-Control-Allow-Origin', '*': '允许所有源：*', list: `只允许 ${origins.join('、')}`, reflect: '原样回显收到的 Origin' })[mode],
    setPolicy: (label, value) => `把 ${label} 设为 ${value === '' ? '（空）' : value}`,
    tick: (label, on) => `${on ? '勾选' : '取消勾选'} ${label}`,
    type: (label, value) => `在“${label}”中输入 ${value}`,
    requestUrl: (url) => `改为发往 ${url}`,
    requestMethod: (method) => `方法：${method}`,
    withCredentials: '带上凭据发送',
    useApi: (api) => `改用 ${{ fetch: 'fetch', xhr: 'XMLHttpRequest', script: 'script 标签（JSONP）' }[api]} 发送`,
    sendFrom: (origin) => (origin === '' ? '从本页面发送' : origin === 'null' ? '从沙箱 iframe 发送（Origin: null）' : `从 ${origin} 上的页面发送`),
    newTab: (url) => `在新标签页中打开 ${url}`,
    otherTab: (url) => `另一个标签页 ${url}：`,
    openExchange: (kind) => (kind === 'preflight' ? '展开预检请求（OPTIONS）' : '展开实际请求'),
    nextStep: '下一步',
    realServers: '真实服务器怎么做',
  },
};

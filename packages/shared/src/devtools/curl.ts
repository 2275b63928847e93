/**
 * DevTools' "Copy as cURL" for a request server01 recorded: the command that
 * sends the same request by hand, the preflight included (as the OPTIONS it
 * was). Method, path and headers are the ones received, in wire order.
 */
import { headerValues } from '../cors-checks.ts';
import type { ServerRecord } from '../wire.ts';
import { isBodyCut, requestUrl } from './request-url.ts';

/**
 * Headers left to curl: it writes Host from the URL, Content-Length from the
 * data and its own Connection handling; passing the received ones again would
 * send them twice or contradict the body it actually sends.
 */
const CURL_WRITES = new Set(['host', 'content-length', 'connection']);

/**
 * Headers curl adds on its own when the command names none. A request that
 * came without one gets `-H 'Name:'`, which tells curl to send none either,
 * so the reproduction carries no header the browser did not send.
 */
const curlDefaults = (withData: boolean, bodyBytes: number): string[] => [
  'User-Agent',
  'Accept',
  ...(withData ? ['Content-Type'] : []),
  // curl 7.x asks for 100-continue before a body over 1 KiB.
  ...(bodyBytes > 1024 ? ['Expect'] : []),
];

/** One POSIX shell word: single quotes, with each `'` written as `'\''`. */
export function shellQuote(s: string): string {
  return `'${s.replaceAll("'", "'\\''")}'`;
}

/** A word as is when the shell reads it literally (`PUT`), else quoted (`'GET$'`). */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_.,:/@%+=-]+$/.test(s) ? s : shellQuote(s);
}

/** `Name: value`, or `Name;` for an empty value: curl reads `Name:` as "remove this header". */
function headerArg(name: string, value: string): string {
  return value === '' ? `${name};` : `${name}: ${value}`;
}

/** The curl command for one recorded request; `origin` is server01's (http://localhost:8000). */
export function curlOf(record: ServerRecord, origin: string): string {
  const { request } = record;
  const url = requestUrl(request, origin);
  const withData = request.bodyBytes > 0;
  // `-X HEAD` would make curl wait for a body that never comes; --head sends HEAD and expects none.
  const head = request.method === 'HEAD' && !withData ? ['--head'] : ['-i', '-X', shellWord(request.method)];
  const options: string[] = [];
  // curl reads [] and {} in a URL as globs, and resolves ./ and ../ segments before sending.
  if (/[[\]{}]/.test(url)) options.push('--globoff');
  if (/(^|\/)\.\.?(\/|$|\?)/.test(request.url)) options.push('--path-as-is');
  if (request.httpVersion === '1.0') options.push('--http1.0');

  const lines = [['curl', ...head, ...options, shellQuote(url)].join(' ')];
  for (const [name, value] of request.headers) {
    if (!CURL_WRITES.has(name.toLowerCase())) lines.push(`-H ${shellQuote(headerArg(name, value))}`);
  }
  for (const name of curlDefaults(withData, request.bodyBytes)) {
    if (headerValues(request.headers, name).length === 0) lines.push(`-H ${shellQuote(`${name}:`)}`);
  }
  if (withData) lines.push(`--data-raw ${shellQuote(request.body)}`);
  const command = lines.join(' \\\n  ');
  return isBodyCut(request.body, request.bodyBytes)
    ? `# server01 kept only the start of this ${request.bodyBytes}-byte body: the command sends that start.\n${command}`
    : command;
}

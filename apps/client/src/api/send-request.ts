/** Sends the learner's request exactly as a page's script would, with fetch or XMLHttpRequest, or as a script tag. */
import type { HeaderLine, LabRequest, ScriptResult } from '@cors-lab/shared';
import { sendFromFrame } from './frame-sender.ts';
import { sendWithScript } from './send-script.ts';

const mayHaveBody = (method: string) => !['GET', 'HEAD'].includes(method.toUpperCase());

const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

async function sendWithFetch(req: LabRequest): Promise<ScriptResult> {
  const init: RequestInit = { method: req.method, headers: req.headers.map(([n, v]): [string, string] => [n, v]), credentials: req.credentials, mode: 'cors' };
  if (mayHaveBody(req.method) && req.body !== '') init.body = req.body;
  try {
    const res = await fetch(req.url, init);
    const headers: HeaderLine[] = [...res.headers.entries()];
    return { kind: 'response', status: res.status, body: await res.text(), headers };
  } catch (e) {
    return { kind: 'error', message: describe(e) };
  }
}

function parseXhrHeaders(all: string): HeaderLine[] {
  return all
    .trim()
    .split(/\r\n/)
    .filter((l) => l.includes(':'))
    .map((l): HeaderLine => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]);
}

function sendWithXhr(req: LabRequest): Promise<ScriptResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    try {
      xhr.open(req.method, req.url);
      xhr.withCredentials = req.credentials === 'include';
      for (const [name, value] of req.headers) xhr.setRequestHeader(name, value);
      xhr.onloadend = () => {
        // A CORS failure is a network error to the script: status 0, no body, no headers.
        if (xhr.status === 0) resolve({ kind: 'error', message: 'XMLHttpRequest network error: status 0' });
        else resolve({ kind: 'response', status: xhr.status, body: xhr.responseText, headers: parseXhrHeaders(xhr.getAllResponseHeaders()) });
      };
      xhr.send(mayHaveBody(req.method) && req.body !== '' ? req.body : null);
    } catch (e) {
      resolve({ kind: 'error', message: describe(e) });
    }
  });
}

export function sendRequest(req: LabRequest): Promise<ScriptResult> {
  if (req.from !== undefined) return sendFromFrame(req, req.from);
  if (req.api === 'script') return sendWithScript(req);
  return req.api === 'fetch' ? sendWithFetch(req) : sendWithXhr(req);
}

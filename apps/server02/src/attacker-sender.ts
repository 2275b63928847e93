/**
 * The script of the attacker server's pages (lesson 12), as plain browser
 * JavaScript: it runs on another origin, outside the lab's bundle.
 *
 * In a frame (`data-parent` set) it sends what the lab page posts to it and
 * posts back what its script got, as the lab page's own sender does
 * (apps/client/src/api/send-request.ts; keep the two alike). On the
 * standalone page (`data-steal` set) it reads that URL with the user's
 * cookies and shows what it got.
 */
export const SENDER_SCRIPT = String.raw`(() => {
  'use strict';
  const script = document.currentScript;
  const parentOrigin = script.dataset.parent;
  const stealUrl = script.dataset.steal;
  const log = document.getElementById('log');
  const mayHaveBody = (m) => !['GET', 'HEAD'].includes(m.toUpperCase());
  const describe = (e) => (e instanceof Error ? e.name + ': ' + e.message : String(e));

  async function withFetch(req) {
    const init = { method: req.method, headers: req.headers, credentials: req.credentials, mode: 'cors' };
    if (mayHaveBody(req.method) && req.body !== '') init.body = req.body;
    try {
      const res = await fetch(req.url, init);
      return { kind: 'response', status: res.status, body: await res.text(), headers: [...res.headers.entries()] };
    } catch (e) {
      return { kind: 'error', message: describe(e) };
    }
  }

  function withXhr(req) {
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      try {
        xhr.open(req.method, req.url);
        xhr.withCredentials = req.credentials === 'include';
        for (const [name, value] of req.headers) xhr.setRequestHeader(name, value);
        xhr.onloadend = () => {
          if (xhr.status === 0) resolve({ kind: 'error', message: 'XMLHttpRequest network error: status 0' });
          else {
            const headers = xhr.getAllResponseHeaders().trim().split(/\r\n/).filter((l) => l.includes(':'))
              .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]);
            resolve({ kind: 'response', status: xhr.status, body: xhr.responseText, headers });
          }
        };
        xhr.send(mayHaveBody(req.method) && req.body !== '' ? req.body : null);
      } catch (e) {
        resolve({ kind: 'error', message: describe(e) });
      }
    });
  }

  const show = (url, result) => {
    if (log === null) return;
    log.dataset.outcome = result.kind === 'response' ? 'read' : 'blocked';
    log.textContent = url + '\n' + (result.kind === 'response' ? result.status + ' ' + result.body : result.message);
  };

  if (parentOrigin) {
    window.addEventListener('message', async (event) => {
      if (event.source !== window.parent || event.origin !== parentOrigin) return;
      const data = event.data;
      if (data === null || typeof data !== 'object' || data.type !== 'cors-lab/send') return;
      const result = data.request.api === 'xhr' ? await withXhr(data.request) : await withFetch(data.request);
      show(data.request.url, result);
      window.parent.postMessage({ type: 'cors-lab/result', id: data.id, result }, parentOrigin);
    });
    window.parent.postMessage({ type: 'cors-lab/ready' }, parentOrigin);
  }

  if (stealUrl) {
    withFetch({ method: 'GET', url: stealUrl, headers: [], body: '', credentials: 'include' }).then((result) => show(stealUrl, result));
  }
})();
`;

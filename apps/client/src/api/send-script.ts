/**
 * Sends with a `<script src>` element, as a JSONP page does: a global
 * callback with a name unique to this send, `?callback=` set to it (jQuery's
 * `callback=?` convention), and the element and the global removed once the
 * script has run or failed. What the page can tell afterwards is all it gets:
 * what the callback received, whether the script changed the page, and an error
 * it threw ("Script error." for a cross-origin script).
 */
import { withJsonpCallback, type LabRequest, type ScriptResult } from '@cors-lab/shared';

/** Generous: a script that neither loads nor fails in this time is reported as failed. */
const TIMEOUT_MS = 15_000;

/** The error a failed load gives the page, as technical as fetch's "TypeError: Failed to fetch". */
export const SCRIPT_ERROR_EVENT = 'script element: error event';
const SCRIPT_TIMEOUT = 'script element: no load or error event';

type Callbacks = Record<string, ((data: unknown) => void) | undefined>;

function uniqueName(): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `corsLabJsonp_${random[0]!.toString(36)}${random[1]!.toString(36)}`;
}

export function sendWithScript(req: LabRequest): Promise<ScriptResult> {
  const name = uniqueName();
  const callbacks = window as unknown as Callbacks;
  const titleBefore = document.title;
  let received: string | null = null;
  let thrown: string | null = null;
  let elementsAdded = 0;
  // Only what lands directly in <body>: the lab renders inside #root, the loaded script would not.
  const observer = new MutationObserver((changes) => {
    for (const c of changes) elementsAdded += [...c.addedNodes].filter((n) => n.nodeType === Node.ELEMENT_NODE).length;
  });
  const onError = (e: ErrorEvent) => (thrown = e.message);

  return new Promise((resolve) => {
    const script = document.createElement('script');
    let timer = 0;
    const finish = (result: ScriptResult) => {
      observer.takeRecords().forEach((c) => (elementsAdded += [...c.addedNodes].filter((n) => n.nodeType === Node.ELEMENT_NODE).length));
      observer.disconnect();
      window.removeEventListener('error', onError);
      clearTimeout(timer);
      script.remove();
      delete callbacks[name];
      resolve(result);
    };
    callbacks[name] = (data: unknown) => {
      received = JSON.stringify(data) ?? 'undefined';
    };
    script.async = true;
    // The script element fires load after the script ran, error when it was not run (status, MIME type, network).
    script.onload = () =>
      finish({
        kind: 'script',
        received,
        titleChanged: document.title === titleBefore ? null : { from: titleBefore, to: document.title },
        elementsAdded,
        thrown,
      });
    // All the page learns of a failed load is the event itself: no status, no body.
    script.onerror = () => finish({ kind: 'error', message: SCRIPT_ERROR_EVENT });
    timer = window.setTimeout(() => finish({ kind: 'error', message: `${SCRIPT_TIMEOUT} (${TIMEOUT_MS / 1000} s)` }), TIMEOUT_MS);
    observer.observe(document.body, { childList: true });
    window.addEventListener('error', onError);
    script.src = withJsonpCallback(req.url, name);
    document.head.append(script);
  });
}

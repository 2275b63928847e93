/**
 * Sends from another origin (lesson 12): the request goes to a frame on that
 * origin, whose own script sends it and posts back what it got. The frame is
 * a page of the attacker server (port 8300, any host name), or a sandboxed
 * iframe (`sandbox="allow-scripts"`, no allow-same-origin), whose origin is
 * opaque: its requests carry `Origin: null`.
 */
import { ATTACKER_ROUTES, originOf, PORTS, type LabRequest, type ScriptResult } from '@cors-lab/shared';

/** The value of `from` that means a sandboxed iframe. */
export const SANDBOX = 'null';

/** How long a frame may take to load before the send reports that it could not. */
const READY_MS = 8_000;

interface Frame {
  readonly element: HTMLIFrameElement;
  readonly window: Window;
  /** The origin to post to: the frame's, or `*` for a sandboxed one (an opaque origin has no name). */
  readonly target: string;
  readonly ready: Promise<void>;
}

const frames = new Map<string, Frame>();
let nextId = 1;
/** Per send id: the frame it went to, and what to do with its answer. */
const waiting = new Map<string, { readonly window: Window; readonly settle: (result: ScriptResult) => void }>();
const readyWaiters = new Map<Window, () => void>();

/** Where `from` can send from: a sandboxed iframe, or an http origin on the attacker server's port. */
export function frameSource(from: string, pageOrigin: string, attackerHost: string): { sandbox: true; srcdoc: string } | { sandbox: false; src: string } | null {
  const script = `${originOf('attacker', attackerHost)}${ATTACKER_ROUTES.script}`;
  if (from === SANDBOX) {
    const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    return { sandbox: true, srcdoc: `<!doctype html><meta charset="utf-8"><pre id="log"></pre><script src="${attr(script)}" data-parent="${attr(pageOrigin)}"></script>` };
  }
  if (!/^http:\/\/[a-z0-9.-]+:\d+$/.test(from) || !from.endsWith(`:${PORTS.attacker}`)) return null;
  return { sandbox: false, src: `${from}${ATTACKER_ROUTES.frame}?parent=${encodeURIComponent(pageOrigin)}` };
}

function onMessage(event: MessageEvent): void {
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null || event.source === null) return;
  const message = data as { type?: unknown; id?: unknown; result?: unknown };
  if (message.type === 'cors-lab/ready') readyWaiters.get(event.source as Window)?.();
  if (message.type !== 'cors-lab/result' || typeof message.id !== 'string') return;
  // Only the frame a send went to answers it.
  const send = waiting.get(message.id);
  if (send !== undefined && send.window === event.source) send.settle(message.result as ScriptResult);
}

function openFrame(from: string): Frame | string {
  const source = frameSource(from, location.origin, location.hostname);
  if (source === null) return `cannot send from ${from}: only null (a sandboxed iframe) or an origin on port ${PORTS.attacker}`;
  const element = document.createElement('iframe');
  element.hidden = true;
  element.title = `sender frame ${from}`;
  element.dataset.senderFrame = from;
  if (source.sandbox) {
    element.setAttribute('sandbox', 'allow-scripts');
    element.srcdoc = source.srcdoc;
  } else element.src = source.src;
  document.body.append(element);
  // A frame's WindowProxy stays the same object across its navigations: it is known before the page loads.
  const window = element.contentWindow!;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      readyWaiters.delete(window);
      reject(new Error(`the frame on ${from} did not load within ${READY_MS / 1000} s: is the lab's attacker server running on port ${PORTS.attacker}?`));
    }, READY_MS);
    readyWaiters.set(window, () => {
      clearTimeout(timer);
      readyWaiters.delete(window);
      resolve();
    });
  });
  return { element, window, target: source.sandbox ? '*' : from, ready };
}

/** Sends `req` from the frame of `from`, and resolves with what that frame's script got. */
export async function sendFromFrame(req: LabRequest, from: string): Promise<ScriptResult> {
  if (frames.size === 0) window.addEventListener('message', onMessage);
  let frame = frames.get(from);
  if (frame === undefined) {
    const opened = openFrame(from);
    if (typeof opened === 'string') return { kind: 'error', message: opened };
    frames.set(from, (frame = opened));
  }
  try {
    await frame.ready;
  } catch (e) {
    frames.delete(from);
    frame.element.remove();
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
  const id = String(nextId++);
  const { from: _from, ...request } = req;
  const target = frame;
  return new Promise<ScriptResult>((resolve) => {
    waiting.set(id, {
      window: target.window,
      settle: (result) => {
        waiting.delete(id);
        resolve(result);
      },
    });
    target.window.postMessage({ type: 'cors-lab/send', id, request }, target.target);
  });
}

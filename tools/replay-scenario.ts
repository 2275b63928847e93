/** Replays one scenario in a fresh browser context and reports what Chromium did. */
import type { BrowserContext, Page } from '@playwright/test';
import { BLANK_PAGE, CONTROL_ROUTES, EMPTY_POLICY, originOfUrl, PORTS, scenarioRequest, type History, type Observed, type Policy, type Scenario } from '@cors-lab/shared';

const CONTROL = `http://localhost:${PORTS.server02}`;

export interface Targets {
  /** The page the requests run from, on the scenario's page origin. */
  readonly pageUrl: string;
  /** The request URL, pointed at server01. */
  readonly url: string;
}

const withPort = (origin: string, port: number) => origin.replace(/:\d+$/, '').concat(`:${port}`);

/** Where to load the page and send the request; a string says why the scenario cannot be replayed here. */
export function replayTargets(s: Scenario): Targets | string {
  const page = originOfUrl(`${s.page}/`);
  const target = originOfUrl(s.request.url);
  if (page === null || !page.startsWith('http://')) return `page ${s.page} is not an http origin`;
  if (target === null) return `URL ${s.request.url} is not an http(s) URL`;
  const path = s.request.url.slice(s.request.url.indexOf('/', s.request.url.indexOf('//') + 2)) || '/';
  // Same origin: move both to server01's port, so server01 can answer as the scenario says.
  if (page === target) return { pageUrl: `${withPort(page, PORTS.server01)}${BLANK_PAGE}`, url: `${withPort(target, PORTS.server01)}${path}` };
  if (!page.endsWith(`:${PORTS.server02}`)) return `page ${s.page} must be on port ${PORTS.server02}`;
  if (!target.startsWith('http://') || !target.endsWith(`:${PORTS.server01}`)) return `URL ${s.request.url} must be http on port ${PORTS.server01}`;
  return { pageUrl: `${page}${BLANK_PAGE}`, url: s.request.url };
}

async function head(): Promise<number> {
  const res = await fetch(`${CONTROL}${CONTROL_ROUTES.history}?after=${Number.MAX_SAFE_INTEGER}`);
  return ((await res.json()) as History).head;
}

/**
 * The kinds of the records server01 made since `seq`: the scenario's own
 * requests and their redirect hops, but not a page's favicon request.
 */
async function recordsAfter(seq: number): Promise<('preflight' | 'actual')[]> {
  const res = await fetch(`${CONTROL}${CONTROL_ROUTES.history}?after=${seq}`);
  return ((await res.json()) as History).events.flatMap((e) => (e.type === 'record' && e.record.request.url !== '/favicon.ico' ? [e.record.kind] : []));
}

async function putPolicy(policy: Policy): Promise<Response> {
  return fetch(`${CONTROL}${CONTROL_ROUTES.policy}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(policy) });
}

/** server01 in raw mode, answering exactly as the scenario says. */
async function applyScenario(s: Scenario): Promise<string | null> {
  // Whitespace around a header value does not survive HTTP parsing; trimmed, it is the same on the wire.
  // server01 frames the body itself and always sends its own Content-Length.
  const trim = (h: Scenario['server']['actual']['headers']) =>
    Object.fromEntries(
      Object.entries(h ?? {})
        .filter(([n]) => n.toLowerCase() !== 'content-length')
        .map(([n, v]) => [n, Array.isArray(v) ? v.map((x) => x.trim()) : v.trim()]),
    );
  const answer = (a: Scenario['server']['actual']) => ({ status: a.status, headers: trim(a.headers), ...(a.body !== undefined ? { body: a.body } : {}) });
  const policy: Policy = {
    ...EMPTY_POLICY,
    raw: { enabled: true, preflight: answer(s.server.preflight ?? s.server.actual), actual: answer(s.server.actual) },
  };
  const res = await putPolicy(policy);
  return res.ok ? null : `server01 cannot answer this way: ${((await res.json()) as { message: string }).message}`;
}

// Runs in the page; a string, because the test runner's helpers do not exist there.
const SEND = `async ({ url, init, names }) => {
  try {
    const res = await fetch(url, init);
    await res.text();
    return { ok: true, readable: names.filter((n) => res.headers.get(n) !== null) };
  } catch (e) {
    return { ok: false, error: String(e) };
  }
}`;

interface SendOutcome {
  readonly ok: boolean;
  readonly readable?: string[];
  readonly error?: string;
}

/**
 * One browser context for the whole run, one page per page origin. Each
 * scenario gets a URL of its own (a `replay` query parameter), and since the
 * preflight cache is keyed by URL, no scenario sees another's cache entries.
 */
export class Replayer {
  readonly #pages = new Map<string, Page>();
  #count = 0;

  constructor(private readonly context: BrowserContext) {}

  async #page(url: string): Promise<Page> {
    let page = this.#pages.get(url);
    if (page === undefined) {
      // A page on server01's origin is loaded under the empty policy, not under a scenario's raw answers.
      await putPolicy(EMPTY_POLICY);
      page = await this.context.newPage();
      await page.goto(url);
      this.#pages.set(url, page);
    }
    return page;
  }

  async observe(s: Scenario, targets: Targets): Promise<Omit<Observed, 'id'> | string> {
    const page = await this.#page(targets.pageUrl);
    const refused = await applyScenario(s);
    if (refused !== null) return refused;
    const url = `${targets.url}${targets.url.includes('?') ? '&' : '?'}replay=${++this.#count}`;
    const request = scenarioRequest(s);
    const init: Record<string, unknown> = { method: s.request.method, headers: s.request.headers ?? {}, credentials: request.credentials, mode: 'cors' };
    if (s.request.body !== undefined) init.body = s.request.body;
    const names = [...new Set(Object.keys(s.server.actual.headers ?? {}).map((n) => n.toLowerCase()))];
    const sends: { outcome: SendOutcome; kinds: ('preflight' | 'actual')[] }[] = [];
    for (let i = 0; i < (s.request.repeat ?? 1); i++) {
      const before = await head();
      const outcome = (await page.evaluate(`(${SEND})(${JSON.stringify({ url, init, names })})`)) as SendOutcome;
      sends.push({ outcome, kinds: await recordsAfter(before) });
    }
    const first = sends[0]!;
    const last = sends[sends.length - 1]!;
    const outcome = last.outcome.ok ? 'allowed' : last.kinds.length === 0 ? 'not-sent' : 'blocked';
    return {
      preflight: first.kinds.includes('preflight'),
      preflights: sends.reduce((n, x) => n + x.kinds.filter((k) => k === 'preflight').length, 0),
      actualSent: sends.some((x) => x.kinds.includes('actual')),
      outcome,
      blockedAt: outcome !== 'blocked' ? null : last.kinds.includes('preflight') && !last.kinds.includes('actual') ? 'preflight' : 'actual',
      exposedHeaders: outcome === 'allowed' ? [...(last.outcome.readable ?? [])].sort() : [],
    };
  }
}

/**
 * Which lab this page works in. On a classroom server (or with `?labs=own` in
 * the page's URL) each browser keeps a lab of its own, its id in localStorage
 * and never in a URL another learner could be sent; otherwise the default lab
 * and the classic demo's URLs.
 */
import { CONTROL_ROUTES, DEFAULT_LAB, isLabId, labIdFromBytes, labPrefix, LOOKALIKE_HOSTS, originOf, PORTS, type LabConfig } from '@cors-lab/shared';

const STORAGE_KEY = 'cors-lab.lab-id';

let lab = DEFAULT_LAB;
/**
 * Added to every sequence number the servers send. Their numbers start again
 * at 1 after a restart; the page's go on rising, so nothing it holds is lost.
 */
let seqBase = 0;

export const toPageSeq = (serverSeq: number): number => serverSeq + seqBase;
export const toServerSeq = (pageSeq: number): number => Math.max(0, pageSeq - seqBase);
/** After a restart: the new server's seq 1 comes after everything the page has seen. */
export const rebaseSeq = (pageHead: number): void => {
  seqBase = pageHead;
};

export const currentLab = (): string => lab;

/** server01's base URL for this lab: `http://host:8000` or `http://host:8000/l/<id>`. */
export const server01Base = (): string => `${originOf('server01', location.hostname)}${labPrefix(lab)}`;

/** A control-plane path with this lab's `lab=` parameter (none for the default lab). */
export function labPath(path: string, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  if (lab !== DEFAULT_LAB) query.set('lab', lab);
  const q = query.toString();
  return q === '' ? path : `${path}?${q}`;
}

function ownLabId(): string {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored !== null && isLabId(stored) && stored !== DEFAULT_LAB) return stored;
  const id = labIdFromBytes(crypto.getRandomValues(new Uint8Array(16)));
  localStorage.setItem(STORAGE_KEY, id);
  return id;
}

export async function fetchConfig(): Promise<LabConfig> {
  const res = await fetch(CONTROL_ROUTES.config, { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET ${CONTROL_ROUTES.config}: ${res.status}`);
  return (await res.json()) as LabConfig;
}

/** Asks the server how labs are run and picks this page's lab. */
export async function joinLab(): Promise<LabConfig | null> {
  const config = await fetchConfig().catch(() => null);
  const own = config?.labs === 'own' || new URLSearchParams(location.search).get('labs') === 'own';
  lab = own ? ownLabId() : DEFAULT_LAB;
  return config;
}

/**
 * Values for a lesson's placeholders: `{server01}`, `{server01other}` (the other loopback name), `{page}`, `{host}`, `{lab}`;
 * lesson 12's `{attacker}`, `{partner}`, `{evil}` (origins) and `{attackerPage}` (a URL).
 */
export function urlVars(): Record<string, string> {
  const host = location.hostname;
  const other = host === 'localhost' ? '127.0.0.1' : 'localhost';
  return {
    server01: server01Base(),
    server01other: `${originOf('server01', other)}${labPrefix(lab)}`,
    page: location.origin,
    host,
    lab: labPrefix(lab),
    // Lesson 12: another origin of the same site, two look-alike sites, and the attacker's page for this lab.
    attacker: originOf('attacker', host),
    partner: `http://${LOOKALIKE_HOSTS.partner}:${PORTS.attacker}`,
    evil: `http://${LOOKALIKE_HOSTS.evil}:${PORTS.attacker}`,
    attackerPage: `${originOf('attacker', host)}/${lab === DEFAULT_LAB ? '' : `?lab=${lab}`}`,
  };
}

/** Fills `{name}` placeholders in a lesson's URL template. */
export function fillUrl(template: string): string {
  const vars = urlVars();
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

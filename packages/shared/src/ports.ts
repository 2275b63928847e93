/** Ports, origins and route paths of the lab, defined once. */

/** attacker: a page on another origin of the same site (lesson 12), served by the lab process too. */
export const PORTS = { server01: 8000, server02: 8100, attacker: 8300 } as const;

/** Host name used when none is given: the classic demo's. */
export const DEFAULT_HOST = 'localhost';

/** `http://<host>:<port>`, the serialized origin of one of the lab's servers. */
export function originOf(server: keyof typeof PORTS, host: string = DEFAULT_HOST): string {
  return `http://${host}:${PORTS[server]}`;
}

/** server01's routes: the cross-origin API the lessons call. */
export const API_ROUTES = {
  data: '/getData.html',
  login: '/login',
  logout: '/logout',
  /** FooBar and the safelisted response headers (lesson 8). */
  headers: '/headers.html',
  /** A resource with an ETag and Last-Modified (lesson 10). */
  resource: '/resource.json',
  /** Fails with 500 before any CORS header is added, as a crash before the CORS middleware (lesson 11). */
  crash: '/crash.html',
  /** Answers 401 without an Authorization header, OPTIONS included (lesson 11). */
  private: '/private.html',
  /** The logged-in learner's private data: 401 without the session cookie (lesson 12). */
  me: '/me',
  /** JSONP: `?callback=NAME` gets a script calling NAME with the data; `&evil=1` runs more (lesson 13). */
  jsonp: '/data.jsonp',
} as const;

/** The body of server01's data route, as in the original demo. */
export const DATA_BODY = 'server----001';

/** Name of the cookie server01's login route sets. */
export const SESSION_COOKIE = 'labsession';

/**
 * Host names of lesson 12's look-alike sites, served by the attacker server:
 * Chromium resolves every `*.localhost` name to loopback (as RFC 6761 allows),
 * so they work only while the lab runs on this computer.
 */
export const LOOKALIKE_HOSTS = { partner: 'example.localhost', evil: 'evil-example.localhost' } as const;

/** The attacker server's routes: its page (`?lab=<id>` steals from that lab) and the frame the lab page sends through. */
export const ATTACKER_ROUTES = { page: '/', frame: '/frame.html', script: '/sender.js' } as const;

/** server02's same-origin control plane. */
export const CONTROL_ROUTES = {
  policy: '/api/policy',
  events: '/api/events',
  history: '/api/history',
  reset: '/api/reset',
  config: '/api/config',
  backends: '/api/backends',
  backend: '/api/backend',
  presence: '/api/presence',
  classroom: '/api/classroom',
  classroomGoto: '/api/classroom/goto',
} as const;

/** An empty page on server02's origin, for scripted requests (the replay check). */
export const BLANK_PAGE = '/blank.html';

/** Paths that serve the lab page itself: `/` and the original demo's `/index.html/`. */
export const PAGE_PATHS = ['/', '/index.html', '/index.html/'] as const;

/** The lab every request without a lab id belongs to. */
export const DEFAULT_LAB = 'default';

/** Random policies the control plane must accept: the starting point every mutation breaks. */
import type { Policy, RawAnswer, RawHeaders } from '@cors-lab/shared';
import type { Random } from './random.ts';

const ORIGINS = ['http://localhost:8100', 'http://127.0.0.1:8100', 'https://example.com', 'null', 'http://[::1]:8100', 'http://xn--caf-dma.example', 'https://a.b.c:65535'];
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'patch', '*', 'VIEW', "!#$%&'*+-.^_`|~"];
const HEADER_NAMES = ['X-Custom-Header', 'Content-Type', '*', 'Authorization', 'x-a', 'Set-Cookie', 'Date', 'Vary', 'Server', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', "!#$%&'*+-.^_`|~", 'x'.repeat(128)];
/** Edges a header value may have: empty, obs-text bytes (é is 0xE9 on the wire), inner tabs and spaces, the 4096 limit. */
const HEADER_VALUES = ['*', 'true', '', 'caf\u00e9', '\u00ff\u0080', 'a\tb', 'a  b', 'x'.repeat(4096), 'http://localhost:8100', '"quoted, with comma"', 'Origin, Accept'];
const SHORT_VALUES = HEADER_VALUES.filter((v) => v.length < 100);
const STATUSES = [200, 204, 299, 304, 400, 404, 418, 500, 599];
const BODIES = ['', 'ok', 'caf\u00e9 \u{1f600} \u2028', '<script>alert(1)</script>', 'line\r\nInjected: yes', 'x'.repeat(20000)];

const subset = <T>(random: Random, xs: readonly T[], max: number): T[] => {
  const out = new Set<T>();
  for (let i = random.int(0, max); i > 0; i--) out.add(random.pick(xs));
  return [...out];
};

function rawHeaders(random: Random): RawHeaders {
  const out: Record<string, string | string[]> = {};
  const taken = new Set<string>();
  for (const name of subset(random, HEADER_NAMES.filter((n) => n !== '*'), 6)) {
    if (taken.has(name.toLowerCase())) continue;
    taken.add(name.toLowerCase());
    out[name] = random.chance(0.2) ? Array.from({ length: random.int(1, 16) }, () => random.pick(SHORT_VALUES)) : random.pick(HEADER_VALUES);
  }
  return out;
}

function rawAnswer(random: Random): RawAnswer {
  const answer = { status: random.pick(STATUSES), headers: rawHeaders(random) };
  return random.chance(0.5) ? { ...answer, body: random.pick(BODIES) } : answer;
}

export function validPolicy(random: Random): Policy {
  return {
    allowOrigin: random.pick(['none', '*', 'list', 'reflect'] as const),
    originList: subset(random, ORIGINS, 3),
    allowMethods: subset(random, METHODS, 4),
    allowHeaders: subset(random, HEADER_NAMES, 4),
    exposeHeaders: subset(random, HEADER_NAMES, 4),
    allowCredentials: random.chance(0.5),
    maxAge: random.pick([null, 0, 600, 2147483647]),
    varyOrigin: random.chance(0.5),
    preflight: random.pick(['policy', 'routes'] as const),
    preflightStatus: random.pick(STATUSES),
    raw: { enabled: random.chance(0.4), preflight: rawAnswer(random), actual: rawAnswer(random) },
  };
}

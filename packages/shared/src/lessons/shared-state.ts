/**
 * The lab's whole state for a link or a file: language, lesson and step, the
 * request (its URL as a template, so no lab id leaks into a shared link) and
 * the policy. One schema for the URL hash and for JSON export and import.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { checkPolicy } from '../policy-validation.ts';
import type { Policy } from '../policy.ts';

const short = (max: number) => Type.String({ maxLength: max });

export const SharedStateSchema = Type.Object(
  {
    v: Type.Literal(1),
    lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('zh-CN')])),
    lesson: Type.Optional(Type.Object({ id: short(64), step: Type.Integer({ minimum: 0, maximum: 99 }) }, { additionalProperties: false })),
    request: Type.Optional(
      Type.Object(
        {
          api: Type.Union([Type.Literal('fetch'), Type.Literal('xhr'), Type.Literal('script')]),
          method: short(64),
          url: short(2048),
          headers: Type.Array(Type.Object({ name: short(256), value: short(4096) }, { additionalProperties: false }), { maxItems: 32 }),
          body: short(65536),
          credentials: Type.Union([Type.Literal('omit'), Type.Literal('same-origin'), Type.Literal('include')]),
          /** Sent from another origin's frame or `null` (lesson 12); older states send from the page. */
          from: Type.Optional(short(512)),
        },
        { additionalProperties: false },
      ),
    ),
    policy: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);
export type SharedState = Omit<Static<typeof SharedStateSchema>, 'policy'> & { policy?: Policy };

export const STATE_HASH_KEY = 'state';

export type ParsedState = { ok: true; state: SharedState } | { ok: false; error: string };

/** Checks a parsed JSON value: the schema, then the policy by the same rules as the control plane. */
export function parseSharedState(value: unknown): ParsedState {
  if (!Value.Check(SharedStateSchema, value)) {
    const first = Value.Errors(SharedStateSchema, value).First();
    return { ok: false, error: `${first?.path || '/'}: ${first?.message ?? 'not a CORS Lab state'}` };
  }
  const { policy, ...rest } = value;
  if (policy === undefined) return { ok: true, state: rest };
  const check = checkPolicy(policy);
  if (!check.ok) return { ok: false, error: check.errors.map((e) => `policy: ${e.message}`).join('; ') };
  return { ok: true, state: { ...rest, policy: check.policy } };
}

/** `state=<JSON, percent-encoded>` for a URL's hash. */
export function stateToHash(state: SharedState): string {
  return `${STATE_HASH_KEY}=${encodeURIComponent(JSON.stringify(state))}`;
}

/** The state in a URL hash (`#state=…`), or null when there is none. */
export function stateFromHash(hash: string): ParsedState | null {
  const m = new RegExp(`(?:^#?|&)${STATE_HASH_KEY}=([^&]*)`).exec(hash);
  if (m === null) return null;
  try {
    return parseSharedState(JSON.parse(decodeURIComponent(m[1]!)));
  } catch {
    return { ok: false, error: 'the link\'s state is not valid JSON' };
  }
}

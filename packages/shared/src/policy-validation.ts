/** Validates a policy at the edge, with messages that name the field. */
import { Value } from '@sinclair/typebox/value';
import { isSerializedOrigin, isToken } from './http-syntax.ts';
import { originPatternProblem } from './origin-patterns.ts';
import { PolicySchema, type Policy } from './policy.ts';

export interface FieldError {
  /** JSON pointer into the policy, e.g. `/originList/0`. */
  readonly field: string;
  /** Names the field in words, then says what is wrong. */
  readonly message: string;
}

export type PolicyCheck = { readonly ok: true; readonly policy: Policy } | { readonly ok: false; readonly errors: FieldError[] };

/** Headers server01 frames itself: a raw answer that set them could corrupt the response. */
const FRAMING_HEADERS = ['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'trailer', 'te'];

/** `/raw/preflight/headers/X-A` → `raw.preflight.headers["X-A"]`; `/originList/0` → `originList[0]`. */
export function fieldLabel(pointer: string): string {
  if (pointer === '' || pointer === '/') return 'policy';
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  parts.forEach((p, i) => {
    if (/^\d+$/.test(p)) out += `[${p}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) && parts[i - 1] !== 'headers') out += (out ? '.' : '') + p;
    else out += `[${JSON.stringify(p)}]`;
  });
  return out;
}

/** Nesting past this shows as "...": JSON.stringify recurses, and a body of 64 KiB holds arrays 30,000 deep. */
const SHOWN_DEPTH = 8;

/** The offending value as JSON, cut to 60 characters. */
const show = (v: unknown) => {
  const depths = new WeakMap<object, number>();
  const s =
    JSON.stringify(v, function (this: unknown, _key, value: unknown) {
      if (value === null || typeof value !== 'object') return value;
      const depth = (typeof this === 'object' && this !== null ? (depths.get(this) ?? 0) : 0) + 1;
      if (depth > SHOWN_DEPTH) return '...';
      depths.set(value, depth);
      return value;
    }) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/** Schema check plus the rules a schema cannot say; every error names its field. */
export function checkPolicy(input: unknown): PolicyCheck {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of Value.Errors(PolicySchema, input)) {
    // Report the deepest, most specific error once per field.
    if (seen.has(e.path)) continue;
    seen.add(e.path);
    const description = (e.schema as { description?: string }).description;
    const label = fieldLabel(e.path);
    if (e.value === undefined && e.path !== '') errors.push({ field: e.path, message: `${label} is missing` });
    else if (description) errors.push({ field: e.path, message: `${label} ${description} (got ${show(e.value)})` });
    else if (/Unexpected property/i.test(e.message)) errors.push({ field: e.path, message: `${label} is not a known field${/\/headers\/[^/]+$/.test(e.path) ? ' (a header name must be an HTTP token)' : ''}` });
    else errors.push({ field: e.path, message: `${label}: ${e.message}` });
  }
  if (errors.length > 0) return { ok: false, errors: dropParents(errors) };
  const policy = input as Policy;
  policy.originList.forEach((origin, i) => {
    if (!isSerializedOrigin(origin)) {
      errors.push({ field: `/originList/${i}`, message: `originList[${i}] must be a serialized origin: "${origin}" has a port the scheme uses by default or above 65535; browsers leave a default port out` });
    }
  });
  (policy.originPatterns ?? []).forEach((pattern, i) => {
    const problem = originPatternProblem(pattern);
    if (problem !== null) errors.push({ field: `/originPatterns/${i}`, message: `originPatterns[${i}] ${problem} (got ${show(pattern)})` });
  });
  for (const side of ['preflight', 'actual'] as const) {
    const names = new Map<string, string>();
    for (const name of Object.keys(policy.raw[side].headers)) {
      // RFC 6901: `~` and `/` in a key are escaped, as in the schema's own pointers.
      const field = `/raw/${side}/headers/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const lower = name.toLowerCase();
      if (!isToken(name)) {
        errors.push({ field, message: `${fieldLabel(field)}: ${show(name)} is not a header name; a header name must be an HTTP token (letters, digits, ! # $ % & ' * + - . ^ _ \` | ~), no spaces or colons` });
        continue;
      }
      if (FRAMING_HEADERS.includes(lower)) {
        errors.push({ field, message: `${fieldLabel(field)}: server01 sets ${name} itself, to frame the response; a raw answer cannot` });
      }
      const twin = names.get(lower);
      if (twin !== undefined) {
        errors.push({ field, message: `${fieldLabel(field)} repeats ${twin}: header names ignore case; to send a header twice, give it a list of values` });
      }
      names.set(lower, name);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policy };
}

/** A union's failure also reports its parent object; keep only the most specific fields. */
function dropParents(errors: FieldError[]): FieldError[] {
  return errors.filter((e) => !errors.some((o) => o !== e && o.field.startsWith(`${e.field}/`)));
}

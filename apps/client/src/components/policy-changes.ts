/**
 * What applying an imported policy would change, field by field, in the
 * editor's own words; pure, so the import preview and its tests agree.
 */
import type { Policy, RawAnswer } from '@cors-lab/shared';
import { translator, type T } from '../i18n/translate.ts';

export interface PolicyChange {
  /** The editor's label for the field. */
  readonly field: string;
  readonly before: string;
  readonly after: string;
  /** For lists: the entries only the new policy has, and those only the old one has. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * The policy an import puts on server01. An import describes a library, so
 * raw mode goes off, but the learner's raw answers stay for when it comes back on.
 */
export function importedPolicy(current: Policy, imported: Policy): Policy {
  return { ...imported, raw: { ...current.raw, enabled: imported.raw.enabled } };
}

const allowOrigin = (mode: Policy['allowOrigin'], t: T) => (mode === '*' ? '*' : t(`changes.allowOrigin.${mode}`));

const listText = (items: readonly string[], t: T) => (items.length === 0 ? t('changes.none') : items.join(', '));
const raw = (a: RawAnswer) => [String(a.status), ...Object.entries(a.headers).map(([n, v]) => `${n}: ${typeof v === 'string' ? v : v.join(', ')}`)].join('; ');

/**
 * Header names compare case-insensitively (RFC 9110 §5.1); methods and
 * origins are compared byte for byte (RFC 9110 §9.1,
 * fetch.spec.whatwg.org/#cors-check), so `x-csrftoken` for `X-CSRFToken` is
 * a change of text but neither an addition nor a removal.
 */
function only(a: readonly string[], b: readonly string[], caseless: boolean): string[] {
  const key = (s: string) => (caseless ? s.toLowerCase() : s);
  const other = new Set(b.map(key));
  return a.filter((s) => !other.has(key(s)));
}

/** Every field whose value differs, in the editor's order and in `t`'s language; an empty list means nothing changes. */
export function policyChanges(before: Policy, after: Policy, t: T = translator('en')): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const list = (items: readonly string[]) => listText(items, t);
  const scalar = (field: string, b: string, a: string) => {
    if (b !== a) changes.push({ field, before: b, after: a, added: [], removed: [] });
  };
  const lists = (field: string, b: readonly string[], a: readonly string[], caseless: boolean) => {
    if (list(b) !== list(a)) changes.push({ field, before: list(b), after: list(a), added: only(a, b, caseless), removed: only(b, a, caseless) });
  };
  const onOff = (v: boolean) => t(v ? 'changes.on' : 'changes.off');
  const sent = (v: string | null) => v ?? t('policy.notSent');
  const answeredBy = (p: Policy) => t(p.preflight === 'policy' ? 'changes.answeredBy.policy' : 'changes.answeredBy.routes');

  scalar(t('changes.rawMode'), onOff(before.raw.enabled), onOff(after.raw.enabled));
  scalar(t('raw.preflight.answer'), raw(before.raw.preflight), raw(after.raw.preflight));
  scalar(t('raw.actual.answer'), raw(before.raw.actual), raw(after.raw.actual));
  scalar('Access-Control-Allow-Origin', allowOrigin(before.allowOrigin, t), allowOrigin(after.allowOrigin, t));
  lists(t('policy.allowedOrigins'), before.originList, after.originList, false);
  lists('Access-Control-Allow-Methods', before.allowMethods, after.allowMethods, false);
  lists('Access-Control-Allow-Headers', before.allowHeaders, after.allowHeaders, true);
  lists('Access-Control-Expose-Headers', before.exposeHeaders, after.exposeHeaders, true);
  scalar('Access-Control-Allow-Credentials', sent(before.allowCredentials ? 'true' : null), sent(after.allowCredentials ? 'true' : null));
  scalar('Access-Control-Max-Age', sent(before.maxAge === null ? null : String(before.maxAge)), sent(after.maxAge === null ? null : String(after.maxAge)));
  scalar('Vary: Origin', sent(before.varyOrigin ? t('changes.sent') : null), sent(after.varyOrigin ? t('changes.sent') : null));
  scalar(t('policy.optionsAnsweredBy'), answeredBy(before), answeredBy(after));
  scalar(t('policy.preflightStatus'), String(before.preflightStatus), String(after.preflightStatus));
  return changes;
}

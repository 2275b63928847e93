/** Edits server01's CORS policy live; the next request already sees the change. */
import type { AllowOrigin, Policy } from '@cors-lab/shared';
import { useId, useState } from 'react';
import { labStore, useLab } from '../store/use-lab.ts';
import { FieldErrors } from './FieldErrors.tsx';
import { HeaderPreview } from './HeaderPreview.tsx';
import { ListInput } from './ListInput.tsx';
import { RawAnswerEditor } from './RawAnswerEditor.tsx';

const SYNC_LABEL = {
  loading: 'loading…',
  saved: 'server01 uses this policy now',
  saving: 'saving…',
  invalid: 'not applied: fix the marked fields',
  offline: 'server02 cannot be reached',
} as const;

export function PolicyEditor() {
  const policy = useLab((s) => s.policy);
  const errors = useLab((s) => s.policyErrors);
  const sync = useLab((s) => s.policySync);
  const { editPolicy, resetLab } = labStore.getState();
  const id = useId();
  const set = <K extends keyof Policy>(key: K, value: Policy[K]) => editPolicy((p) => ({ ...p, [key]: value }));
  const has = (prefix: string) => errors.some((e) => e.field === prefix || e.field.startsWith(`${prefix}/`));
  const [maxAgeText, setMaxAgeText] = useState<string | null>(null);

  const list = (key: 'allowMethods' | 'allowHeaders' | 'exposeHeaders', label: string, placeholder: string) => (
    <div className="field">
      <ListInput label={label} value={policy[key]} placeholder={placeholder} onChange={(v) => set(key, v)} invalid={has(`/${key}`)} errorId={`${id}-${key}`} />
      <FieldErrors id={`${id}-${key}`} errors={errors} prefix={`/${key}`} />
    </div>
  );

  return (
    <section className="panel policy" aria-labelledby="policy-title">
      <h2 id="policy-title">server01's CORS policy</h2>
      <p className={`sync sync-${sync}`} role="status" data-testid="policy-sync">{SYNC_LABEL[sync]}</p>

      <label className="field inline">
        <input type="checkbox" checked={policy.raw.enabled} onChange={(e) => set('raw', { ...policy.raw, enabled: e.target.checked })} />
        Raw mode: send exact headers
      </label>

      {policy.raw.enabled ? (
        <>
          <RawAnswerEditor side="preflight" answer={policy.raw.preflight} errors={errors} onChange={(a) => set('raw', { ...policy.raw, preflight: a })} />
          <RawAnswerEditor side="actual" answer={policy.raw.actual} errors={errors} onChange={(a) => set('raw', { ...policy.raw, actual: a })} />
        </>
      ) : (
        <>
          <div className="field">
            <label className="label" htmlFor={`${id}-origin`}>Access-Control-Allow-Origin</label>
            <select id={`${id}-origin`} value={policy.allowOrigin} onChange={(e) => set('allowOrigin', e.target.value as AllowOrigin)}>
              <option value="none">none: send no header</option>
              <option value="*">* (any origin)</option>
              <option value="list">the request's Origin, if in a list</option>
              <option value="reflect">reflect any request Origin</option>
            </select>
          </div>
          {policy.allowOrigin === 'list' && (
            <div className="field">
              <ListInput label="Allowed origins" multiline value={policy.originList} placeholder={location.origin} onChange={(v) => set('originList', v)} invalid={has('/originList')} errorId={`${id}-origins`} />
              <FieldErrors id={`${id}-origins`} errors={errors} prefix="/originList" />
            </div>
          )}
          {list('allowMethods', 'Access-Control-Allow-Methods', 'PUT, DELETE')}
          {list('allowHeaders', 'Access-Control-Allow-Headers', 'X-Custom-Header')}
          {list('exposeHeaders', 'Access-Control-Expose-Headers', 'FooBar')}
          <label className="field inline">
            <input type="checkbox" checked={policy.allowCredentials} onChange={(e) => set('allowCredentials', e.target.checked)} />
            Access-Control-Allow-Credentials: true
          </label>
          <div className="field">
            <label className="label" htmlFor={`${id}-maxage`}>Access-Control-Max-Age</label>
            <input
              id={`${id}-maxage`}
              inputMode="numeric"
              placeholder="not sent"
              value={maxAgeText ?? (policy.maxAge === null ? '' : String(policy.maxAge))}
              aria-invalid={has('/maxAge') || maxAgeText !== null}
              onChange={(e) => {
                const t = e.target.value.trim();
                if (t === '') return setMaxAgeText(null), set('maxAge', null);
                if (!/^-?\d+$/.test(t)) return setMaxAgeText(t);
                setMaxAgeText(null);
                set('maxAge', Number(t));
              }}
            />
            {maxAgeText !== null && <ul className="field-errors" role="alert"><li>maxAge must be a whole number of seconds, or empty to send none</li></ul>}
            <FieldErrors id={`${id}-maxage-err`} errors={errors} prefix="/maxAge" />
          </div>
          <label className="field inline">
            <input type="checkbox" checked={policy.varyOrigin} onChange={(e) => set('varyOrigin', e.target.checked)} />
            Vary: Origin
          </label>
          <div className="field two">
            <div>
              <label className="label" htmlFor={`${id}-options`}>OPTIONS is answered by</label>
              <select id={`${id}-options`} value={policy.preflight} onChange={(e) => set('preflight', e.target.value as Policy['preflight'])}>
                <option value="policy">the policy (handles preflights)</option>
                <option value="routes">the routes (no preflight handling)</option>
              </select>
            </div>
            {policy.preflight === 'policy' && (
              <div>
                <label className="label" htmlFor={`${id}-pstatus-in`}>Preflight status</label>
                <input id={`${id}-pstatus-in`} type="number" value={policy.preflightStatus} onChange={(e) => set('preflightStatus', Number(e.target.value))} />
              </div>
            )}
          </div>
          <FieldErrors id={`${id}-pstatus`} errors={errors} prefix="/preflightStatus" />
        </>
      )}
      <HeaderPreview />
      <button type="button" onClick={() => void resetLab()}>Reset lab</button>
    </section>
  );
}

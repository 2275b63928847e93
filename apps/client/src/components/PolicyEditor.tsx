/** Edits server01's CORS policy live; the next request already sees the change. */
import type { AllowOrigin, Policy } from '@cors-lab/shared';
import { useId, useState } from 'react';
import { useT } from '../i18n/use-t.ts';
import { labStore, useLab } from '../store/use-lab.ts';
import { FieldErrors } from './FieldErrors.tsx';
import { HeaderPreview } from './HeaderPreview.tsx';
import { ListInput } from './ListInput.tsx';
import { OriginPatternsInput } from './OriginPatternsInput.tsx';
import { RawAnswerEditor } from './RawAnswerEditor.tsx';

export function PolicyEditor() {
  const policy = useLab((s) => s.policy);
  const errors = useLab((s) => s.policyErrors);
  const sync = useLab((s) => s.policySync);
  const { editPolicy, resetLab } = labStore.getState();
  const id = useId();
  const t = useT();
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
      <h2 id="policy-title">{t('policy.title')}</h2>
      <p className={`sync sync-${sync}`} role="status" data-testid="policy-sync">{t(`policy.sync.${sync}`)}</p>

      <label className="field inline">
        <input type="checkbox" checked={policy.raw.enabled} onChange={(e) => set('raw', { ...policy.raw, enabled: e.target.checked })} />
        {t('policy.rawMode')}
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
              <option value="none">{t('policy.allowOrigin.none')}</option>
              <option value="*">{t('policy.allowOrigin.any')}</option>
              <option value="list">{t('policy.allowOrigin.list')}</option>
              <option value="reflect">{t('policy.allowOrigin.reflect')}</option>
            </select>
          </div>
          {policy.allowOrigin === 'list' && (
            <div className="field">
              <ListInput label={t('policy.allowedOrigins')} multiline value={policy.originList} placeholder={location.origin} onChange={(v) => set('originList', v)} invalid={has('/originList')} errorId={`${id}-origins`} />
              <FieldErrors id={`${id}-origins`} errors={errors} prefix="/originList" />
            </div>
          )}
          {policy.allowOrigin === 'list' && <OriginPatternsInput value={policy.originPatterns ?? []} onChange={(v) => set('originPatterns', v)} errors={errors} />}
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
              placeholder={t('policy.notSent')}
              value={maxAgeText ?? (policy.maxAge === null ? '' : String(policy.maxAge))}
              aria-invalid={has('/maxAge') || maxAgeText !== null}
              onChange={(e) => {
                const text = e.target.value.trim();
                if (text === '') return setMaxAgeText(null), set('maxAge', null);
                if (!/^-?\d+$/.test(text)) return setMaxAgeText(text);
                setMaxAgeText(null);
                set('maxAge', Number(text));
              }}
            />
            {maxAgeText !== null && <ul className="field-errors" role="alert"><li>{t('policy.maxAgeInvalid')}</li></ul>}
            <FieldErrors id={`${id}-maxage-err`} errors={errors} prefix="/maxAge" />
          </div>
          <label className="field inline">
            <input type="checkbox" checked={policy.varyOrigin} onChange={(e) => set('varyOrigin', e.target.checked)} />
            Vary: Origin
          </label>
          <div className="field two">
            <div>
              <label className="label" htmlFor={`${id}-options`}>{t('policy.optionsAnsweredBy')}</label>
              <select id={`${id}-options`} value={policy.preflight} onChange={(e) => set('preflight', e.target.value as Policy['preflight'])}>
                <option value="policy">{t('policy.options.policy')}</option>
                <option value="routes">{t('policy.options.routes')}</option>
              </select>
            </div>
            {policy.preflight === 'policy' && (
              <div>
                <label className="label" htmlFor={`${id}-pstatus-in`}>{t('policy.preflightStatus')}</label>
                <input id={`${id}-pstatus-in`} type="number" value={policy.preflightStatus} onChange={(e) => set('preflightStatus', Number(e.target.value))} />
              </div>
            )}
          </div>
          <FieldErrors id={`${id}-pstatus`} errors={errors} prefix="/preflightStatus" />
        </>
      )}
      <HeaderPreview />
      <button type="button" onClick={() => void resetLab()}>{t('policy.reset')}</button>
    </section>
  );
}

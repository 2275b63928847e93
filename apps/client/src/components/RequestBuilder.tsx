/** Builds the request the page's script sends: API, method, URL, headers, body, credentials. */
import { API_ROUTES, classify, refusedBeforeSending, senderOrigin, type CredentialsMode } from '@cors-lab/shared';
import { server01Base } from '../api/lab-session.ts';
import { useId } from 'react';
import { useLang, useT } from '../i18n/use-t.ts';
import { toLabRequest } from '../store/request-slice.ts';
import { labStore, useLab } from '../store/use-lab.ts';
import { HeaderRows } from './HeaderRows.tsx';
import { PreflightCacheStatus } from './PreflightCacheStatus.tsx';
import { Prediction } from './Prediction.tsx';
import { SenderSelect } from './SenderSelect.tsx';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

const bodyAllowedFor = (method: string) => !['GET', 'HEAD'].includes(method.toUpperCase());

export function RequestBuilder() {
  const request = useLab((s) => s.request);
  const sending = useLab((s) => s.sending);
  const { setRequest, send } = labStore.getState();
  const t = useT();
  const lang = useLang();
  const ids = { methods: useId(), urls: useId(), credentials: useId() };
  const urls = Object.values(API_ROUTES).map((p) => `${server01Base()}${p}`);
  const labRequest = toLabRequest(request);
  const c = classify(labRequest, senderOrigin(labRequest, location.origin), lang);
  const refused = refusedBeforeSending({ ...labRequest, body: bodyAllowedFor(labRequest.method) ? labRequest.body : '' }, lang);
  const bodyAllowed = bodyAllowedFor(request.method);
  // A script tag (JSONP) only GETs: no method, headers, body or credentials to choose.
  const isScript = request.api === 'script';

  return (
    <section className="panel builder" aria-labelledby="builder-title">
      <h2 id="builder-title">{t('request.title')}</h2>
      <div className="field" role="radiogroup" aria-label="API">
        <span className="label">API</span>
        {(['fetch', 'xhr', 'script'] as const).map((api) => (
          <label key={api} className="inline">
            <input type="radio" name="api" checked={request.api === api} onChange={() => setRequest({ api })} />
            {api === 'fetch' ? 'fetch' : api === 'xhr' ? 'XMLHttpRequest' : t('request.scriptTag')}
          </label>
        ))}
      </div>
      <label className="field">
        <span className="label">{t('request.method')}</span>
        <input list={ids.methods} value={isScript ? 'GET' : request.method} disabled={isScript} spellCheck={false} onChange={(e) => setRequest({ method: e.target.value })} />
        <datalist id={ids.methods}>{METHODS.map((m) => <option key={m} value={m} />)}</datalist>
      </label>
      <label className="field">
        <span className="label">URL</span>
        <input list={ids.urls} value={request.url} spellCheck={false} onChange={(e) => setRequest({ url: e.target.value })} />
        <datalist id={ids.urls}>{urls.map((u) => <option key={u} value={u} />)}</datalist>
      </label>
      {isScript ? <p className="note" data-testid="script-tag-note">{t('request.scriptTagOnly')}</p> : <HeaderRows />}
      <label className="field">
        <span className="label">{t('request.body')}</span>
        <textarea
          value={isScript ? '' : request.body}
          rows={2}
          disabled={!bodyAllowed || isScript}
          placeholder={isScript ? t('request.noBodyScript') : bodyAllowed ? t('request.bodyPlaceholder') : t('request.noBody', { method: request.method.toUpperCase() })}
          onChange={(e) => setRequest({ body: e.target.value })}
        />
      </label>
      {request.api === 'fetch' ? (
        <div className="field">
          <label className="label" htmlFor={ids.credentials}>{t('request.credentials')}</label>
          <select id={ids.credentials} value={request.credentials} onChange={(e) => setRequest({ credentials: e.target.value as CredentialsMode })}>
            <option value="omit">omit</option>
            <option value="same-origin">{t('request.credentialsDefault', { mode: 'same-origin' })}</option>
            <option value="include">include</option>
          </select>
        </div>
      ) : request.api === 'xhr' ? (
        <label className="field inline">
          <input
            type="checkbox"
            checked={request.credentials === 'include'}
            onChange={(e) => setRequest({ credentials: e.target.checked ? 'include' : 'same-origin' })}
          />
          withCredentials
        </label>
      ) : null}
      <p className={`classification ${refused !== null ? 'refused' : c.needsPreflight ? 'preflighted' : 'simple'}`} data-testid="classification" aria-live="polite">
        {refused !== null
          ? refused
          : isScript
            ? t('request.scriptNoCors')
            : !c.crossOrigin
            ? t('request.sameOrigin')
            : c.needsPreflight
              ? t('request.needsPreflight', { reasons: c.because.join(lang === 'en' ? '; ' : '；') })
              : t('request.simple')}
        {refused === null && c.method !== request.method ? ` ${t('request.methodAs', { method: c.method })}` : ''}
        {c.droppedHeaders.length > 0 ? ` ${t('request.droppedHeaders', { headers: c.droppedHeaders.join(', ') })}` : ''}
        {c.chromiumNotes.map((n) => ` ${n}`).join('')}
      </p>
      <SenderSelect />
      <Prediction />
      <PreflightCacheStatus />
      <button type="button" className="send" disabled={sending} aria-keyshortcuts="Control+Enter" onClick={() => void send()}>
        {t(sending ? 'request.sending' : 'request.send')} <kbd>Ctrl+Enter</kbd>
      </button>
    </section>
  );
}

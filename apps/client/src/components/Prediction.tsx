/** Before sending: what the explainer predicts for this request against server01's current policy. */
import { answerFor, explainIn, explainScriptLoad, originOf, originOfUrl, senderOrigin, type CorsAnswer, type ScenarioAnswer } from '@cors-lab/shared';
import { toLabRequest } from '../store/request-slice.ts';
import { useLang, useT } from '../i18n/use-t.ts';
import { useLab } from '../store/use-lab.ts';

const asAnswer = (a: CorsAnswer, routeStatus: number): ScenarioAnswer => {
  const headers: Record<string, string[]> = {};
  for (const [n, v] of a.headers) (headers[n] ??= []).push(v);
  return { status: a.status ?? routeStatus, headers };
};

export function Prediction() {
  const request = useLab((s) => s.request);
  const policy = useLab((s) => s.policy);
  const t = useT();
  const lang = useLang();
  const server01 = originOf('server01', location.hostname);
  if (originOfUrl(request.url) !== server01) return null;
  const req = toLabRequest(request);
  if (req.api === 'script') {
    // No policy to predict from: the browser runs whatever server01 sends back.
    return (
      <p className="prediction outcome-allowed" data-testid="prediction" aria-live="polite">
        <strong>{t('prediction.script')}</strong> {explainScriptLoad('draft', null, lang).reason}
      </p>
    );
  }
  const origin = senderOrigin(req, location.origin);
  const verdict = explainIn({
    id: 'draft',
    page: origin,
    request: {
      url: req.url,
      method: req.method,
      headers: Object.fromEntries(req.headers),
      credentials: req.credentials,
      ...(req.body !== '' && !['GET', 'HEAD'].includes(req.method.toUpperCase()) ? { body: req.body } : {}),
    },
    server: {
      preflight: asAnswer(answerFor(policy, { method: 'OPTIONS', origin, isPreflight: true }), 200),
      actual: asAnswer(answerFor(policy, { method: req.method, origin, isPreflight: false }), 200),
    },
  }, lang);
  return (
    <p className={`prediction outcome-${verdict.outcome}`} data-testid="prediction" aria-live="polite">
      <strong>{t(`prediction.${verdict.outcome}`)}</strong> {verdict.reason}
    </p>
  );
}

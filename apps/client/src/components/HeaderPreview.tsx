/** Shows, live, the exact CORS headers server01 will send for this page's next request. */
import { answerFor, type CorsAnswer } from '@cors-lab/shared';
import { useT } from '../i18n/use-t.ts';
import { useLab } from '../store/use-lab.ts';

function Lines({ title, answer, testId }: { title: string; answer: CorsAnswer; testId: string }) {
  const t = useT();
  const status = answer.status === null ? t('preview.routeStatus') : String(answer.status);
  return (
    <div className="preview-block">
      <h3>{title}</h3>
      <pre data-testid={testId}>
        {`${status} (${t(`preview.answeredBy.${answer.answeredBy}`)})\n`}
        {answer.headers.length === 0 ? t('preview.noCorsHeaders') : answer.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}
      </pre>
    </div>
  );
}

export function HeaderPreview() {
  const policy = useLab((s) => s.policy);
  const method = useLab((s) => s.request.method);
  const origin = location.origin;
  const t = useT();
  return (
    <section className="preview" aria-label={t('preview.label')}>
      <h3 className="preview-title">{t('preview.title', { origin })}</h3>
      <Lines title={t('preview.preflight')} testId="preview-preflight" answer={answerFor(policy, { method: 'OPTIONS', origin, isPreflight: true })} />
      <Lines title={t('preview.actual')} testId="preview-actual" answer={answerFor(policy, { method, origin, isPreflight: false })} />
    </section>
  );
}

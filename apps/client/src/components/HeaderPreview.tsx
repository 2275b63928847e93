/** Shows, live, the exact CORS headers server01 will send for this page's next request. */
import { answerFor, type CorsAnswer } from '@cors-lab/shared';
import { useLab } from '../store/use-lab.ts';

function Lines({ title, answer, testId }: { title: string; answer: CorsAnswer; testId: string }) {
  const status = answer.status === null ? 'route status' : String(answer.status);
  return (
    <div className="preview-block">
      <h3>{title}</h3>
      <pre data-testid={testId}>
        {`${status} (${answer.answeredBy === 'routes' ? 'answered by the routes' : `answered by the ${answer.answeredBy === 'raw' ? 'raw mode' : 'policy'}`})\n`}
        {answer.headers.length === 0 ? '(no CORS headers)' : answer.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}
      </pre>
    </div>
  );
}

export function HeaderPreview() {
  const policy = useLab((s) => s.policy);
  const method = useLab((s) => s.request.method);
  const origin = location.origin;
  return (
    <section className="preview" aria-label="Headers server01 will send">
      <h3 className="preview-title">server01 will send, to Origin {origin}</h3>
      <Lines title="to a preflight (OPTIONS)" testId="preview-preflight" answer={answerFor(policy, { method: 'OPTIONS', origin, isPreflight: true })} />
      <Lines title="to the actual request" testId="preview-actual" answer={answerFor(policy, { method, origin, isPreflight: false })} />
    </section>
  );
}

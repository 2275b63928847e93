/**
 * The course: pick a lesson, follow its steps. Each step's check reads what
 * really happened (the timeline and the explainer's verdicts) and passes by
 * itself when the learner has done it.
 */
import { fillText, LESSONS, lessonById, type Lang, type Lesson } from '@cors-lab/shared';
import { useEffect, useMemo } from 'react';
import { Trans } from '../i18n/Trans.tsx';
import { useT } from '../i18n/use-t.ts';
import { urlVars } from '../api/lab-session.ts';
import { labStore, useLab } from '../store/use-lab.ts';
import { stepEvidence } from './lesson-evidence.ts';
import { LessonText } from './LessonText.tsx';
import { ShareBar } from './ShareBar.tsx';
import { useLessonLang } from './lesson-lang.ts';

function LessonList({ lang }: { lang: Lang }) {
  const progress = useLab((s) => s.progress);
  const vars = urlVars();
  const t = useT();
  return (
    <ol className="lesson-list">
      {LESSONS.map((l) => {
        const done = progress[l.id]?.length ?? 0;
        return (
          <li key={l.id}>
            <button type="button" className="link" onClick={() => labStore.getState().openLesson(l.id)}>
              {fillText(l.title, lang, vars)}
            </button>{' '}
            <span className="muted" aria-hidden="true" data-testid={`lesson-progress-${l.id}`}>
              {done}/{l.steps.length}
            </span>
            <span className="visually-hidden">{t('lesson.progress', { done, count: l.steps.length })}</span>
            <br />
            <span className="muted">{fillText(l.summary, lang, vars)}</span>
          </li>
        );
      })}
    </ol>
  );
}

function StepView({ lesson, step, since, lang }: { lesson: Lesson; step: number; since: number; lang: Lang }) {
  const sends = useLab((s) => s.sends);
  const records = useLab((s) => s.records);
  const policy = useLab((s) => s.policy);
  const passedSteps = useLab((s) => s.progress[lesson.id]);
  const current = lesson.steps[step]!;
  const vars = urlVars();
  const result = useMemo(
    () => current.check(stepEvidence(sends, records, since, policy, location.origin)),
    [current, sends, records, since, policy],
  );
  useEffect(() => {
    if (result.passed) labStore.getState().markPassed(lesson.id, current.id);
  }, [result.passed, lesson.id, current.id]);
  const { goToStep, applyPreset, closeLesson } = labStore.getState();
  const last = step === lesson.steps.length - 1;
  const number = LESSONS.indexOf(lesson) + 1;
  const t = useT();

  return (
    <div className="lesson">
      <p className="lesson-nav">
        <button type="button" className="link" onClick={closeLesson}>
          {t('lesson.all')}
        </button>{' '}
        · <Trans k="lesson.heading" params={{ number, title: <strong>{fillText(lesson.title, lang, vars)}</strong> }} />
      </p>
      <ol className="steps" aria-label={t('lesson.steps')}>
        {lesson.steps.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              aria-current={i === step ? 'step' : undefined}
              aria-label={t(passedSteps?.includes(s.id) === true ? 'lesson.stepButtonDone' : 'lesson.stepButton', { step: i + 1 })}
              onClick={() => goToStep(i)}
              className={passedSteps?.includes(s.id) ? 'step-done' : ''}
            >
              {i + 1}
              {passedSteps?.includes(s.id) ? ' ✓' : ''}
            </button>
          </li>
        ))}
      </ol>
      <h3 data-testid="step-title">
        {t('lesson.stepTitle', { step: step + 1, count: lesson.steps.length, title: fillText(current.title, lang, vars) })}
        {current.challenge === true && <span className="badge challenge"> {t('lesson.challenge')}</span>}
      </h3>
      <LessonText text={fillText(current.text, lang, vars)} />
      {current.tryThis.length > 0 && (
        <>
          <h4>{t('lesson.tryThis')}</h4>
          <ul>
            {current.tryThis.map((text, i) => (
              <li key={i}>
                <LessonText text={fillText(text, lang, vars)} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p className={`check ${result.passed ? 'check-passed' : 'check-open'}`} role="status" data-testid="step-check">
        {result.passed ? t('lesson.done') : t('lesson.notYet', { hint: fillText(result.hint, lang, vars) })}
      </p>
      <div className="row">
        {current.preset !== undefined && (
          <button type="button" onClick={applyPreset}>
            {t('lesson.reloadPreset')}
          </button>
        )}
        <button type="button" disabled={step === 0} onClick={() => goToStep(step - 1)}>
          {t('lesson.previous')}
        </button>
        {!last && (
          <button type="button" className={result.passed ? 'primary' : ''} onClick={() => goToStep(step + 1)}>
            {t('lesson.next')}
          </button>
        )}
      </div>
      {last && result.passed && (
        <section className="real-servers" aria-label={t('lesson.realServers')}>
          <h4>{t('lesson.realServers')}</h4>
          <LessonText text={fillText(lesson.realServers, lang, vars)} />
        </section>
      )}
    </div>
  );
}

export function LessonPanel() {
  const position = useLab((s) => s.lesson);
  const lang = useLessonLang();
  const lesson = position === null ? undefined : lessonById(position.id);
  const t = useT();
  return (
    <section className="panel lessons" aria-labelledby="lessons-title">
      <h2 id="lessons-title">{t('lesson.title')}</h2>
      <ShareBar />
      {lesson === undefined || position === null ? (
        <LessonList lang={lang} />
      ) : (
        <StepView lesson={lesson} step={position.step} since={position.since} lang={lang} />
      )}
    </section>
  );
}

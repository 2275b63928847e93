/**
 * The teacher's page (`/?teacher#token=…`, printed at start-up): every
 * learner's place in the course, never their requests, and a way to move
 * the whole class to a step.
 */
import { fillText, LESSONS, lessonById, type Classroom } from '@cors-lab/shared';
import { useEffect, useId, useState } from 'react';
import { fetchClassroom, moveEveryone } from '../api/control-plane.ts';
import { useT } from '../i18n/use-t.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { useLessonLang } from './lesson-lang.ts';

const POLL_MS = 2000;

/** The page's title, and the language switch a teacher with a Chinese class needs too. */
function TeacherHead({ title }: { title: string }) {
  return (
    <header className="teacher-head">
      <h1>{title}</h1>
      <LanguageSwitcher />
    </header>
  );
}

export function TeacherView({ token }: { token: string }) {
  const lang = useLessonLang();
  const t = useT();
  const [classroom, setClassroom] = useState<Classroom | null | 'refused'>(null);
  const [lesson, setLesson] = useState(LESSONS[0]!.id);
  const [step, setStep] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    const poll = async () => {
      const c = await fetchClassroom(token).catch(() => undefined);
      if (live && c !== undefined) setClassroom(c ?? 'refused');
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [token]);

  const chosen = lessonById(lesson);
  const move = async () => {
    try {
      const moved = await moveEveryone(token, lesson, step);
      const title = chosen === undefined ? lesson : fillText(chosen.title, lang, {});
      setMessage(t(moved === 1 ? 'teacher.movedOne' : 'teacher.movedMany', { count: moved, lesson: title, step: step + 1 }));
    } catch (e) {
      setMessage(t('teacher.notMoved', { error: e instanceof Error ? e.message : String(e) }));
    }
  };

  if (classroom === 'refused') {
    return (
      <main className="teacher">
        <TeacherHead title={t('teacher.title')} />
        <p role="alert">{t('teacher.refused')}</p>
      </main>
    );
  }

  return (
    <main className="teacher">
      <TeacherHead title={t('teacher.title')} />
      <section className="panel" aria-labelledby={`${id}-move`}>
        <h2 id={`${id}-move`}>{t('teacher.move')}</h2>
        <div className="row">
          <label htmlFor={`${id}-lesson`}>{t('teacher.lesson')}</label>
          <select id={`${id}-lesson`} value={lesson} onChange={(e) => (setLesson(e.target.value), setStep(0))}>
            {LESSONS.map((l, i) => (
              <option key={l.id} value={l.id}>
                {i + 1}. {fillText(l.title, lang, {})}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-step`}>{t('teacher.step')}</label>
          <select id={`${id}-step`} value={step} onChange={(e) => setStep(Number(e.target.value))}>
            {chosen?.steps.map((s, i) => (
              <option key={s.id} value={i}>
                {i + 1}. {fillText(s.title, lang, {})}
              </option>
            ))}
          </select>
          <button type="button" className="primary" onClick={() => void move()}>
            {t('teacher.moveButton')}
          </button>
        </div>
        {message !== null && <p role="status">{message}</p>}
      </section>
      <section className="panel" aria-labelledby={`${id}-learners`}>
        <h2 id={`${id}-learners`}>{t('teacher.learners', { count: classroom?.learners.length ?? 0 })}</h2>
        <table className="learners">
          <thead>
            <tr>
              <th scope="col">{t('teacher.col.learner')}</th>
              <th scope="col">{t('teacher.col.connected')}</th>
              <th scope="col">{t('teacher.col.lesson')}</th>
              <th scope="col">{t('teacher.col.step')}</th>
            </tr>
          </thead>
          <tbody>
            {classroom?.learners.map((l) => {
              const at = l.lesson === null ? undefined : lessonById(l.lesson);
              return (
                <tr key={l.alias} data-testid="learner-row">
                  <td>{t('teacher.learner', { alias: l.alias })}</td>
                  <td>{t(l.online ? 'teacher.online' : 'teacher.away')}</td>
                  <td>{at === undefined ? t('teacher.choosing') : fillText(at.title, lang, {})}</td>
                  <td>{at === undefined ? '' : t('teacher.stepOf', { step: l.step + 1, count: at.steps.length })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </main>
  );
}

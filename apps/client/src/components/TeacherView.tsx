/**
 * The teacher's page (`/?teacher#token=…`, printed at start-up): every
 * learner's place in the course, never their requests, and a way to move
 * the whole class to a step.
 */
import { fillText, LESSONS, lessonById, type Classroom } from '@cors-lab/shared';
import { useEffect, useId, useState } from 'react';
import { fetchClassroom, moveEveryone } from '../api/control-plane.ts';
import { useLessonLang } from './lesson-lang.ts';

const POLL_MS = 2000;

export function TeacherView({ token }: { token: string }) {
  const lang = useLessonLang();
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
      setMessage(`Moved ${moved} learner${moved === 1 ? '' : 's'} to lesson "${chosen === undefined ? lesson : fillText(chosen.title, lang, {})}", step ${step + 1}.`);
    } catch (e) {
      setMessage(`Not moved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  if (classroom === 'refused') {
    return (
      <main className="teacher">
        <h1>CORS Lab: teacher view</h1>
        <p role="alert">This link's teacher token is not the lab's. Use the teacher link the lab printed when it started.</p>
      </main>
    );
  }

  return (
    <main className="teacher">
      <h1>CORS Lab: teacher view</h1>
      <section className="panel" aria-labelledby={`${id}-move`}>
        <h2 id={`${id}-move`}>Move everyone</h2>
        <div className="row">
          <label htmlFor={`${id}-lesson`}>Lesson</label>
          <select id={`${id}-lesson`} value={lesson} onChange={(e) => (setLesson(e.target.value), setStep(0))}>
            {LESSONS.map((l, i) => (
              <option key={l.id} value={l.id}>
                {i + 1}. {fillText(l.title, lang, {})}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-step`}>Step</label>
          <select id={`${id}-step`} value={step} onChange={(e) => setStep(Number(e.target.value))}>
            {chosen?.steps.map((s, i) => (
              <option key={s.id} value={i}>
                {i + 1}. {fillText(s.title, lang, {})}
              </option>
            ))}
          </select>
          <button type="button" className="primary" onClick={() => void move()}>
            Move everyone to this step
          </button>
        </div>
        {message !== null && <p role="status">{message}</p>}
      </section>
      <section className="panel" aria-labelledby={`${id}-learners`}>
        <h2 id={`${id}-learners`}>Learners ({classroom?.learners.length ?? 0})</h2>
        <table className="learners">
          <thead>
            <tr>
              <th scope="col">Learner</th>
              <th scope="col">Connected</th>
              <th scope="col">Lesson</th>
              <th scope="col">Step</th>
            </tr>
          </thead>
          <tbody>
            {classroom?.learners.map((l) => {
              const at = l.lesson === null ? undefined : lessonById(l.lesson);
              return (
                <tr key={l.alias} data-testid="learner-row">
                  <td>Learner {l.alias}</td>
                  <td>{l.online ? 'online' : 'away'}</td>
                  <td>{at === undefined ? 'choosing a lesson' : fillText(at.title, lang, {})}</td>
                  <td>{at === undefined ? '' : `${l.step + 1} of ${at.steps.length}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </main>
  );
}

/** The lab's whole state to and from a link or a JSON file (lab ids never leave the browser). */
import { parseSharedState, stateFromHash, stateToHash, type Lang, type SharedState } from '@cors-lab/shared';
import type { StoreApi } from 'zustand';
import type { LabState } from '../store/lab-store.ts';
import { fillUrl, server01Base } from './lab-session.ts';

/** `http://host:8000/l/<id>/getData.html` → `{server01}/getData.html`: the link works in anyone's lab. */
function urlTemplate(url: string): string {
  const base = server01Base();
  if (url.startsWith(base)) return `{server01}${url.slice(base.length)}`;
  if (url.startsWith(location.origin)) return `{page}${url.slice(location.origin.length)}`;
  return url;
}

export function currentState(store: StoreApi<LabState>, lang: Lang): SharedState {
  const { request: { from, ...request }, policy, lesson } = store.getState();
  return {
    v: 1,
    lang,
    ...(lesson !== null ? { lesson: { id: lesson.id, step: lesson.step } } : {}),
    request: { ...request, headers: [...request.headers], url: urlTemplate(request.url), ...(from !== undefined ? { from } : {}) },
    policy,
  };
}

export function shareLink(store: StoreApi<LabState>, lang: Lang): string {
  return `${location.origin}${location.pathname}#${stateToHash(currentState(store, lang))}`;
}

/** Puts a state into the lab: language, lesson position (without its preset), request, policy. */
export function applyState(store: StoreApi<LabState>, state: SharedState, setLang: (lang: Lang) => void): void {
  const s = store.getState();
  if (state.lang !== undefined) setLang(state.lang);
  if (state.lesson !== undefined) s.openLesson(state.lesson.id, state.lesson.step, { preset: false });
  if (state.request !== undefined) s.setRequest({ ...state.request, from: state.request.from, url: fillUrl(state.request.url) });
  if (state.policy !== undefined) {
    const policy = state.policy;
    s.editPolicy(() => policy);
  }
}

/** Applies the state in the page's URL hash, then removes it (a reload keeps the learner's own work). */
export function restoreFromLocation(store: StoreApi<LabState>, setLang: (lang: Lang) => void): string | null {
  const parsed = stateFromHash(location.hash);
  if (parsed === null) return null;
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  if (!parsed.ok) return parsed.error;
  applyState(store, parsed.state, setLang);
  return null;
}

export function stateFromJson(text: string): ReturnType<typeof parseSharedState> {
  try {
    return parseSharedState(JSON.parse(text));
  } catch {
    return { ok: false, error: 'not JSON' };
  }
}

import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY } from '@cors-lab/shared';
import { fakeLab, settle } from './fake-lab.ts';
import { PROGRESS_KEY } from './lesson-slice.ts';

describe('lesson slice', () => {
  it("opening a step loads its preset: the request, and the policy over the empty one", async () => {
    const { store, saves } = fakeLab();
    store.getState().editPolicy((p) => ({ ...p, allowOrigin: '*' }));
    store.getState().openLesson('origins', 1);
    await settle();
    expect(store.getState().lesson).toEqual({ id: 'origins', step: 1, since: 0 });
    expect(store.getState().request.url).toBe('http://localhost:8000/getData.html');
    expect(saves.at(-1)).toEqual(EMPTY_POLICY);
  });

  it('counts only sends made after the step began', async () => {
    const { store } = fakeLab({ live: true });
    await store.getState().send();
    await store.getState().send();
    store.getState().openLesson('classic-demo');
    expect(store.getState().lesson?.since).toBe(2);
  });

  it('keeps progress in storage and reads it back in a new page', () => {
    const storage = new Map<string, string>();
    fakeLab({ storage }).store.getState().markPassed('origins', 'same-origin');
    expect(JSON.parse(storage.get(PROGRESS_KEY)!)).toEqual({ origins: ['same-origin'] });
    expect(fakeLab({ storage }).store.getState().progress).toEqual({ origins: ['same-origin'] });
  });

  it('ignores progress it cannot read', () => {
    const storage = new Map([[PROGRESS_KEY, '{"origins": "all", "x": [1]']]);
    expect(fakeLab({ storage }).store.getState().progress).toEqual({});
    storage.set(PROGRESS_KEY, '{"origins": "all", "classic-demo": ["hidden-200"]}');
    expect(fakeLab({ storage }).store.getState().progress).toEqual({ 'classic-demo': ['hidden-200'] });
  });

  it('still counts the step\'s sends after the timeline is cleared, though numbering starts again at 1', async () => {
    const { store } = fakeLab({ live: true });
    await store.getState().send();
    await store.getState().send();
    store.getState().openLesson('classic-demo');
    store.getState().clearTimeline();
    await store.getState().send();
    expect({ since: store.getState().lesson?.since, numbers: store.getState().sends.map((s) => s.number) }).toEqual({ since: 0, numbers: [1] });
  });

  it('a preset without a sender keeps XHR but not a script tag: the other lessons are about CORS', () => {
    const { store } = fakeLab();
    store.getState().setRequest({ api: 'xhr' });
    store.getState().openLesson('errors');
    const kept = store.getState().request.api;
    store.getState().setRequest({ api: 'script' });
    store.getState().openLesson('errors');
    expect([kept, store.getState().request.api]).toEqual(['xhr', 'fetch']);
  });

  it('an unknown lesson id opens nothing', () => {
    const { store } = fakeLab();
    store.getState().openLesson('no-such-lesson');
    expect(store.getState().lesson).toBeNull();
  });
});

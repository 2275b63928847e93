/** Lesson 12's senders through the store: a request sent from another origin is that origin's send. */
import { describe, expect, it } from 'vitest';
import { fakeLab, PAGE_ORIGIN } from './fake-lab.ts';

const ATTACKER = 'http://localhost:8300';

describe('sending from another origin', () => {
  it('records the frame\'s origin as the send\'s origin, and the page\'s again once the learner switches back', async () => {
    const { store, sent } = fakeLab();
    store.getState().setRequest({ from: ATTACKER });
    await store.getState().send();
    store.getState().setRequest({ from: undefined });
    await store.getState().send();
    expect(store.getState().sends.map((s) => [s.number, s.pageOrigin, s.request.from])).toEqual([
      [1, ATTACKER, ATTACKER],
      [2, PAGE_ORIGIN, undefined],
    ]);
    // The page's own send carries no `from` at all: the request is what it always was.
    expect(sent.map((s) => 'from' in s.request)).toEqual([true, false]);
  });

  it('sends a script tag from this page whatever the sender says: only fetch and XHR go through a frame', async () => {
    const { store, sent } = fakeLab();
    store.getState().setRequest({ from: ATTACKER, api: 'script' });
    await store.getState().send();
    expect([store.getState().sends[0]?.pageOrigin, 'from' in (sent[0]?.request ?? {})]).toEqual([PAGE_ORIGIN, false]);
  });

  it('loads a step\'s sender and its templated origin list, and a step without one sends from the page again', () => {
    const { store } = fakeLab();
    store.getState().openLesson('security', 2);
    const { request, policy } = store.getState();
    expect([request.from, request.url, policy.originList, policy.allowCredentials]).toEqual(['null', 'http://localhost:8000/me', [PAGE_ORIGIN, 'null'], true]);
    store.getState().openLesson('credentials', 0);
    expect(store.getState().request.from).toBe(undefined);
  });
});

import { describe, expect, it } from 'vitest';
import { createLabStore, type LabDeps } from './lab-store.ts';
import { fakeLab } from './fake-lab.ts';
import { PRESENTER_KEY, selectedSend } from './view-slice.ts';

/** localStorage's two calls over a Map. */
function memoryStorage(entries: [string, string][] = []) {
  const m = new Map(entries);
  return { m, storage: { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) } };
}

/** A store with only what the view slice reads: storage. Its I/O is never called here. */
const storeWith = (storage: LabDeps['storage']) =>
  createLabStore({ ...({} as LabDeps), pageOrigin: 'http://localhost:8100', host: 'localhost', now: () => 0, newId: () => 'x', ...(storage ? { storage } : {}) });

describe('presenter mode', () => {
  it('starts off, and from what the browser kept', () => {
    expect(storeWith(undefined).getState().presenter).toBe(false);
    expect(storeWith(memoryStorage([[PRESENTER_KEY, 'on']]).storage).getState().presenter).toBe(true);
  });

  it('is kept in the browser when switched', () => {
    const { m, storage } = memoryStorage();
    const store = storeWith(storage);
    store.getState().setPresenter(true);
    expect({ presenter: store.getState().presenter, kept: m.get(PRESENTER_KEY) }).toEqual({ presenter: true, kept: 'on' });
    store.getState().setPresenter(false);
    expect({ presenter: store.getState().presenter, kept: m.get(PRESENTER_KEY) }).toEqual({ presenter: false, kept: 'off' });
  });
});

describe('entry selection', () => {
  it('selects the newest send by default, a picked one until a newer send comes', async () => {
    const { store } = fakeLab();
    const selected = () => selectedSend(store.getState())?.number ?? null;
    const seen = [selected()];
    await store.getState().send();
    await store.getState().send();
    seen.push(selected());
    store.getState().selectSend(store.getState().sends[0]!.id);
    seen.push(selected());
    await store.getState().send();
    seen.push(selected());
    expect(seen).toEqual([null, 2, 1, 3]);
  });
});

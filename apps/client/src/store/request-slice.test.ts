import { describe, expect, it } from 'vitest';
import { fakeLab } from './fake-lab.ts';
import { initialRequest, toLabRequest, type RequestDraft } from './request-slice.ts';

describe('request builder', () => {
  it("starts with the classic demo: GET server01's data route", () => {
    const { store } = fakeLab();
    expect(store.getState().request).toEqual({
      api: 'fetch',
      method: 'GET',
      url: 'http://localhost:8000/getData.html',
      headers: [],
      body: '',
      credentials: 'same-origin',
    });
  });

  it('builds the URL on the host the page was opened with', () => {
    expect(initialRequest('127.0.0.1').url).toBe('http://127.0.0.1:8000/getData.html');
  });

  it('setRequest changes the given fields and keeps the rest', () => {
    const { store } = fakeLab();
    store.getState().addHeaderRow({ name: 'X-A', value: '1' });
    store.getState().setRequest({ method: 'PUT', body: '{"a":1}' });
    store.getState().setRequest({ api: 'xhr', credentials: 'include' });
    expect(store.getState().request).toEqual({
      api: 'xhr',
      method: 'PUT',
      url: 'http://localhost:8000/getData.html',
      headers: [{ name: 'X-A', value: '1' }],
      body: '{"a":1}',
      credentials: 'include',
    });
  });

  it('a script tag sends GET without headers or body, cookies along, and keeps the draft for fetch', () => {
    const { store } = fakeLab();
    store.getState().addHeaderRow({ name: 'X-A', value: '1' });
    store.getState().setRequest({ api: 'script', method: 'PUT', body: 'b', credentials: 'omit', url: 'http://localhost:8000/data.jsonp?callback=?' });
    expect(toLabRequest(store.getState().request)).toEqual({
      api: 'script',
      method: 'GET',
      url: 'http://localhost:8000/data.jsonp?callback=?',
      headers: [],
      body: '',
      credentials: 'include',
    });
    store.getState().setRequest({ api: 'fetch' });
    expect(toLabRequest(store.getState().request)).toMatchObject({ method: 'PUT', headers: [['X-A', '1']], body: 'b', credentials: 'omit' });
  });

  it('adds, edits and removes header rows in place', () => {
    const { store } = fakeLab();
    const s = store.getState();
    s.addHeaderRow();
    s.addHeaderRow({ name: 'X-B', value: '2' });
    s.addHeaderRow({ name: 'X-C', value: '3' });
    s.setHeaderRow(2, { name: 'X-C', value: '30' });
    s.setHeaderRow(0, { name: 'X-A', value: '1' });
    s.removeHeaderRow(1);
    expect(store.getState().request.headers).toEqual([
      { name: 'X-A', value: '1' },
      { name: 'X-C', value: '30' },
    ]);
  });

  it('toLabRequest drops rows without a name and trims names, keeping values as typed', () => {
    const draft: RequestDraft = {
      ...initialRequest('localhost'),
      headers: [
        { name: ' X-A ', value: ' 1 ' },
        { name: '', value: 'orphan' },
        { name: '   ', value: '' },
        { name: 'Content-Type', value: 'application/json' },
      ],
    };
    expect(toLabRequest(draft)).toEqual({
      ...initialRequest('localhost'),
      headers: [
        ['X-A', ' 1 '],
        ['Content-Type', 'application/json'],
      ],
    });
  });

  it('send() sends the draft without its empty header rows', async () => {
    const { store, sent } = fakeLab();
    const s = store.getState();
    s.setRequest({ method: 'POST', body: 'hi' });
    s.addHeaderRow({ name: 'X-Lesson', value: '5' });
    s.addHeaderRow();
    await s.send();
    expect(sent.map((x) => x.request)).toEqual([
      { api: 'fetch', method: 'POST', url: 'http://localhost:8000/getData.html', headers: [['X-Lesson', '5']], body: 'hi', credentials: 'same-origin' },
    ]);
  });
});

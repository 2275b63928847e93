import { describe, expect, it } from 'vitest';
import { isJsonpCallback, jsonpQueryProblem, withJsonpCallback } from './jsonp.ts';

describe('JSONP callback names', () => {
  it('takes identifiers and dotted paths of them, nothing that could carry script', () => {
    expect(['cb', '_cb1', '$', 'jQuery.cb_2', 'a.b.c'].map(isJsonpCallback)).toEqual([true, true, true, true, true]);
    expect(['', '1cb', 'a(b', 'a;b', 'a..b', 'a.', 'a[0]', 'alert(1)//', 'ä', 'a'.repeat(129)].map(isJsonpCallback)).toEqual(Array(10).fill(false));
  });

  it('names the field of a bad query', () => {
    expect(jsonpQueryProblem({ callback: 'ok' })).toBeNull();
    expect(jsonpQueryProblem({ callback: 'ok', evil: '1' })).toBeNull();
    expect([jsonpQueryProblem({}), jsonpQueryProblem({ callback: 'x<y' }), jsonpQueryProblem({ callback: ['a', 'b'] }), jsonpQueryProblem({ callback: 'a', evil: '2' })].map((p) => p?.field)).toEqual([
      'callback',
      'callback',
      'callback',
      'evil',
    ]);
  });
});

describe('the page\'s callback in the URL (jQuery\'s callback=? convention)', () => {
  it('fills callback=? or an empty callback in place, and adds one when there is none', () => {
    expect([
      withJsonpCallback('http://h:8000/data.jsonp?callback=?&evil=1', 'f1'),
      withJsonpCallback('http://h:8000/data.jsonp?callback=', 'f1'),
      withJsonpCallback('http://h:8000/data.jsonp', 'f1'),
      withJsonpCallback('http://h:8000/data.jsonp?', 'f1'),
      withJsonpCallback('http://h:8000/data.jsonp?x=1#top', 'f1'),
    ]).toEqual([
      'http://h:8000/data.jsonp?callback=f1&evil=1',
      'http://h:8000/data.jsonp?callback=f1',
      'http://h:8000/data.jsonp?callback=f1',
      'http://h:8000/data.jsonp?callback=f1',
      'http://h:8000/data.jsonp?x=1&callback=f1#top',
    ]);
  });

  it('keeps a name the learner typed, as typed', () => {
    expect(withJsonpCallback('http://h:8000/data.jsonp?callback=a(b', 'f1')).toBe('http://h:8000/data.jsonp?callback=a(b');
  });
});

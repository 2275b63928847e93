import { describe, expect, it } from 'vitest';
import { checkOf, evidenceOf, openResult, simulate, textProblems, textsOf } from './evidence-fixtures.ts';
import { simpleOrPreflightedLesson as lesson } from './lesson-04-simple-or-preflighted.ts';

const STAR = { allowOrigin: '*' } as const;
const contentType = (value: string) => ({ method: 'POST', headers: [['Content-Type', value]] as [string, string][], body: '{"lesson":4}' });

describe('lesson 4: simple or preflighted', () => {
  it('every step is open before the learner sends anything', () => {
    expect(lesson.steps.map((s) => s.check(evidenceOf()).passed)).toEqual([false, false, false, false]);
  });

  it('a simple POST: passes on a POST with no preflight, not on one that was preflighted or on a GET', () => {
    const check = checkOf(lesson, 'simple-post');
    const simple = simulate({ request: contentType('text/plain'), policy: STAR });
    expect([simple.preflight, simple.tone]).toEqual([null, 'allowed']);
    expect(check(evidenceOf(simple))).toEqual({ passed: true });
    // Blocked for reading, but it went out without a preflight: that is the point of the step.
    expect(check(evidenceOf(simulate({ request: contentType('text/plain') })))).toEqual({ passed: true });
    const open = openResult(lesson, 'simple-post');
    expect(check(evidenceOf(simulate({ request: contentType('application/json'), policy: STAR })))).toEqual(open);
    expect(check(evidenceOf(simulate({ policy: STAR })))).toEqual(open);
    // A preflight the cache answered is still a preflighted request.
    expect(check(evidenceOf(simulate({ request: contentType('application/json'), policy: { ...STAR, allowHeaders: ['Content-Type'] }, fromCache: true })))).toEqual(open);
  });

  it('another method: passes when a preflight asked for DELETE, allowed or not', () => {
    const check = checkOf(lesson, 'other-method');
    expect(check(evidenceOf(simulate({ request: { method: 'DELETE' }, policy: STAR })))).toEqual({ passed: true });
    expect(check(evidenceOf(simulate({ request: { method: 'delete' }, policy: { ...STAR, allowMethods: ['DELETE'] } })))).toEqual({ passed: true });
    expect(check(evidenceOf(simulate({ request: { method: 'HEAD' }, policy: STAR })))).toEqual(openResult(lesson, 'other-method'));
    expect(check(evidenceOf(simulate({ request: { method: 'PUT' }, policy: STAR })))).toEqual(openResult(lesson, 'other-method'));
  });

  it('application/json: passes once the preflight asked for content-type and the script read the answer', () => {
    const check = checkOf(lesson, 'json');
    const open = openResult(lesson, 'json');
    const blocked = simulate({ request: contentType('application/json'), policy: STAR });
    expect([blocked.tone, blocked.actual]).toEqual(['blocked', null]);
    expect(check(evidenceOf(blocked))).toEqual(open);
    expect(check(evidenceOf(simulate({ request: contentType('text/plain'), policy: STAR })))).toEqual(open);
    // Another unsafe content type asks for content-type too, but the step is about JSON.
    expect(check(evidenceOf(simulate({ request: contentType('text/xml'), policy: { ...STAR, allowHeaders: ['content-type'] } })))).toEqual(open);
    expect(check(evidenceOf(blocked, simulate({ request: contentType('application/json; charset=utf-8'), policy: { ...STAR, allowHeaders: ['Content-Type'] } })))).toEqual({ passed: true });
  });

  it('Last-Event-ID: passes when a preflight asked for last-event-id', () => {
    const check = checkOf(lesson, 'last-event-id');
    const lastEventId = simulate({ request: { headers: [['Last-Event-ID', '42']] }, policy: STAR });
    expect(lastEventId.preflight?.request.headers).toContainEqual(['Access-Control-Request-Headers', 'last-event-id']);
    expect(check(evidenceOf(lastEventId))).toEqual({ passed: true });
    expect(check(evidenceOf(simulate({ request: { headers: [['Range', 'bytes=0-99']] }, policy: STAR })))).toEqual(openResult(lesson, 'last-event-id'));
    expect(check(evidenceOf(simulate({ request: { headers: [['X-Custom-Header', '1']] }, policy: STAR })))).toEqual(openResult(lesson, 'last-event-id'));
  });

  it('every text is in English and Chinese, with the same placeholders and code', () => {
    expect(textsOf(lesson).flatMap(textProblems)).toEqual([]);
  });
});

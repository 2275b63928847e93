import { describe, expect, it } from 'vitest';
import { checkOf, evidenceOf, openResult, PAGE, simulate, textProblems, textsOf } from './evidence-fixtures.ts';
import { allowOriginLesson as lesson } from './lesson-03-allow-origin.ts';

const APP = 'https://app.example.com';

describe('lesson 3: Access-Control-Allow-Origin', () => {
  it('every step is open before the learner sends anything', () => {
    expect(lesson.steps.map((s) => s.check(evidenceOf()).passed)).toEqual([false, false, false]);
  });

  it('*: passes when the script read an answer that said *, not one that named the page', () => {
    const check = checkOf(lesson, 'any-origin');
    expect(check(evidenceOf(simulate({ policy: { allowOrigin: '*' } })))).toEqual({ passed: true });
    expect(check(evidenceOf(simulate()))).toEqual(openResult(lesson, 'any-origin'));
    expect(check(evidenceOf(simulate({ policy: { allowOrigin: 'list', originList: [PAGE] } })))).toEqual(openResult(lesson, 'any-origin'));
  });

  it('a list: passes when the server picked the page out of several origins, not with the page alone or *', () => {
    const check = checkOf(lesson, 'list-picks-one');
    const picked = simulate({ policy: { allowOrigin: 'list', originList: [APP, PAGE] } });
    expect(picked.actual?.response.headers).toEqual([['Access-Control-Allow-Origin', PAGE]]);
    expect(check(evidenceOf(picked))).toEqual({ passed: true });
    const open = openResult(lesson, 'list-picks-one');
    expect(check(evidenceOf(simulate({ policy: { allowOrigin: 'list', originList: [APP] } })))).toEqual(open);
    expect(check(evidenceOf(simulate({ policy: { allowOrigin: 'list', originList: [PAGE] } })))).toEqual(open);
    expect(check(evidenceOf(simulate({ policy: { allowOrigin: '*' } })))).toEqual(open);
  });

  it('reflect and Vary: passes only when the answer named the page and said Vary: Origin', () => {
    const check = checkOf(lesson, 'reflect-vary');
    const open = openResult(lesson, 'reflect-vary');
    expect(check(evidenceOf(simulate({ policy: { allowOrigin: 'reflect' } })))).toEqual(open);
    expect(check(evidenceOf(simulate({ policy: { allowOrigin: '*', varyOrigin: true } })))).toEqual(open);
    expect(check(evidenceOf(simulate({ policy: { allowOrigin: 'reflect' } }), simulate({ policy: { allowOrigin: 'reflect', varyOrigin: true } })))).toEqual({ passed: true });
    // A list varies by Origin too.
    expect(check(evidenceOf(simulate({ policy: { allowOrigin: 'list', originList: [PAGE], varyOrigin: true } })))).toEqual({ passed: true });
  });
});

describe('lesson 3 texts', () => {
  it('every text is in English and Chinese, with the same placeholders and code', () => {
    expect(textsOf(lesson).flatMap(textProblems)).toEqual([]);
  });
});

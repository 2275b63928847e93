/** Lesson 2, walked as a learner: the hidden 200, then the least permissive fix (a challenge). */
import { DATA_BODY } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { LabPage, LessonWalk } from './support/lab-page.ts';

test('lesson 2 (classic demo): a 200 the script cannot read, then a challenge that refuses *', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const lesson = new LessonWalk(lab);
  await lesson.open(/The classic demo/);

  const blocked = await lab.send();
  await expect(blocked).toHaveAttribute('data-tone', 'blocked');
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/the least you need/);
  // * works, but the challenge refuses an over-permissive policy.
  await lab.allowOrigin('*');
  const star = await lab.send();
  await expect(star.getByTestId('script-body')).toHaveText(DATA_BODY);
  await lesson.notPassed(/allows more than this page/);
  await lab.allowOrigin('list', ['http://localhost:8100']);
  // Checks read what happened: the narrower policy counts once a send has gone out under it.
  await lesson.notPassed();
  await lab.send();
  await lesson.passed();
  await lesson.realServersShown();
});

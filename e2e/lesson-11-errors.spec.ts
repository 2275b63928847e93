/** Lesson 11, walked as a learner: a readable 404, a 500 behind a CORS error, a preflight that hits a 401. */
import { expect, test } from '@playwright/test';
import { headerRow, LabPage, LessonWalk } from './support/lab-page.ts';

test('lesson 11 (errors without CORS headers): each step passes by what the wire shows', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const lesson = new LessonWalk(lab);
  await lesson.open('Errors without CORS headers');

  await lesson.notPassed();
  const missing = await lab.send();
  await expect(missing.getByTestId('script-status')).toHaveText('404');
  await lesson.passed();

  await lesson.next();
  await lesson.notPassed();
  const crash = await lab.send();
  await expect(crash).toHaveAttribute('data-tone', 'blocked');
  const actual = await lab.exchange(crash, 'actual');
  await expect(actual.locator(':scope > summary')).toContainText('→ 500');
  await expect(headerRow(actual, /^Response headers/, 'Access-Control-Allow-Origin')).toHaveCount(0);
  await lesson.passed();

  await lesson.next();
  const refused = await lab.send();
  await expect(refused).toHaveAttribute('data-tone', 'blocked');
  await expect((await lab.exchange(refused, 'preflight')).locator(':scope > summary')).toContainText('→ 401');
  await lesson.notPassed();
  await lab.field('OPTIONS is answered by').selectOption('policy');
  await lab.policySaved();
  const signedIn = await lab.send();
  await expect(signedIn.getByTestId('script-body')).toHaveText('private data for a signed-in user');
  await lesson.passed();
  await lesson.realServersShown();
});

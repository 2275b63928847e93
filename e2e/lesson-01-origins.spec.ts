/** Lesson 1, walked as a learner: same origin, another port, another host name. */
import { expect, test } from '@playwright/test';
import { LabPage, LessonWalk } from './support/lab-page.ts';

test('lesson 1 (Origins): each step passes by what the timeline shows', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const lesson = new LessonWalk(lab);
  await lesson.open('Origins');

  await lesson.stepTitle(/Same origin/);
  await expect(lab.field('URL')).toHaveValue('http://localhost:8100/blank.html');
  await lesson.notPassed(/page's own origin/);
  const same = await lab.send();
  await expect(same).toHaveAttribute('data-tone', 'same-origin');
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/Another port/);
  await lesson.notPassed();
  await lab.send();
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/localhost is not 127.0.0.1/);
  await expect(lab.field('URL')).toHaveValue('http://127.0.0.1:8000/getData.html');
  // Blocked first: the preset's empty policy allows no origin.
  await lab.send();
  await lesson.notPassed();
  await lab.allowOrigin('list', ['http://localhost:8100']);
  const entry = await lab.send();
  await expect(entry).toHaveAttribute('data-tone', 'allowed');
  await lesson.passed();
  await lesson.realServersShown();
  await expect(page.getByTestId('lesson-progress-origins')).toHaveCount(0);
  await page.getByRole('button', { name: 'All lessons' }).click();
  await expect(page.getByTestId('lesson-progress-origins')).toHaveText('3/3');
});

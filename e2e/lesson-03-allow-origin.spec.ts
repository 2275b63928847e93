/** Lesson 3, walked as a learner: *, a list the server picks one origin from, reflecting with Vary: Origin. */
import { DATA_BODY } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { headerRow, LabPage, LessonWalk } from './support/lab-page.ts';

const PAGE = 'http://localhost:8100';

test('lesson 3 (Access-Control-Allow-Origin): each step passes by the answer server01 sent', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const lesson = new LessonWalk(lab);
  await lesson.open(/^Access-Control-Allow-Origin: \*, a list/);

  await lesson.stepTitle(/\*: every origin may read/);
  await lesson.notPassed(/Allow the origin \*/);
  const none = await lab.send();
  await expect(none).toHaveAttribute('data-tone', 'blocked');
  await lesson.notPassed();
  await lab.allowOrigin('*');
  const star = await lab.send();
  await expect(star.getByTestId('script-body')).toHaveText(DATA_BODY);
  await expect(headerRow(await lab.exchange(star, 'actual'), /^Response headers/, 'Access-Control-Allow-Origin')).toHaveText('*');
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/A list: the server picks one origin/);
  await expect(lab.field('Allowed origins')).toHaveValue('https://app.example.com');
  const notListed = await lab.send();
  await expect(notListed).toHaveAttribute('data-tone', 'blocked');
  await expect(headerRow(await lab.exchange(notListed, 'actual'), /^Response headers/, 'Access-Control-Allow-Origin')).toHaveCount(0);
  await lesson.notPassed(/add http:\/\/localhost:8100/);
  await lab.allowOrigin('list', ['https://app.example.com', PAGE]);
  const picked = await lab.send();
  await expect(picked).toHaveAttribute('data-tone', 'allowed');
  // Two origins allowed, one sent: the one that matched the request's Origin.
  await expect(headerRow(await lab.exchange(picked, 'actual'), /^Response headers/, 'Access-Control-Allow-Origin')).toHaveText(PAGE);
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/Reflecting the Origin, and Vary: Origin/);
  const reflected = await lab.send();
  await expect(reflected).toHaveAttribute('data-tone', 'allowed');
  const noVary = await lab.exchange(reflected, 'actual');
  await expect(headerRow(noVary, /^Response headers/, 'Access-Control-Allow-Origin')).toHaveText(PAGE);
  await expect(headerRow(noVary, /^Response headers/, 'Vary')).toHaveCount(0);
  await lesson.notPassed(/Vary: Origin/);
  await lab.policyCheck('Vary: Origin', true);
  const varied = await lab.send();
  await expect(headerRow(await lab.exchange(varied, 'actual'), /^Response headers/, 'Vary')).toHaveText('Origin');
  await lesson.passed();
  await lesson.realServersShown();
});

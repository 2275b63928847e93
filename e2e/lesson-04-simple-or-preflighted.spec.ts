/** Lesson 4, walked as a learner: a simple POST, then DELETE, application/json and Last-Event-ID, each preflighted. */
import { DATA_BODY } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { headerRow, LabPage, LessonWalk } from './support/lab-page.ts';

test('lesson 4 (simple or preflighted): each step passes by the OPTIONS server01 received, or did not', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const lesson = new LessonWalk(lab);
  await lesson.open(/^Simple or preflighted/);

  await lesson.stepTitle(/A simple POST: no preflight/);
  await expect(lab.field('Method')).toHaveValue('POST');
  await lesson.notPassed(/Content-Type: text\/plain/);
  const simple = await lab.send();
  await expect(simple).toHaveAttribute('data-tone', 'allowed');
  await expect(simple.locator('details[data-kind="preflight"]')).toHaveCount(0);
  await expect(simple.locator('details[data-kind="actual"]')).toHaveCount(1);
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/Any other method is asked about first/);
  await lesson.notPassed(/DELETE/);
  const del = await lab.send();
  await expect(del).toHaveAttribute('data-tone', 'blocked');
  await expect(headerRow(await lab.exchange(del, 'preflight'), /^Request headers/, 'Access-Control-Request-Method')).toHaveText('DELETE');
  await expect(del.locator('details[data-kind="actual"]')).toHaveCount(0);
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/application\/json needs a preflight/);
  await lab.field('Header value 1').fill('application/json');
  const json = await lab.send();
  await expect(json).toHaveAttribute('data-tone', 'blocked');
  await expect(headerRow(await lab.exchange(json, 'preflight'), /^Request headers/, 'Access-Control-Request-Headers')).toHaveText('content-type');
  await lesson.notPassed(/allow Content-Type/);
  await lab.policyText('Access-Control-Allow-Headers', 'Content-Type');
  const allowed = await lab.send();
  await expect(allowed.getByTestId('script-body')).toHaveText(DATA_BODY);
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/Last-Event-ID is not safelisted/);
  await lesson.notPassed(/Last-Event-ID/);
  const lastEventId = await lab.send();
  await expect(lastEventId).toHaveAttribute('data-tone', 'blocked');
  await expect(headerRow(await lab.exchange(lastEventId, 'preflight'), /^Request headers/, 'Access-Control-Request-Headers')).toHaveText('last-event-id');
  await lesson.passed();
  await lesson.realServersShown();
});

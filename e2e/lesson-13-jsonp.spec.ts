/**
 * Lesson 13, walked as a learner: the data through a script tag with no CORS
 * at all; GET only, and fetch with PUT is preflighted; the evil JSONP answer
 * changes the page; the same data with fetch and the least permissive CORS
 * policy. The steps live in lessons/lesson-13-jsonp.steps.ts, which the demo
 * recorder walks too; lesson-13-jsonp.zh-CN.spec.ts walks them in Chinese.
 * Then a callback that is no identifier.
 */
import { expect, test } from '@playwright/test';
import { jsonpSteps } from './lessons/lesson-13-jsonp.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';
import { LabPage } from './support/lab-page.ts';

test('lesson 13 (CORS vs JSONP): a script tag needs no CORS, can only GET, and runs what the server sends; fetch reads only data', async ({ page }) => {
  await walkInPage(page, jsonpSteps);
});

test('lesson 13: a callback that is no identifier gets a 400 naming callback, and the script element learns only "error"', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.useApi('script');
  await lab.request({ url: 'http://localhost:8000/data.jsonp?callback=alert(document.domain)//' });
  const refused = await lab.send();
  await expect(refused).toHaveAttribute('data-tone', 'blocked');
  await expect(refused.getByTestId('verdict')).toHaveText('The script did not run: server01 answered 400');
  await expect(refused.getByTestId('script-error')).toHaveText('script element: error event');
  const wire = await lab.exchange(refused, 'actual');
  const body = JSON.parse((await wire.getByLabel('Response body').textContent()) ?? '{}') as { errors?: { field: string }[] };
  expect(body.errors?.map((e) => e.field)).toEqual(['callback']);
  await expect(wire.getByLabel('Response body')).not.toContainText('alert(');
});

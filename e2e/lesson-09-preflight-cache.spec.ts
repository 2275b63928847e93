/**
 * Lesson 9, walked as a learner, with the request counter above the timeline:
 * Max-Age 0 doubles the traffic, no Max-Age caches for 5 s, Max-Age 600 cuts
 * three PUTs to one OPTIONS.
 */
import { expect, test, type Locator } from '@playwright/test';
import { LabPage, LessonWalk } from './support/lab-page.ts';

const preflights = (entry: Locator) => entry.locator('details[data-kind="preflight"]');
const cached = (entry: Locator) => entry.locator('[data-kind="preflight-cached"]');

test('lesson 9 (preflight cache): every PUT preflighted, the 5 s default, and Max-Age 600', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const lesson = new LessonWalk(lab);
  await lesson.open(/^The preflight cache/);
  const counter = page.getByTestId('request-counter');
  /** Clears the timeline, so the counter starts at zero (the button is disabled while it is empty). */
  const clear = async () => {
    const button = page.getByRole('button', { name: 'Clear', exact: true });
    if (await button.isEnabled()) await button.click();
    await expect(page.getByTestId('timeline-entry')).toHaveCount(0);
  };

  await lesson.stepTitle(/Every PUT asks first/);
  await lesson.notPassed(/at least twice/);
  await clear();
  await expect(counter).toHaveText('server01 received 0 OPTIONS · 0 actual');
  await expect(preflights(await lab.send())).toHaveCount(1);
  await lesson.notPassed();
  for (let i = 0; i < 2; i++) await expect(preflights(await lab.send())).toHaveCount(1);
  // Twice the traffic: one OPTIONS per PUT.
  await expect(counter).toHaveText('server01 received 3 OPTIONS · 3 actual');
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/No Max-Age: five seconds/);
  await lesson.notPassed(/within 5 seconds/);
  await clear();
  await expect(preflights(await lab.send())).toHaveCount(1);
  const second = await lab.send();
  await expect(cached(second)).toHaveCount(1);
  await lesson.notPassed();
  // Chromium keeps an answer without Max-Age for 5 s; after that, OPTIONS again.
  await page.waitForTimeout(5_500);
  const third = await lab.send();
  await expect(preflights(third)).toHaveCount(1);
  await expect(counter).toHaveText('server01 received 2 OPTIONS · 3 actual');
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/Max-Age cuts the traffic/);
  await expect(lab.field('URL')).toHaveValue('http://localhost:8000/getData.html?v=2');
  await lesson.notPassed(/three times/);
  await clear();
  await expect(preflights(await lab.send())).toHaveCount(1);
  await lesson.notPassed();
  for (let i = 0; i < 2; i++) await expect(cached(await lab.send())).toHaveCount(1);
  await expect(counter).toHaveText('server01 received 1 OPTIONS · 3 actual');
  await expect(counter).toHaveAttribute('data-preflights', '1');
  await lesson.passed();
  await lesson.realServersShown();
});

/**
 * Lesson 9's steps, with the request counter above the timeline: Max-Age 0
 * doubles the traffic, no Max-Age caches for 5 s, Max-Age 600 cuts three PUTs
 * to one OPTIONS.
 */
import { expect, type Locator } from '@playwright/test';
import type { LessonScript, StepContext } from './step-script.ts';

const preflights = (entry: Locator) => entry.locator('details[data-kind="preflight"]');
const cached = (entry: Locator) => entry.locator('[data-kind="preflight-cached"]');
const counter = ({ page }: StepContext) => page.getByTestId('request-counter');
/** Beside the prediction: whether the browser holds a cached preflight answer for the PUT, and for how long. */
const cacheStatus = ({ page }: StepContext) => page.getByTestId('preflight-cache');

/** Clears the timeline, so the counter starts at zero (the button is disabled while it is empty). */
async function clear({ page, words }: StepContext): Promise<void> {
  const button = page.getByRole('button', { name: words.clear, exact: true });
  if (await button.isEnabled()) await button.click();
  await expect(page.getByTestId('timeline-entry')).toHaveCount(0);
}

export const preflightCacheSteps: LessonScript = {
  lessonId: 'preflight-cache',
  steps: [
    {
      id: 'every-time',
      run: async (ctx) => {
        const { lab, lesson, t, words } = ctx;
        await lesson.notPassed(t(/at least twice/, /至少发送两次 PUT/));
        await clear(ctx);
        await expect(counter(ctx)).toHaveText(words.counter(0, 0));
        await expect(preflights(await lab.send())).toHaveCount(1);
        await lesson.notPassed();
        for (let i = 0; i < 2; i++) await expect(preflights(await lab.send())).toHaveCount(1);
        // Twice the traffic: one OPTIONS per PUT.
        await expect(counter(ctx)).toHaveText(words.counter(3, 3));
        await expect(cacheStatus(ctx)).toHaveAttribute('data-state', 'not-cached');
      },
    },
    {
      id: 'five-seconds',
      run: async (ctx) => {
        const { lab, lesson, t, words } = ctx;
        await lesson.notPassed(t(/within 5 seconds/, /5 秒内再发送一次/));
        await clear(ctx);
        await expect(preflights(await lab.send())).toHaveCount(1);
        const second = await lab.send();
        await expect(cached(second)).toHaveCount(1);
        await lesson.notPassed();
        // Chromium keeps an answer without Max-Age for 5 s; the page counts it down, then OPTIONS again.
        const cache = cacheStatus(ctx);
        await expect(cache).toHaveAttribute('data-state', 'cached');
        await expect(cache).toContainText(t(/expires in \d s/, /\d 秒后过期/));
        await expect(cache).toContainText(t(/expired/, /已过期/), { timeout: 10_000 });
        const third = await lab.send();
        await expect(preflights(third)).toHaveCount(1);
        await expect(counter(ctx)).toHaveText(words.counter(2, 3));
      },
    },
    {
      id: 'max-age',
      run: async (ctx) => {
        const { lab, lesson, t, words } = ctx;
        await expect(lab.field('URL')).toHaveValue('http://localhost:8000/getData.html?v=2');
        await lesson.notPassed(t(/three times/, /把 PUT 发送三次/));
        await clear(ctx);
        await expect(preflights(await lab.send())).toHaveCount(1);
        await lesson.notPassed();
        for (let i = 0; i < 2; i++) await expect(cached(await lab.send())).toHaveCount(1);
        await expect(counter(ctx)).toHaveText(words.counter(1, 3));
        await expect(counter(ctx)).toHaveAttribute('data-preflights', '1');
        await expect(cacheStatus(ctx)).toContainText(t(/expires in \d+ s/, /\d+ 秒后过期/));
      },
    },
  ],
};

/** Lesson 9, walked as a learner with the request counter: every PUT preflighted, the 5 s default, and Max-Age 600. The steps live in lessons/lesson-09-preflight-cache.steps.ts, which the demo recorder walks too. */
import { test } from '@playwright/test';
import { preflightCacheSteps } from './lessons/lesson-09-preflight-cache.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test('lesson 9 (preflight cache): every PUT preflighted, the 5 s default, and Max-Age 600', async ({ page }) => {
  await walkInPage(page, preflightCacheSteps);
});

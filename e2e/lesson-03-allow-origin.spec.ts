/** Lesson 3, walked as a learner: *, a list the server picks one origin from, reflecting with Vary: Origin. The steps live in lessons/lesson-03-allow-origin.steps.ts, which the demo recorder walks too. */
import { test } from '@playwright/test';
import { allowOriginSteps } from './lessons/lesson-03-allow-origin.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test('lesson 3 (Access-Control-Allow-Origin): each step passes by the answer server01 sent', async ({ page }) => {
  await walkInPage(page, allowOriginSteps);
});

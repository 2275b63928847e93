/** Lesson 11, walked as a learner: a readable 404, a 500 behind a CORS error, a preflight that hits a 401. The steps live in lessons/lesson-11-errors.steps.ts, which the demo recorder walks too. */
import { test } from '@playwright/test';
import { errorsSteps } from './lessons/lesson-11-errors.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test('lesson 11 (errors without CORS headers): each step passes by what the wire shows', async ({ page }) => {
  await walkInPage(page, errorsSteps);
});

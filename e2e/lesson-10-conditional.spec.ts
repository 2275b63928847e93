/** Lesson 10, walked as a learner: ETag exposed, If-None-Match 304 with a preflight each time, a stale If-Match 412 under the least policy. The steps live in lessons/lesson-10-conditional.steps.ts, which the demo recorder walks too. */
import { test } from '@playwright/test';
import { conditionalSteps } from './lessons/lesson-10-conditional.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test('lesson 10 (conditional requests): ETag exposed, 304 with a preflight each time, and 412 under the least policy', async ({ page }) => {
  await walkInPage(page, conditionalSteps);
});

/** Lesson 6, walked as a learner: exactly X-Custom-Header (a challenge), Django's x-csrftoken, and * with Authorization in Chromium. The steps live in lessons/lesson-06-custom-headers.steps.ts, which the demo recorder walks too. */
import { test } from '@playwright/test';
import { customHeadersSteps } from './lessons/lesson-06-custom-headers.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test('lesson 6 (custom headers): a challenge that refuses *, x-csrftoken, and Authorization under * live', async ({ page }) => {
  await walkInPage(page, customHeadersSteps);
});

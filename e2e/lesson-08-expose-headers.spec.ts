/** Lesson 8, walked as a learner: safelisted response headers only, FooBar by name, and * until credentials. The steps live in lessons/lesson-08-expose-headers.steps.ts, which the demo recorder walks too. */
import { test } from '@playwright/test';
import { exposeHeadersSteps } from './lessons/lesson-08-expose-headers.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test('lesson 8 (Expose-Headers): safelisted headers only, FooBar by name, and * until credentials', async ({ page }) => {
  await walkInPage(page, exposeHeadersSteps);
});

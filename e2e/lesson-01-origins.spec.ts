/** Lesson 1, walked as a learner: same origin, another port, another host name. The steps live in lessons/lesson-01-origins.steps.ts, which the demo recorder walks too. */
import { test } from '@playwright/test';
import { originsSteps } from './lessons/lesson-01-origins.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test('lesson 1 (Origins): each step passes by what the timeline shows', async ({ page }) => {
  await walkInPage(page, originsSteps);
});

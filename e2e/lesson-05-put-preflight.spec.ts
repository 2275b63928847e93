/** Lesson 5, walked as a learner: a PUT stopped at its preflight, the least policy that lets it through, then VIEW and lowercase patch. The steps live in lessons/lesson-05-put-preflight.steps.ts, which the demo recorder walks too. */
import { test } from '@playwright/test';
import { putPreflightSteps } from './lessons/lesson-05-put-preflight.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test('lesson 5 (PUT and the preflight): a challenge that refuses *, and methods Node refuses', async ({ page }) => {
  await walkInPage(page, putPreflightSteps);
});

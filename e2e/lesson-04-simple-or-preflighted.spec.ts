/** Lesson 4, walked as a learner: a simple POST, then DELETE, application/json and Last-Event-ID, each preflighted. The steps live in lessons/lesson-04-simple-or-preflighted.steps.ts, which the demo recorder walks too. */
import { test } from '@playwright/test';
import { simpleOrPreflightedSteps } from './lessons/lesson-04-simple-or-preflighted.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test('lesson 4 (simple or preflighted): each step passes by the OPTIONS server01 received, or did not', async ({ page }) => {
  await walkInPage(page, simpleOrPreflightedSteps);
});

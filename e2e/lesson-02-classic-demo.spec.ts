/** Lesson 2, walked as a learner: the hidden 200, then the least permissive fix (a challenge). The steps live in lessons/lesson-02-classic-demo.steps.ts, which the demo recorder walks too. */
import { test } from '@playwright/test';
import { classicDemoSteps } from './lessons/lesson-02-classic-demo.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test('lesson 2 (classic demo): a 200 the script cannot read, then a challenge that refuses *', async ({ page }) => {
  await walkInPage(page, classicDemoSteps);
});

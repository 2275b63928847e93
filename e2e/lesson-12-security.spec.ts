/** Lesson 12, walked as a learner: another origin of the same site reads through an echoed Origin (and the attacker's own page in a new tab), the exact origin shuts it out, a trusted null, an unanchored pattern. The steps live in lessons/lesson-12-security.steps.ts, which the demo recorder walks too. */
import { test } from '@playwright/test';
import { securitySteps } from './lessons/lesson-12-security.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test('lesson 12 (security): another site reads through an echoed Origin, a trusted null, an unanchored pattern', async ({ page }) => {
  // Four steps, a dozen sends through three kinds of frame, and a second tab.
  test.slow();
  await walkInPage(page, securitySteps);
});

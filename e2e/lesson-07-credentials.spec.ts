/** Lesson 7, walked as a learner: * refused with credentials, the exact origin with the same-site cookie, and no cookie cross-site. The steps live in lessons/lesson-07-credentials.steps.ts, which the demo recorder walks too. */
import { test } from '@playwright/test';
import { credentialsSteps } from './lessons/lesson-07-credentials.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test('lesson 7 (credentials): * refused, the exact origin with the cookie riding, and no cookie cross-site', async ({ page }) => {
  await walkInPage(page, credentialsSteps);
});

/** Lesson 4 in 简体中文: a browser set to Chinese walks the same step scripts, reading the Chinese texts, and the checks pass. */
import { test } from '@playwright/test';
import { simpleOrPreflightedSteps } from './lessons/lesson-04-simple-or-preflighted.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test.use({ locale: 'zh-CN' });

test('lesson 4 in Chinese: 简单请求，还是预检请求？', async ({ page }) => {
  await walkInPage(page, simpleOrPreflightedSteps, 'zh-CN');
});

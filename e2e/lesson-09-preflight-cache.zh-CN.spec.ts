/** Lesson 9 in 简体中文: a browser set to Chinese walks the same step scripts, reading the Chinese texts and counter, and the checks pass. */
import { test } from '@playwright/test';
import { preflightCacheSteps } from './lessons/lesson-09-preflight-cache.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test.use({ locale: 'zh-CN' });

test('lesson 9 in Chinese: 预检缓存：Max-Age', async ({ page }) => {
  await walkInPage(page, preflightCacheSteps, 'zh-CN');
});

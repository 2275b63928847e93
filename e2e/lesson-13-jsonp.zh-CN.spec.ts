/** Lesson 13 in 简体中文: a browser set to Chinese walks the same step scripts, reading the Chinese texts, verdicts and the evil answer's banner (which follows the page's language), and the checks pass. */
import { test } from '@playwright/test';
import { jsonpSteps } from './lessons/lesson-13-jsonp.steps.ts';
import { walkInPage } from './lessons/walk-lesson.ts';

test.use({ locale: 'zh-CN' });

test('lesson 13 in Chinese: CORS 与 JSONP', async ({ page }) => {
  await walkInPage(page, jsonpSteps, 'zh-CN');
});

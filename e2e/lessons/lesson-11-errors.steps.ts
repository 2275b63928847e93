/** Lesson 11's steps: a readable 404, a 500 behind a CORS error, a preflight that hits a 401. */
import { expect } from '@playwright/test';
import { headerRow } from '../support/lab-page.ts';
import type { LessonScript } from './step-script.ts';

export const errorsSteps: LessonScript = {
  lessonId: 'errors',
  steps: [
    {
      id: 'readable-404',
      run: async ({ lab, lesson }) => {
        await lesson.notPassed();
        const missing = await lab.send();
        await expect(missing.getByTestId('script-status')).toHaveText('404');
      },
    },
    {
      id: 'crash-500',
      run: async ({ lab, lesson, words }) => {
        await lesson.notPassed();
        const crash = await lab.send();
        await expect(crash).toHaveAttribute('data-tone', 'blocked');
        const actual = await lab.exchange(crash, 'actual');
        await expect(actual.locator(':scope > summary')).toContainText('→ 500');
        await expect(headerRow(actual, words.responseHeaders, 'Access-Control-Allow-Origin')).toHaveCount(0);
      },
    },
    {
      id: 'preflight-401',
      run: async ({ lab, lesson, words }) => {
        const refused = await lab.send();
        await expect(refused).toHaveAttribute('data-tone', 'blocked');
        await expect((await lab.exchange(refused, 'preflight')).locator(':scope > summary')).toContainText('→ 401');
        await lesson.notPassed();
        await lab.policySelect(words.optionsAnsweredBy, 'policy');
        const signedIn = await lab.send();
        await expect(signedIn.getByTestId('script-body')).toHaveText('private data for a signed-in user');
      },
    },
  ],
};

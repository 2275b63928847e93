/** Lesson 1's steps: same origin, another port, another host name. */
import { expect } from '@playwright/test';
import type { LessonScript } from './step-script.ts';

export const originsSteps: LessonScript = {
  lessonId: 'origins',
  steps: [
    {
      id: 'same-origin',
      run: async ({ lab, lesson, t }) => {
        await expect(lab.field('URL')).toHaveValue('http://localhost:8100/blank.html');
        await lesson.notPassed(t(/page's own origin/, /页面自己的源/));
        const same = await lab.send();
        await expect(same).toHaveAttribute('data-tone', 'same-origin');
      },
    },
    {
      id: 'other-port',
      run: async ({ lab, lesson }) => {
        await lesson.notPassed();
        await lab.send();
      },
    },
    {
      id: 'host-name',
      run: async ({ lab, lesson }) => {
        await expect(lab.field('URL')).toHaveValue('http://127.0.0.1:8000/getData.html');
        // Blocked first: the preset's empty policy allows no origin.
        await lab.send();
        await lesson.notPassed();
        await lab.allowOrigin('list', ['http://localhost:8100']);
        const entry = await lab.send();
        await expect(entry).toHaveAttribute('data-tone', 'allowed');
      },
    },
  ],
  after: async ({ page, words }) => {
    await expect(page.getByTestId('lesson-progress-origins')).toHaveCount(0);
    await page.getByRole('button', { name: words.allLessons }).click();
    await expect(page.getByTestId('lesson-progress-origins')).toHaveText('3/3');
  },
};

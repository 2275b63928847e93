/** Lesson 2's steps: the hidden 200, then the least permissive fix (a challenge). */
import { DATA_BODY } from '@cors-lab/shared';
import { expect } from '@playwright/test';
import type { LessonScript } from './step-script.ts';

export const classicDemoSteps: LessonScript = {
  lessonId: 'classic-demo',
  steps: [
    {
      id: 'hidden-200',
      run: async ({ lab }) => {
        const blocked = await lab.send();
        await expect(blocked).toHaveAttribute('data-tone', 'blocked');
      },
    },
    {
      id: 'allow-page',
      run: async ({ lab, lesson, t }) => {
        // * works, but the challenge refuses an over-permissive policy.
        await lab.allowOrigin('*');
        const star = await lab.send();
        await expect(star.getByTestId('script-body')).toHaveText(DATA_BODY);
        await lesson.notPassed(t(/allows more than this page/, /策略开放得比需要的多/));
        await lab.allowOrigin('list', ['http://localhost:8100']);
        // Checks read what happened: the narrower policy counts once a send has gone out under it.
        await lesson.notPassed();
        await lab.send();
      },
    },
  ],
};

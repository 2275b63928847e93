/** Lesson 3's steps: *, a list the server picks one origin from, reflecting with Vary: Origin. */
import { DATA_BODY } from '@cors-lab/shared';
import { expect } from '@playwright/test';
import { headerRow } from '../support/lab-page.ts';
import type { LessonScript } from './step-script.ts';

const PAGE = 'http://localhost:8100';

export const allowOriginSteps: LessonScript = {
  lessonId: 'allow-origin',
  steps: [
    {
      id: 'any-origin',
      run: async ({ lab, lesson, t, words }) => {
        await lesson.notPassed(t(/Allow the origin \*/, /允许源 \*/));
        const none = await lab.send();
        await expect(none).toHaveAttribute('data-tone', 'blocked');
        await lesson.notPassed();
        await lab.allowOrigin('*');
        const star = await lab.send();
        await expect(star.getByTestId('script-body')).toHaveText(DATA_BODY);
        await expect(headerRow(await lab.exchange(star, 'actual'), words.responseHeaders, 'Access-Control-Allow-Origin')).toHaveText('*');
      },
    },
    {
      id: 'list-picks-one',
      run: async ({ lab, lesson, t, words }) => {
        await expect(lab.field(words.allowedOrigins)).toHaveValue('https://app.example.com');
        const notListed = await lab.send();
        await expect(notListed).toHaveAttribute('data-tone', 'blocked');
        await expect(headerRow(await lab.exchange(notListed, 'actual'), words.responseHeaders, 'Access-Control-Allow-Origin')).toHaveCount(0);
        await lesson.notPassed(t(/add http:\/\/localhost:8100/, /再加上 http:\/\/localhost:8100/));
        await lab.allowOrigin('list', ['https://app.example.com', PAGE]);
        const picked = await lab.send();
        await expect(picked).toHaveAttribute('data-tone', 'allowed');
        // Two origins allowed, one sent: the one that matched the request's Origin.
        await expect(headerRow(await lab.exchange(picked, 'actual'), words.responseHeaders, 'Access-Control-Allow-Origin')).toHaveText(PAGE);
      },
    },
    {
      id: 'reflect-vary',
      run: async ({ lab, lesson, words }) => {
        const reflected = await lab.send();
        await expect(reflected).toHaveAttribute('data-tone', 'allowed');
        const noVary = await lab.exchange(reflected, 'actual');
        await expect(headerRow(noVary, words.responseHeaders, 'Access-Control-Allow-Origin')).toHaveText(PAGE);
        await expect(headerRow(noVary, words.responseHeaders, 'Vary')).toHaveCount(0);
        await lesson.notPassed(/Vary: Origin/);
        await lab.policyCheck('Vary: Origin', true);
        const varied = await lab.send();
        await expect(headerRow(await lab.exchange(varied, 'actual'), words.responseHeaders, 'Vary')).toHaveText('Origin');
      },
    },
  ],
};

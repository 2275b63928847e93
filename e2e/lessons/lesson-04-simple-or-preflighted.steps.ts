/** Lesson 4's steps: a simple POST, then DELETE, application/json and Last-Event-ID, each preflighted. */
import { DATA_BODY } from '@cors-lab/shared';
import { expect } from '@playwright/test';
import { headerRow } from '../support/lab-page.ts';
import type { LessonScript } from './step-script.ts';

export const simpleOrPreflightedSteps: LessonScript = {
  lessonId: 'simple-or-preflighted',
  steps: [
    {
      id: 'simple-post',
      run: async ({ lab, lesson, t, words }) => {
        await expect(lab.field(words.method)).toHaveValue('POST');
        await lesson.notPassed(t(/Content-Type: text\/plain/, /发送带 Content-Type: text\/plain 的 POST/));
        const simple = await lab.send();
        await expect(simple).toHaveAttribute('data-tone', 'allowed');
        await expect(simple.locator('details[data-kind="preflight"]')).toHaveCount(0);
        await expect(simple.locator('details[data-kind="actual"]')).toHaveCount(1);
      },
    },
    {
      id: 'other-method',
      run: async ({ lab, lesson, words }) => {
        await lesson.notPassed(/DELETE/);
        const del = await lab.send();
        await expect(del).toHaveAttribute('data-tone', 'blocked');
        await expect(headerRow(await lab.exchange(del, 'preflight'), words.requestHeaders, 'Access-Control-Request-Method')).toHaveText('DELETE');
        await expect(del.locator('details[data-kind="actual"]')).toHaveCount(0);
      },
    },
    {
      id: 'json',
      run: async ({ lab, lesson, t, words }) => {
        await lab.fill(words.headerValue(1), 'application/json');
        const json = await lab.send();
        await expect(json).toHaveAttribute('data-tone', 'blocked');
        await expect(headerRow(await lab.exchange(json, 'preflight'), words.requestHeaders, 'Access-Control-Request-Headers')).toHaveText('content-type');
        await lesson.notPassed(t(/allow Content-Type/, /在 Access-Control-Allow-Headers 中允许 Content-Type/));
        await lab.policyText('Access-Control-Allow-Headers', 'Content-Type');
        const allowed = await lab.send();
        await expect(allowed).toHaveAttribute('data-tone', 'allowed');
        await expect(allowed.getByTestId('script-body')).toHaveText(DATA_BODY);
      },
    },
    {
      id: 'last-event-id',
      run: async ({ lab, lesson, words }) => {
        await lesson.notPassed(/Last-Event-ID/);
        const lastEventId = await lab.send();
        await expect(lastEventId).toHaveAttribute('data-tone', 'blocked');
        await expect(headerRow(await lab.exchange(lastEventId, 'preflight'), words.requestHeaders, 'Access-Control-Request-Headers')).toHaveText('last-event-id');
      },
    },
  ],
};

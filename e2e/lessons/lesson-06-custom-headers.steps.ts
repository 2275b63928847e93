/** Lesson 6's steps: exactly X-Custom-Header (a challenge), Django's x-csrftoken, and * with Authorization in Chromium. */
import { DATA_BODY } from '@cors-lab/shared';
import { expect } from '@playwright/test';
import { headerRow } from '../support/lab-page.ts';
import type { LessonScript } from './step-script.ts';

export const customHeadersSteps: LessonScript = {
  lessonId: 'custom-headers',
  steps: [
    {
      id: 'exactly-x-custom-header',
      run: async ({ lab, lesson, t, words }) => {
        const blocked = await lab.send();
        await expect(blocked).toHaveAttribute('data-tone', 'blocked');
        await expect(headerRow(await lab.exchange(blocked, 'preflight'), words.requestHeaders, 'Access-Control-Request-Headers')).toHaveText('x-custom-header');
        await lesson.notPassed(t(/Send the GET with X-Custom-Header/, /发送带 X-Custom-Header 的 GET/));
        await lab.policyText('Access-Control-Allow-Headers', '*');
        const star = await lab.send();
        await expect(star.getByTestId('script-body')).toHaveText(DATA_BODY);
        await lesson.notPassed(t(/allows more than it needs/, /策略开放得比需要的多/));
        await lab.allowOrigin('list', ['http://localhost:8100']);
        await lab.policyText('Access-Control-Allow-Headers', 'X-Custom-Header');
        const exact = await lab.send();
        await expect(exact).toHaveAttribute('data-tone', 'allowed');
      },
    },
    {
      id: 'x-csrftoken',
      run: async ({ lab, lesson, t, words }) => {
        const csrfBlocked = await lab.send();
        await expect(csrfBlocked).toHaveAttribute('data-tone', 'blocked');
        await expect(headerRow(await lab.exchange(csrfBlocked, 'preflight'), words.requestHeaders, 'Access-Control-Request-Headers')).toHaveText('x-csrftoken');
        await lesson.notPassed(t(/allow x-csrftoken/, /允许 x-csrftoken/));
        await lab.policyText('Access-Control-Allow-Headers', 'X-Custom-Header, X-CSRFToken');
        const csrf = await lab.send();
        await expect(csrf).toHaveAttribute('data-tone', 'allowed');
        await expect(headerRow(await lab.exchange(csrf, 'actual'), words.requestHeaders, 'X-CSRFToken')).toHaveText('lab-token');
      },
    },
    {
      id: 'authorization-star',
      run: async ({ lab, lesson, t }) => {
        // Chromium 156: a fresh * covers Authorization, though the Fetch standard says it never does.
        const first = await lab.send();
        await expect(first.getByTestId('script-body')).toHaveText(DATA_BODY);
        await expect(first.locator('details[data-kind="preflight"]')).toHaveCount(1);
        await expect(first.getByTestId('explainer-reason')).toContainText(
          t('Chromium 156 lets * in Access-Control-Allow-Headers cover Authorization', 'Chromium 156 在新发出的预检里让 Access-Control-Allow-Headers 中的 * 也涵盖 Authorization'),
        );
        await lesson.notPassed(t(/twice/, /发送两次/));
        // Its preflight cache follows the standard: despite Max-Age 600, the second send is preflighted again.
        const second = await lab.send();
        await expect(second).toHaveAttribute('data-tone', 'allowed');
        await expect(second.locator('details[data-kind="preflight"]')).toHaveCount(1);
      },
    },
    {
      id: 'authorization-named',
      run: async ({ lab, lesson, t, words }) => {
        await lab.policyText('Access-Control-Allow-Headers', '*, Authorization');
        const named = await lab.send();
        await expect(named.locator('details[data-kind="preflight"]')).toHaveCount(1);
        await lesson.notPassed(t(/send twice/, /然后发送两次/));
        const cached = await lab.send();
        await expect(cached).toHaveAttribute('data-tone', 'allowed');
        await expect(cached.locator('details[data-kind="preflight"]')).toHaveCount(0);
        await expect(cached.locator('[data-kind="preflight-cached"]')).toContainText(words.preflightCached);
      },
    },
  ],
};

/** Lesson 5's steps: a PUT stopped at its preflight, the least policy that lets it through, then VIEW and lowercase patch. */
import { DATA_BODY } from '@cors-lab/shared';
import { expect } from '@playwright/test';
import { headerRow } from '../support/lab-page.ts';
import type { LessonScript } from './step-script.ts';

export const putPreflightSteps: LessonScript = {
  lessonId: 'put-preflight',
  steps: [
    {
      id: 'put-blocked',
      run: async ({ lab, lesson, t, words }) => {
        await lesson.notPassed(t(/stopped at the preflight/, /在预检阶段被拦下/));
        const stopped = await lab.send();
        await expect(stopped).toHaveAttribute('data-tone', 'blocked');
        await expect(headerRow(await lab.exchange(stopped, 'preflight'), words.requestHeaders, 'Access-Control-Request-Method')).toHaveText('PUT');
        await expect(stopped.locator('details[data-kind="actual"]')).toHaveCount(0);
      },
    },
    {
      id: 'allow-exactly-put',
      run: async ({ lab, lesson, t, words }) => {
        const tooLoose = t(/allows more than it needs/, /策略开放得比需要的多/);
        // The preset's * and * work, but the challenge refuses them.
        const star = await lab.send();
        await expect(star.getByTestId('script-body')).toHaveText(DATA_BODY);
        await lesson.notPassed(tooLoose);
        await lab.allowOrigin('list', ['http://localhost:8100']);
        // Method names compare case-sensitively: put does not allow PUT.
        await lab.policyText('Access-Control-Allow-Methods', 'put');
        const lower = await lab.send();
        await expect(lower).toHaveAttribute('data-tone', 'blocked');
        await expect(lower.getByTestId('reason')).toContainText(t('case-sensitively', '区分大小写'));
        await lesson.notPassed(tooLoose);
        await lab.policyText('Access-Control-Allow-Methods', 'PUT');
        const exact = await lab.send();
        await expect(exact).toHaveAttribute('data-tone', 'allowed');
        await expect(headerRow(await lab.exchange(exact, 'preflight'), words.responseHeaders, 'Access-Control-Allow-Methods')).toHaveText('PUT');
      },
    },
    {
      id: 'custom-view',
      run: async ({ lab, lesson, t, words }) => {
        await expect(lab.field(words.method)).toHaveValue('VIEW');
        const viewBlocked = await lab.send();
        await expect(viewBlocked).toHaveAttribute('data-tone', 'blocked');
        await lesson.notPassed(t(/Allow VIEW/, /允许 VIEW/));
        await lab.policyText('Access-Control-Allow-Methods', 'PUT, VIEW');
        const view = await lab.send();
        await expect(view).toHaveAttribute('data-tone', 'allowed');
        const viewActual = await lab.exchange(view, 'actual');
        await expect(viewActual.locator(':scope > summary')).toContainText('VIEW /getData.html → 200');
        await expect(viewActual.getByText('HPE_INVALID_METHOD')).toBeVisible();
      },
    },
    {
      id: 'lowercase-patch',
      run: async ({ lab, lesson, t, words }) => {
        await expect(lab.field(words.method)).toHaveValue('patch');
        const upper = await lab.send();
        await expect(upper).toHaveAttribute('data-tone', 'blocked');
        await expect(headerRow(await lab.exchange(upper, 'preflight'), words.requestHeaders, 'Access-Control-Request-Method')).toHaveText('patch');
        await lesson.notPassed(t(/must list patch, lowercase/, /必须列出小写的 patch/));
        await lab.policyText('Access-Control-Allow-Methods', 'PATCH, patch');
        const patch = await lab.send();
        await expect(patch.getByTestId('script-body')).toHaveText(DATA_BODY);
        const patchActual = await lab.exchange(patch, 'actual');
        await expect(patchActual.locator(':scope > summary')).toContainText('patch /getData.html → 200');
        await expect(patchActual.getByText('HPE_INVALID_METHOD')).toBeVisible();
      },
    },
  ],
};

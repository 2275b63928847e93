/** Lesson 6, walked as a learner: exactly X-Custom-Header (a challenge), Django's x-csrftoken, and * with Authorization in Chromium. */
import { DATA_BODY } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { headerRow, LabPage, LessonWalk } from './support/lab-page.ts';

test('lesson 6 (custom headers): a challenge that refuses *, x-csrftoken, and Authorization under * live', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const lesson = new LessonWalk(lab);
  await lesson.open(/^Custom headers/);

  await lesson.stepTitle(/Allow exactly X-Custom-Header/);
  const blocked = await lab.send();
  await expect(blocked).toHaveAttribute('data-tone', 'blocked');
  await expect(headerRow(await lab.exchange(blocked, 'preflight'), /^Request headers/, 'Access-Control-Request-Headers')).toHaveText('x-custom-header');
  await lesson.notPassed(/Send the GET with X-Custom-Header/);
  await lab.policyText('Access-Control-Allow-Headers', '*');
  const star = await lab.send();
  await expect(star.getByTestId('script-body')).toHaveText(DATA_BODY);
  await lesson.notPassed(/allows more than it needs/);
  await lab.allowOrigin('list', ['http://localhost:8100']);
  await lab.policyText('Access-Control-Allow-Headers', 'X-Custom-Header');
  const exact = await lab.send();
  await expect(exact).toHaveAttribute('data-tone', 'allowed');
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/The Django case: x-csrftoken/);
  const csrfBlocked = await lab.send();
  await expect(csrfBlocked).toHaveAttribute('data-tone', 'blocked');
  await expect(headerRow(await lab.exchange(csrfBlocked, 'preflight'), /^Request headers/, 'Access-Control-Request-Headers')).toHaveText('x-csrftoken');
  await lesson.notPassed(/allow x-csrftoken/);
  await lab.policyText('Access-Control-Allow-Headers', 'X-Custom-Header, X-CSRFToken');
  const csrf = await lab.send();
  await expect(csrf).toHaveAttribute('data-tone', 'allowed');
  await expect(headerRow(await lab.exchange(csrf, 'actual'), /^Request headers/, 'X-CSRFToken')).toHaveText('lab-token');
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/\* and Authorization/);
  // Chromium 156: a fresh * covers Authorization, though the Fetch standard says it never does.
  const first = await lab.send();
  await expect(first.getByTestId('script-body')).toHaveText(DATA_BODY);
  await expect(first.locator('details[data-kind="preflight"]')).toHaveCount(1);
  await expect(first.getByTestId('explainer-reason')).toContainText('Chromium 156 lets * in Access-Control-Allow-Headers cover Authorization');
  await lesson.notPassed(/twice/);
  // Its preflight cache follows the standard: despite Max-Age 600, the second send is preflighted again.
  const second = await lab.send();
  await expect(second).toHaveAttribute('data-tone', 'allowed');
  await expect(second.locator('details[data-kind="preflight"]')).toHaveCount(1);
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/Name Authorization/);
  await lab.policyText('Access-Control-Allow-Headers', '*, Authorization');
  const named = await lab.send();
  await expect(named.locator('details[data-kind="preflight"]')).toHaveCount(1);
  await lesson.notPassed(/send twice/);
  const cached = await lab.send();
  await expect(cached).toHaveAttribute('data-tone', 'allowed');
  await expect(cached.locator('details[data-kind="preflight"]')).toHaveCount(0);
  await expect(cached.locator('[data-kind="preflight-cached"]')).toContainText('The browser used its preflight cache');
  await lesson.passed();
  await lesson.realServersShown();
});

/** Lesson 5, walked as a learner: a PUT stopped at its preflight, the least policy that lets it through, then VIEW and lowercase patch. */
import { DATA_BODY } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { headerRow, LabPage, LessonWalk } from './support/lab-page.ts';

test('lesson 5 (PUT and the preflight): a challenge that refuses *, and methods Node refuses', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const lesson = new LessonWalk(lab);
  await lesson.open(/^PUT and the preflight/);

  await lesson.stepTitle(/The PUT that never left/);
  await lesson.notPassed(/stopped at the preflight/);
  const stopped = await lab.send();
  await expect(stopped).toHaveAttribute('data-tone', 'blocked');
  await expect(headerRow(await lab.exchange(stopped, 'preflight'), /^Request headers/, 'Access-Control-Request-Method')).toHaveText('PUT');
  await expect(stopped.locator('details[data-kind="actual"]')).toHaveCount(0);
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/Allow exactly PUT/);
  await expect(page.getByTestId('step-title')).toContainText('challenge');
  // The preset's * and * work, but the challenge refuses them.
  const star = await lab.send();
  await expect(star.getByTestId('script-body')).toHaveText(DATA_BODY);
  await lesson.notPassed(/allows more than it needs/);
  await lab.allowOrigin('list', ['http://localhost:8100']);
  // Method names compare case-sensitively: put does not allow PUT.
  await lab.policyText('Access-Control-Allow-Methods', 'put');
  const lower = await lab.send();
  await expect(lower).toHaveAttribute('data-tone', 'blocked');
  await expect(lower.getByTestId('reason')).toContainText('case-sensitively');
  await lesson.notPassed(/allows more than it needs/);
  await lab.policyText('Access-Control-Allow-Methods', 'PUT');
  const exact = await lab.send();
  await expect(exact).toHaveAttribute('data-tone', 'allowed');
  await expect(headerRow(await lab.exchange(exact, 'preflight'), /^Response headers/, 'Access-Control-Allow-Methods')).toHaveText('PUT');
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/A custom method: VIEW/);
  await expect(lab.field('Method')).toHaveValue('VIEW');
  const viewBlocked = await lab.send();
  await expect(viewBlocked).toHaveAttribute('data-tone', 'blocked');
  await lesson.notPassed(/Allow VIEW/);
  await lab.policyText('Access-Control-Allow-Methods', 'PUT, VIEW');
  const view = await lab.send();
  await expect(view).toHaveAttribute('data-tone', 'allowed');
  const viewActual = await lab.exchange(view, 'actual');
  await expect(viewActual.locator(':scope > summary')).toContainText('VIEW /getData.html → 200');
  await expect(viewActual.getByText('HPE_INVALID_METHOD')).toBeVisible();
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/Lowercase patch is not PATCH/);
  await expect(lab.field('Method')).toHaveValue('patch');
  const upper = await lab.send();
  await expect(upper).toHaveAttribute('data-tone', 'blocked');
  await expect(headerRow(await lab.exchange(upper, 'preflight'), /^Request headers/, 'Access-Control-Request-Method')).toHaveText('patch');
  await lesson.notPassed(/must list patch, lowercase/);
  await lab.policyText('Access-Control-Allow-Methods', 'PATCH, patch');
  const patch = await lab.send();
  await expect(patch.getByTestId('script-body')).toHaveText(DATA_BODY);
  const patchActual = await lab.exchange(patch, 'actual');
  await expect(patchActual.locator(':scope > summary')).toContainText('patch /getData.html → 200');
  await expect(patchActual.getByText('HPE_INVALID_METHOD')).toBeVisible();
  await lesson.passed();
  await lesson.realServersShown();
});

/**
 * The teacher view: learners and the step each has reached (never their
 * requests), and moving the whole class to a step. Learners cannot use it.
 */
import { expect, test, type Browser } from '@playwright/test';
import { LabPage, LessonWalk } from './support/lab-page.ts';

const TEACHER = '/?teacher#token=e2e-teacher-token';

async function learner(browser: Browser): Promise<LabPage> {
  const lab = new LabPage(await (await browser.newContext()).newPage());
  await lab.open('/?labs=own');
  return lab;
}

test('the teacher sees where each learner is and moves everyone to a step', async ({ browser, page }) => {
  const [ann, bob] = [await learner(browser), await learner(browser)];
  const annLesson = new LessonWalk(ann);
  await annLesson.open('Origins');
  await annLesson.next();
  await ann.request({ method: 'PATCH', body: 'private data of Ann' });

  await page.goto(TEACHER);
  const rows = page.getByTestId('learner-row');
  await expect(rows.filter({ hasText: 'Origins' }).filter({ hasText: '2 of 3' })).not.toHaveCount(0);
  await expect(rows.filter({ hasText: 'choosing a lesson' })).not.toHaveCount(0);
  // Positions only: nothing a learner typed or sent reaches this page.
  await expect(page.locator('body')).not.toContainText('private data of Ann');
  await expect(page.locator('body')).not.toContainText('/l/');

  await page.getByLabel('Lesson', { exact: true }).selectOption({ label: '2. The classic demo: 200 is not success' });
  await page.getByLabel('Step', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Move everyone to this step' }).click();
  await expect(page.getByRole('status')).toContainText(/Moved \d+ learners/);
  for (const lab of [ann, bob]) {
    await expect(lab.page.getByTestId('step-title')).toContainText('Step 2 of 2: Let the page read it');
  }
  await expect(rows.filter({ hasText: 'The classic demo' }).filter({ hasText: '2 of 2' })).not.toHaveCount(0);
  await Promise.all([ann.page.context().close(), bob.page.context().close()]);
});

test('without the teacher token, the classroom is closed', async ({ page }) => {
  const refused = await page.request.get('/api/classroom');
  expect(refused.status()).toBe(401);
  expect((await refused.json()).errors[0].field).toBe('Authorization');
  const move = await page.request.post('/api/classroom/goto', { data: { lesson: 'origins', step: 0 }, headers: { Authorization: 'Bearer guess' } });
  expect(move.status()).toBe(401);
  await page.goto('/?teacher#token=wrong');
  await expect(page.getByRole('alert')).toContainText("not the lab's");
});

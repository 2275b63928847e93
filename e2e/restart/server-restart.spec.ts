/**
 * The servers restart in the middle of a lesson: the page reconnects by
 * itself, sends its lab's policy again, and the learner loses nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { DATA_BODY } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { LabPage } from '../support/lab-page.ts';

const CONTROL = 'http://localhost:8100/api/config';

async function up(): Promise<boolean> {
  return fetch(CONTROL).then((r) => r.ok, () => false);
}

/** The real lab, in classroom mode: every browser in a lab of its own. */
async function startLab(): Promise<ChildProcess> {
  expect(await up(), 'nothing else may hold port 8100 during this story').toBe(false);
  const child = spawn('pnpm', ['--filter', '@cors-lab/lab', 'start', '--quiet', '--classroom'], { stdio: 'ignore', detached: true });
  await expect.poll(up, { timeout: 30_000 }).toBe(true);
  return child;
}

/** Stops the whole process group (pnpm, its shell, node) and waits until the ports are free. */
async function stopLab(child: ChildProcess): Promise<void> {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
  await expect.poll(up).toBe(false);
}

let lab: ChildProcess | undefined;
test.afterEach(async () => {
  if (lab !== undefined) await stopLab(lab);
});

test('after a server restart the page re-sends its policy and the timeline keeps every entry', async ({ page }) => {
  lab = await startLab();
  const learner = new LabPage(page);
  await learner.open('/');
  const url = await learner.field('URL').inputValue();
  expect(url, 'a classroom server gives each browser its own lab').toMatch(/\/l\/[A-Za-z0-9_-]{22}\/getData\.html$/);
  const labId = /\/l\/([^/]+)\//.exec(url)![1]!;

  await learner.allowOrigin('list', ['http://localhost:8100']);
  await learner.policyText('Access-Control-Max-Age', '0');
  const before = await learner.send();
  await expect(before.getByTestId('script-body')).toHaveText(DATA_BODY);

  await stopLab(lab);
  await expect(page.getByRole('status', { name: 'event stream' })).toHaveText('events: reconnecting…');
  lab = await startLab();
  await expect(page.getByRole('status', { name: 'event stream' })).toHaveText('events: live');

  // The new servers know nothing of this lab until the page tells them again.
  await expect.poll(async () => (await (await fetch(`http://localhost:8100/api/policy?lab=${labId}`)).json()).originList).toEqual(['http://localhost:8100']);
  const after = await learner.send();
  await expect(after.getByTestId('script-body')).toHaveText(DATA_BODY);
  // Both sends are still on screen, each with what server01 recorded for it.
  await expect(page.getByTestId('timeline-entry')).toHaveCount(2);
  const entries = page.getByTestId('timeline-entry');
  for (const i of [0, 1]) {
    await expect(entries.nth(i)).toHaveAttribute('data-tone', 'allowed');
    await expect(entries.nth(i).locator('details[data-kind="actual"]')).toHaveCount(1);
  }
});

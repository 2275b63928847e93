/**
 * Real libraries behind server01: the learner hands the CORS decision to
 * Express + cors (or Django, Flask, nginx where installed); server01 still
 * records every exchange, and the timeline says which library answered.
 */
import { readdirSync, readlinkSync } from 'node:fs';
import { DATA_BODY } from '@cors-lab/shared';
import { expect, test, type Page } from '@playwright/test';
import { headerRow, LabPage } from './support/lab-page.ts';

/** Kills, as a crash would, every process running in one of the library's working directories. */
function crash(library: string): number {
  let killed = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let cwd = '';
    try {
      cwd = readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      continue; // gone, or not ours to read
    }
    if (cwd.includes(`cors-lab-${library}-`)) {
      process.kill(Number(pid), 'SIGKILL');
      killed++;
    }
  }
  return killed;
}

async function choose(page: Page, name: string): Promise<void> {
  await page.getByLabel('CORS handled by').selectOption({ label: name });
  await expect(page.getByTestId('backend-status')).toHaveText(`${name}: answering now`, { timeout: 20_000 });
}

async function classicPutPolicy(lab: LabPage): Promise<void> {
  await lab.allowOrigin('list', ['http://localhost:8100']);
  await lab.policyText('Access-Control-Allow-Methods', 'GET, PUT');
  await lab.policyText('Access-Control-Max-Age', '0');
}

test('Express + cors answers the preflight and the PUT behind server01, and the timeline says so', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await classicPutPolicy(lab);
  await choose(page, 'Express + cors');
  await lab.request({ method: 'PUT', body: 'from the page' });
  const entry = await lab.send();
  await expect(entry.getByTestId('script-body')).toHaveText(DATA_BODY);
  const preflight = await lab.exchange(entry, 'preflight');
  await expect(preflight).toContainText('answered by Express + cors');
  // The cors package answers preflights 204 and lists the methods it was given.
  await expect(headerRow(preflight, /^Response headers/, 'Access-Control-Allow-Methods')).toHaveText('GET,PUT');
  const actual = await lab.exchange(entry, 'actual');
  await expect(actual).toContainText('answered by Express + cors');
  await expect(actual).toContainText('from the page');
});

test('a library that crashes is reported, and server01 keeps serving', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await classicPutPolicy(lab);
  await choose(page, 'Express + cors');
  // Kill the library's process the hard way, as a crash would.
  expect(crash('express-cors')).toBeGreaterThan(0);
  await expect(page.getByTestId('backend-status')).toHaveText('Express + cors: failed');
  await expect(page.getByTestId('backend-error')).toContainText('Express + cors stopped');
  const failed = await lab.send();
  await expect(failed).toHaveAttribute('data-tone', 'blocked');
  await expect((await lab.exchange(failed, 'actual'))).toContainText('502 from server01: Express + cors did not answer');
  // Back to the lab's engine: everything works again.
  await page.getByLabel('CORS handled by').selectOption({ label: "the lab's policy engine" });
  await expect(page.getByTestId('backend-status')).toHaveText("the lab's policy engine: answering now");
  const entry = await lab.send();
  await expect(entry.getByTestId('script-body')).toHaveText(DATA_BODY);
});

for (const name of ['Django + django-cors-headers', 'Flask + flask-cors', 'nginx']) {
  test(`${name} answers the classic PUT behind server01`, async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    const option = page.getByLabel('CORS handled by').locator('option', { hasText: name });
    test.skip((await option.getAttribute('disabled')) !== null, `${name} is not installed here (the Server code panel names the package)`);
    await classicPutPolicy(lab);
    await choose(page, name);
    await lab.request({ method: 'PUT' });
    const entry = await lab.send();
    await expect(entry.getByTestId('script-body')).toHaveText(DATA_BODY);
    await expect(await lab.exchange(entry, 'preflight')).toContainText(`answered by ${name}`);
  });
}

test("the classic custom method VIEW reaches Django although Node's parser refuses it", async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const name = 'Django + django-cors-headers';
  const option = page.getByLabel('CORS handled by').locator('option', { hasText: name });
  test.skip((await option.getAttribute('disabled')) !== null, `${name} is not installed here`);
  await lab.allowOrigin('list', ['http://localhost:8100']);
  await lab.policyText('Access-Control-Allow-Methods', 'GET, VIEW');
  await lab.policyText('Access-Control-Max-Age', '0');
  await choose(page, name);
  await lab.request({ method: 'VIEW' });
  const entry = await lab.send();
  await expect(entry.getByTestId('script-body')).toHaveText(DATA_BODY);
  await expect(await lab.exchange(entry, 'preflight')).toContainText(`answered by ${name}`);
  const actual = await lab.exchange(entry, 'actual');
  await expect(actual).toContainText(`answered by ${name}`);
  await expect(headerRow(actual, /^Response headers/, 'Server')).toContainText('WSGIServer');
});

/**
 * Lesson 8, walked as a learner: the script's readable headers (result.headers)
 * against the response headers on the wire. Safelisted only; FooBar exposed by
 * name; * exposes all without credentials and nothing extra with them.
 */
import { expect, test, type Locator } from '@playwright/test';
import { headerRow, LabPage, LessonWalk } from './support/lab-page.ts';

const scriptHeader = (entry: Locator, name: string) => headerRow(entry.getByTestId('script-result'), /^Headers the script can read/, name);

/** The names of the headers the script could read, lowercased and sorted. */
async function scriptHeaderNames(entry: Locator): Promise<string[]> {
  const names = await entry.getByTestId('script-result').locator('table th').allTextContents();
  return names.map((n) => n.toLowerCase()).sort();
}

test('lesson 8 (Expose-Headers): safelisted headers only, FooBar by name, and * until credentials', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const lesson = new LessonWalk(lab);
  await lesson.open(/^Reading response headers/);

  await lesson.stepTitle(/Seven headers the script always sees/);
  await expect(lab.field('URL')).toHaveValue('http://localhost:8000/headers.html');
  await lesson.notPassed(/without FooBar/);
  const plain = await lab.send();
  await expect(plain).toHaveAttribute('data-tone', 'allowed');
  const wire = await lab.exchange(plain, 'actual');
  await expect(headerRow(wire, /^Response headers/, 'FooBar')).toHaveText('1');
  await expect(headerRow(wire, /^Response headers/, 'X-Powered-By')).toHaveText('server01');
  // Exactly the seven safelisted response headers reach the script; FooBar, X-Powered-By and Date stay on the wire.
  expect(await scriptHeaderNames(plain)).toEqual(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma']);
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/Expose FooBar by name/);
  await lesson.notPassed(/Name FooBar/);
  await lab.policyText('Access-Control-Expose-Headers', 'FooBar');
  const exposed = await lab.send();
  await expect(scriptHeader(exposed, 'FooBar')).toHaveText('1');
  await expect(scriptHeader(exposed, 'X-Powered-By')).toHaveCount(0);
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/\* exposes all, until credentials/);
  await expect(lab.field('Credentials')).toHaveValue('omit');
  await lesson.notPassed(/once without credentials/);
  const anonymous = await lab.send();
  await expect(scriptHeader(anonymous, 'FooBar')).toHaveText('1');
  await expect(scriptHeader(anonymous, 'X-Powered-By')).toHaveText('server01');
  await lesson.notPassed();
  await lab.withCredentials('fetch');
  const credentialed = await lab.send();
  await expect(credentialed).toHaveAttribute('data-tone', 'allowed');
  await expect(headerRow(await lab.exchange(credentialed, 'actual'), /^Response headers/, 'Access-Control-Expose-Headers')).toHaveText('*');
  await expect(scriptHeader(credentialed, 'FooBar')).toHaveCount(0);
  await lesson.passed();
  await lesson.realServersShown();
});

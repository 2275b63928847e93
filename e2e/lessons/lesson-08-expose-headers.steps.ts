/**
 * Lesson 8's steps: the script's readable headers (result.headers) against
 * the response headers on the wire. Safelisted only; FooBar exposed by name;
 * * exposes all without credentials and nothing extra with them.
 */
import { expect, type Locator } from '@playwright/test';
import { headerRow } from '../support/lab-page.ts';
import type { UiWords } from '../support/ui-words.ts';
import type { LessonScript } from './step-script.ts';

const scriptHeader = (words: UiWords, entry: Locator, name: string) => headerRow(entry.getByTestId('script-result'), words.scriptHeaders, name);

/** The names of the headers the script could read, lowercased and sorted. */
async function scriptHeaderNames(entry: Locator): Promise<string[]> {
  const names = await entry.getByTestId('script-result').locator('table th').allTextContents();
  return names.map((n) => n.toLowerCase()).sort();
}

export const exposeHeadersSteps: LessonScript = {
  lessonId: 'expose-headers',
  steps: [
    {
      id: 'safelisted',
      run: async ({ lab, lesson, t, words }) => {
        await expect(lab.field('URL')).toHaveValue('http://localhost:8000/headers.html');
        await lesson.notPassed(t(/without FooBar/, /可读的响应头里没有 FooBar/));
        const plain = await lab.send();
        await expect(plain).toHaveAttribute('data-tone', 'allowed');
        const wire = await lab.exchange(plain, 'actual');
        await expect(headerRow(wire, words.responseHeaders, 'FooBar')).toHaveText('1');
        await expect(headerRow(wire, words.responseHeaders, 'X-Powered-By')).toHaveText('server01');
        // Exactly the seven safelisted response headers reach the script; FooBar, X-Powered-By and Date stay on the wire.
        expect(await scriptHeaderNames(plain)).toEqual(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma']);
      },
    },
    {
      id: 'expose-foobar',
      run: async ({ lab, lesson, t, words }) => {
        await lesson.notPassed(t(/Name FooBar/, /写明 FooBar/));
        await lab.policyText('Access-Control-Expose-Headers', 'FooBar');
        const exposed = await lab.send();
        await expect(scriptHeader(words, exposed, 'FooBar')).toHaveText('1');
        await expect(scriptHeader(words, exposed, 'X-Powered-By')).toHaveCount(0);
      },
    },
    {
      id: 'wildcard-credentials',
      run: async ({ lab, lesson, t, words }) => {
        await expect(lab.field(words.credentials)).toHaveValue('omit');
        await lesson.notPassed(t(/once without credentials/, /先不带凭据发送一次/));
        const anonymous = await lab.send();
        await expect(scriptHeader(words, anonymous, 'FooBar')).toHaveText('1');
        await expect(scriptHeader(words, anonymous, 'X-Powered-By')).toHaveText('server01');
        await lesson.notPassed();
        await lab.withCredentials('fetch');
        const credentialed = await lab.send();
        await expect(credentialed).toHaveAttribute('data-tone', 'allowed');
        await expect(headerRow(await lab.exchange(credentialed, 'actual'), words.responseHeaders, 'Access-Control-Expose-Headers')).toHaveText('*');
        await expect(scriptHeader(words, credentialed, 'FooBar')).toHaveCount(0);
      },
    },
  ],
};

/**
 * Lesson 7's steps: * refused with credentials; the exact origin plus
 * Allow-Credentials (a challenge that refuses reflecting), with the same-site
 * cookie on the wire; and 127.0.0.1, where the cookie stays home.
 */
import { DATA_BODY, SESSION_COOKIE } from '@cors-lab/shared';
import { expect } from '@playwright/test';
import { headerRow } from '../support/lab-page.ts';
import type { LessonScript } from './step-script.ts';

const PAGE = 'http://localhost:8100';

export const credentialsSteps: LessonScript = {
  lessonId: 'credentials',
  steps: [
    {
      id: 'star-refused',
      run: async ({ lab, lesson, t, words }) => {
        await expect(lab.field(words.credentials)).toHaveValue('include');
        await lesson.notPassed(t(/see the browser refuse it/, /看到浏览器拒绝它/));
        const star = await lab.send();
        await expect(star).toHaveAttribute('data-tone', 'blocked');
        await expect(star.getByTestId('reason')).toContainText(t('Access-Control-Allow-Origin is *, but the request carries credentials', 'Access-Control-Allow-Origin 是 *，但请求带着凭据'));
      },
    },
    {
      id: 'exact-origin',
      run: async ({ lab, lesson, t, words }) => {
        await expect(lab.field('URL')).toHaveValue('http://localhost:8000/login');
        await lesson.notPassed(t(/Log in at \/login/, /先在 \/login 登录/));
        // Reflecting with credentials passes the browser's check; the challenge refuses it.
        await lab.allowOrigin('reflect');
        await lab.policyCheck('Access-Control-Allow-Credentials: true', true);
        const login = await lab.send();
        await expect(login).toHaveAttribute('data-tone', 'allowed');
        await expect(headerRow(await lab.exchange(login, 'actual'), words.responseHeaders, 'Set-Cookie')).toContainText(`${SESSION_COOKIE}=`);
        await lab.request({ url: 'http://localhost:8000/getData.html' });
        const reflected = await lab.send();
        await expect(reflected.getByTestId('script-body')).toHaveText(DATA_BODY);
        await lesson.notPassed(t(/allows more than this page/, /策略开放得比需要的多/));
        await lab.allowOrigin('list', [PAGE]);
        const exact = await lab.send();
        await expect(exact).toHaveAttribute('data-tone', 'allowed');
        // localhost:8100 and localhost:8000 are one site: the SameSite=Lax cookie rides.
        await expect(headerRow(await lab.exchange(exact, 'actual'), words.requestHeaders, 'Cookie')).toContainText(`${SESSION_COOKIE}=`);
      },
    },
    {
      id: 'cross-site',
      run: async ({ lab, lesson, t, words }) => {
        await expect(lab.field('URL')).toHaveValue('http://127.0.0.1:8000/login');
        await lesson.notPassed(t(/through the other host name/i, /通过另一个地址名/));
        const otherLogin = await lab.send();
        await expect(otherLogin).toHaveAttribute('data-tone', 'allowed');
        await expect(headerRow(await lab.exchange(otherLogin, 'actual'), words.responseHeaders, 'Set-Cookie')).toContainText(`${SESSION_COOKIE}=`);
        await lesson.notPassed();
        await lab.request({ url: 'http://127.0.0.1:8000/getData.html' });
        const crossSite = await lab.send();
        // A perfect CORS answer, and still no cookie: SameSite=Lax and third-party cookie blocking.
        await expect(crossSite).toHaveAttribute('data-tone', 'allowed');
        await expect(crossSite.getByTestId('script-body')).toHaveText(DATA_BODY);
        const crossActual = await lab.exchange(crossSite, 'actual');
        await expect(headerRow(crossActual, words.responseHeaders, 'Access-Control-Allow-Credentials')).toHaveText('true');
        await expect(headerRow(crossActual, words.requestHeaders, 'Cookie')).toHaveCount(0);
      },
    },
  ],
  // Back on the page's own site, step 2's cookie rides again.
  after: async ({ lab, words }) => {
    await lab.request({ url: 'http://localhost:8000/getData.html' });
    const sameSite = await lab.send();
    await expect(headerRow(await lab.exchange(sameSite, 'actual'), words.requestHeaders, 'Cookie')).toContainText(`${SESSION_COOKIE}=`);
  },
};

/**
 * Lesson 7, walked as a learner: * refused with credentials; the exact origin
 * plus Allow-Credentials (a challenge that refuses reflecting), with the
 * same-site cookie on the wire; and 127.0.0.1, where the cookie stays home.
 */
import { DATA_BODY, SESSION_COOKIE } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { headerRow, LabPage, LessonWalk } from './support/lab-page.ts';

const PAGE = 'http://localhost:8100';

test('lesson 7 (credentials): * refused, the exact origin with the cookie riding, and no cookie cross-site', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const lesson = new LessonWalk(lab);
  await lesson.open(/^Credentials and cookies/);

  await lesson.stepTitle(/With credentials, \* is refused/);
  await expect(lab.field('Credentials')).toHaveValue('include');
  await lesson.notPassed(/see the browser refuse it/);
  const star = await lab.send();
  await expect(star).toHaveAttribute('data-tone', 'blocked');
  await expect(star.getByTestId('reason')).toContainText('Access-Control-Allow-Origin is *, but the request carries credentials');
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/Name the origin, allow credentials, log in/);
  await expect(lab.field('URL')).toHaveValue('http://localhost:8000/login');
  await lesson.notPassed(/Log in at \/login/);
  // Reflecting with credentials passes the browser's check; the challenge refuses it.
  await lab.allowOrigin('reflect');
  await lab.policyCheck('Access-Control-Allow-Credentials: true', true);
  const login = await lab.send();
  await expect(login).toHaveAttribute('data-tone', 'allowed');
  await expect(headerRow(await lab.exchange(login, 'actual'), /^Response headers/, 'Set-Cookie')).toContainText(`${SESSION_COOKIE}=`);
  await lab.request({ url: 'http://localhost:8000/getData.html' });
  const reflected = await lab.send();
  await expect(reflected.getByTestId('script-body')).toHaveText(DATA_BODY);
  await lesson.notPassed(/allows more than this page/);
  await lab.allowOrigin('list', [PAGE]);
  const exact = await lab.send();
  await expect(exact).toHaveAttribute('data-tone', 'allowed');
  // localhost:8100 and localhost:8000 are one site: the SameSite=Lax cookie rides.
  await expect(headerRow(await lab.exchange(exact, 'actual'), /^Request headers/, 'Cookie')).toContainText(`${SESSION_COOKIE}=`);
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/Another site: the cookie stays home/);
  await expect(lab.field('URL')).toHaveValue('http://127.0.0.1:8000/login');
  await lesson.notPassed(/through the other host name/i);
  const otherLogin = await lab.send();
  await expect(otherLogin).toHaveAttribute('data-tone', 'allowed');
  await expect(headerRow(await lab.exchange(otherLogin, 'actual'), /^Response headers/, 'Set-Cookie')).toContainText(`${SESSION_COOKIE}=`);
  await lesson.notPassed();
  await lab.request({ url: 'http://127.0.0.1:8000/getData.html' });
  const crossSite = await lab.send();
  // A perfect CORS answer, and still no cookie: SameSite=Lax and third-party cookie blocking.
  await expect(crossSite).toHaveAttribute('data-tone', 'allowed');
  await expect(crossSite.getByTestId('script-body')).toHaveText(DATA_BODY);
  const crossActual = await lab.exchange(crossSite, 'actual');
  await expect(headerRow(crossActual, /^Response headers/, 'Access-Control-Allow-Credentials')).toHaveText('true');
  await expect(headerRow(crossActual, /^Request headers/, 'Cookie')).toHaveCount(0);
  await lesson.passed();

  // Back on the page's own site, step 2's cookie rides again.
  await lab.request({ url: 'http://localhost:8000/getData.html' });
  const sameSite = await lab.send();
  await expect(headerRow(await lab.exchange(sameSite, 'actual'), /^Request headers/, 'Cookie')).toContainText(`${SESSION_COOKIE}=`);
  await lesson.realServersShown();
});

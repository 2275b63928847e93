/** Story step 6: credentials need the exact origin and Allow-Credentials; server01's cookie comes back. */
import { API_ROUTES, DATA_BODY, originOf, SESSION_COOKIE } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { headerRow, LabPage, type Api } from './support/lab-page.ts';

for (const api of ['fetch', 'xhr'] as const satisfies readonly Api[]) {
  test(`${api}: with credentials, * is refused; the exact origin plus Allow-Credentials works`, async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.useApi(api);
    await lab.withCredentials(api);
    await lab.allowOrigin('*');

    const star = await lab.send();
    await expect(star).toHaveAttribute('data-tone', 'blocked');
    await expect(star.getByTestId('reason')).toContainText('Access-Control-Allow-Origin is *, but the request carries credentials');

    await lab.allowOrigin('list', [originOf('server02')]);
    const noFlag = await lab.send();
    await expect(noFlag).toHaveAttribute('data-tone', 'blocked');
    await expect(noFlag.getByTestId('reason')).toContainText('Access-Control-Allow-Credentials must be exactly "true"');

    await lab.policyCheck('Access-Control-Allow-Credentials: true', true);
    const ok = await lab.send();
    await expect(ok).toHaveAttribute('data-tone', 'allowed');
    await expect(ok.getByTestId('script-body')).toHaveText(DATA_BODY);
  });

  test(`${api}: a cookie server01 sets at login comes back on the next credentialed request`, async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.useApi(api);
    await lab.withCredentials(api);
    await lab.allowOrigin('list', [originOf('server02')]);
    await lab.policyCheck('Access-Control-Allow-Credentials: true', true);

    await lab.request({ url: `${originOf('server01')}${API_ROUTES.login}` });
    const login = await lab.send();
    await expect(login).toHaveAttribute('data-tone', 'allowed');
    const loginActual = await lab.exchange(login, 'actual');
    const setCookie = await headerRow(loginActual, /^Response headers/, 'Set-Cookie').textContent();
    const cookie = /^([^;]+)/.exec(setCookie ?? '')?.[1] ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[0-9a-f-]{36}$`));

    await lab.request({ url: `${originOf('server01')}${API_ROUTES.data}` });
    const next = await lab.send();
    await expect(next).toHaveAttribute('data-tone', 'allowed');
    const actual = await lab.exchange(next, 'actual');
    await expect(headerRow(actual, /^Request headers/, 'Cookie')).toHaveText(cookie);
  });
}

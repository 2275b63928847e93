/**
 * Classroom: many learners on one server, each in a lab of their own. Two
 * browser contexts are two learners; neither sees nor changes the other's lab.
 */
import { DATA_BODY } from '@cors-lab/shared';
import { expect, test, type Browser } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';

async function learner(browser: Browser): Promise<LabPage> {
  const context = await browser.newContext();
  const lab = new LabPage(await context.newPage());
  await lab.open('/?labs=own');
  return lab;
}

/** The lab id in the builder's URL: `http://localhost:8000/l/<id>/getData.html`. */
async function labIdOf(lab: LabPage): Promise<string> {
  const url = await lab.field('URL').inputValue();
  const m = /^http:\/\/localhost:8000\/l\/([A-Za-z0-9_-]{22})\/getData\.html$/.exec(url);
  expect(m, `builder URL ${url} carries a lab id`).not.toBeNull();
  return m![1]!;
}

test('two learners get two labs: policies, timelines and answers stay apart', async ({ browser, request }) => {
  const defaultLab = await (await request.get('/api/policy')).json();
  const [ann, bob] = [await learner(browser), await learner(browser)];
  const [annId, bobId] = [await labIdOf(ann), await labIdOf(bob)];
  expect(annId).not.toBe(bobId);

  // Ann allows every origin in her lab; Bob's server01 still sends no CORS headers.
  await ann.allowOrigin('*');
  const annEntry = await ann.send();
  await expect(annEntry.getByTestId('script-body')).toHaveText(DATA_BODY);
  const bobEntry = await bob.send();
  await expect(bobEntry).toHaveAttribute('data-tone', 'blocked');
  await expect(bob.field('Access-Control-Allow-Origin')).toHaveValue('none');

  // Each timeline holds only its own learner's requests, as server01 received them.
  for (const [lab, own, other] of [[ann, annId, bobId], [bob, bobId, annId]] as const) {
    await expect(lab.page.getByTestId('timeline-entry')).toHaveCount(1);
    const actual = await lab.exchange(lab.page.getByTestId('timeline-entry').first(), 'actual');
    await expect(actual).toContainText(`/l/${own}/getData.html`);
    await expect(actual).not.toContainText(other);
  }

  // The lab id is the key: without it, nobody reaches Ann's lab. The default lab (the classic URLs) is untouched.
  expect(await (await request.get('/api/policy')).json()).toEqual(defaultLab);
  const annPolicy = await bob.page.request.get(`http://localhost:8100/api/policy?lab=${annId}`);
  expect((await annPolicy.json()).allowOrigin).toBe('*');
  await Promise.all([ann.page.context().close(), bob.page.context().close()]);
});

test('a learner keeps the same lab across reloads', async ({ browser }) => {
  const ann = await learner(browser);
  const id = await labIdOf(ann);
  await ann.allowOrigin('reflect');
  await ann.page.reload();
  await expect(ann.page.getByRole('status', { name: 'event stream' })).toHaveText('events: live');
  expect(await labIdOf(ann)).toBe(id);
  await expect(ann.field('Access-Control-Allow-Origin')).toHaveValue('reflect');
  await ann.page.context().close();
});

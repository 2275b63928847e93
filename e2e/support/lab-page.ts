/** Drives the lab through its UI, as a learner would. */
import { expect, type Locator, type Page } from '@playwright/test';
import { UI_WORDS, type UiWords } from './ui-words.ts';

export type Api = 'fetch' | 'xhr';
/** What sends the request: fetch, XMLHttpRequest, or a script element (JSONP). */
export type Sender = Api | 'script';

export class LabPage {
  /** `words`: the page's language; a browser whose locale is zh-CN gets the Chinese UI. */
  constructor(
    readonly page: Page,
    readonly words: UiWords = UI_WORDS.en,
  ) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByRole('status', { name: this.words.eventStream })).toHaveText(this.words.eventsLive);
    // Every story starts from the classic demo: server01 with no CORS policy.
    await this.page.getByRole('button', { name: this.words.resetLab }).click();
    await this.policySaved();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async useApi(api: Sender): Promise<void> {
    const name = { fetch: 'fetch', xhr: 'XMLHttpRequest', script: this.words.scriptTag }[api];
    await this.page.getByRole('radio', { name }).check();
  }

  /** Which page sends: '' for this page, or another origin's frame (lesson 12: the attacker, a sandbox, a look-alike). */
  async sendFrom(origin: string): Promise<void> {
    await this.field(this.words.sentFrom).selectOption(origin);
  }

  /** Opens `url` in a new tab of the same browser (same cookies), lets `look` read it, and closes the tab. */
  async inNewTab(url: string, look: (tab: Page) => Promise<void>): Promise<void> {
    const tab = await this.page.context().newPage();
    try {
      await tab.goto(url);
      await look(tab);
    } finally {
      await tab.close();
    }
  }

  async request(opts: { method?: string; url?: string; body?: string }): Promise<void> {
    if (opts.method !== undefined) await this.field(this.words.method).fill(opts.method);
    if (opts.url !== undefined) await this.field('URL').fill(opts.url);
    if (opts.body !== undefined) await this.field(this.words.body).fill(opts.body);
  }

  async addHeader(name: string, value: string): Promise<void> {
    const rows = this.page.getByLabel(this.words.headerNames);
    const n = (await rows.count()) + 1;
    await this.page.getByRole('button', { name: this.words.addHeader }).click();
    await this.field(this.words.headerName(n)).fill(name);
    await this.field(this.words.headerValue(n)).fill(value);
  }

  /** fetch's credentials: 'include', or XHR's withCredentials. */
  async withCredentials(api: Api): Promise<void> {
    if (api === 'fetch') await this.field(this.words.credentials).selectOption('include');
    else await this.field('withCredentials').check();
  }

  /** Sends, and waits until the script has its answer and the entry is closed. */
  async send(): Promise<Locator> {
    const entries = this.page.getByTestId('timeline-entry');
    const before = await entries.count();
    await this.page.getByRole('button', { name: this.words.send }).click();
    await expect(entries).toHaveCount(before + 1);
    const entry = entries.first();
    await expect(entry).not.toHaveAttribute('data-tone', 'pending');
    await expect(this.page.getByRole('button', { name: this.words.send })).toBeEnabled();
    // The explainer must agree with what Chromium did, on every send of every story.
    await expect(entry.getByTestId('explainer-mismatch')).toHaveCount(0);
    return entry;
  }

  async policySaved(): Promise<void> {
    await expect(this.page.getByTestId('policy-sync')).toHaveText(this.words.policySaved);
  }

  async allowOrigin(mode: 'none' | '*' | 'list' | 'reflect', origins: string[] = []): Promise<void> {
    await this.field('Access-Control-Allow-Origin').selectOption(mode);
    if (mode === 'list') await this.field(this.words.allowedOrigins).fill(origins.join('\n'));
    await this.policySaved();
  }

  async policyText(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
    await this.policySaved();
  }

  async policyCheck(label: string, on: boolean): Promise<void> {
    await this.field(label).setChecked(on);
    await this.policySaved();
  }

  /** Types into one field of the request builder (a header value, say), as a learner does. */
  async fill(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
  }

  /** Picks an option of a policy select, and waits until server01 uses the policy. */
  async policySelect(label: string, value: string): Promise<void> {
    await this.field(label).selectOption(value);
    await this.policySaved();
  }

  /** Opens one exchange (preflight or actual) of a timeline entry, as a learner clicks it open. */
  async exchange(entry: Locator, kind: 'preflight' | 'actual'): Promise<Locator> {
    const ex = entry.locator(`details[data-kind="${kind}"]`);
    await ex.locator(':scope > summary').click();
    return ex;
  }
}

/** The value of one header in an expanded exchange's table. */
export function headerRow(exchange: Locator, caption: RegExp, name: string): Locator {
  return exchange
    .locator('table', { has: exchange.page().locator('caption', { hasText: caption }) })
    .locator('tr', { has: exchange.page().locator('th', { hasText: new RegExp(`^${name}$`, 'i') }) })
    .locator('td');
}

/** Walks the course through its UI: open a lesson, follow its steps, read each step's check. */
export class LessonWalk {
  constructor(readonly lab: LabPage) {}

  get page(): Page {
    return this.lab.page;
  }

  async open(title: string | RegExp): Promise<void> {
    await this.page.getByRole('region', { name: /Lessons|课程/ }).getByRole('button', { name: title }).click();
    await expect(this.page.getByTestId('step-title')).toBeVisible();
  }

  /** The current step's check passed, by what the timeline shows. */
  async passed(): Promise<void> {
    await expect(this.page.getByTestId('step-check')).toHaveClass(/check-passed/);
  }

  async notPassed(hint?: RegExp): Promise<void> {
    await expect(this.page.getByTestId('step-check')).toHaveClass(/check-open/);
    if (hint !== undefined) await expect(this.page.getByTestId('step-check')).toContainText(hint);
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Next step|下一步)$/ }).click();
    await this.lab.policySaved();
  }

  async stepTitle(title: RegExp): Promise<void> {
    await expect(this.page.getByTestId('step-title')).toContainText(title);
  }

  async realServersShown(): Promise<void> {
    await expect(this.page.getByRole('region', { name: /What real servers do|真实服务器/ })).toBeVisible();
  }
}

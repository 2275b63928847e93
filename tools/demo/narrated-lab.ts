/** LabPage and LessonWalk that say each action in the recording's captions before doing it; the actions themselves are the specs'. */
import type { Locator, Page } from '@playwright/test';
import { LabPage, LessonWalk, type Api, type Sender } from '../../e2e/support/lab-page.ts';
import type { UiWords } from '../../e2e/support/ui-words.ts';
import type { Narrator } from './narrator.ts';
import type { AllowOriginMode, Phrases } from './phrases.ts';

export class NarratedLabPage extends LabPage {
  constructor(
    readonly narrator: Narrator,
    words: UiWords,
    readonly phrases: Phrases,
  ) {
    super(narrator.page, words);
  }

  override async send(): Promise<Locator> {
    await this.narrator.action(this.phrases.send);
    return super.send();
  }

  override async allowOrigin(mode: AllowOriginMode, origins: string[] = []): Promise<void> {
    await this.narrator.action(this.phrases.allowOrigin(mode, origins));
    await super.allowOrigin(mode, origins);
  }

  override async policyText(label: string, value: string): Promise<void> {
    await this.narrator.action(this.phrases.setPolicy(label, value));
    await super.policyText(label, value);
  }

  override async policyCheck(label: string, on: boolean): Promise<void> {
    await this.narrator.action(this.phrases.tick(label, on));
    await super.policyCheck(label, on);
  }

  override async policySelect(label: string, value: string): Promise<void> {
    await this.narrator.action(this.phrases.setPolicy(label, value));
    await super.policySelect(label, value);
  }

  override async fill(label: string, value: string): Promise<void> {
    await this.narrator.action(this.phrases.type(label, value));
    await super.fill(label, value);
  }

  override async request(opts: { method?: string; url?: string; body?: string }): Promise<void> {
    if (opts.url !== undefined) await this.narrator.action(this.phrases.requestUrl(opts.url));
    else if (opts.method !== undefined) await this.narrator.action(this.phrases.requestMethod(opts.method));
    await super.request(opts);
  }

  override async withCredentials(api: Api): Promise<void> {
    await this.narrator.action(this.phrases.withCredentials);
    await super.withCredentials(api);
  }

  override async useApi(api: Sender): Promise<void> {
    await this.narrator.action(this.phrases.useApi(api));
    await super.useApi(api);
  }

  override async sendFrom(origin: string): Promise<void> {
    await this.narrator.action(this.phrases.sendFrom(origin));
    await super.sendFrom(origin);
  }

  /** The screencast films only the lab's page: the other tab does its work off camera, and a picture of it is shown over the lab. */
  override async inNewTab(url: string, look: (tab: Page) => Promise<void>): Promise<void> {
    await this.narrator.action(this.phrases.newTab(url));
    await super.inNewTab(url, async (tab) => {
      await look(tab);
      await this.narrator.picture(this.phrases.otherTab(url), await tab.screenshot({ type: 'jpeg', quality: 70 }));
    });
  }

  override async exchange(entry: Locator, kind: 'preflight' | 'actual'): Promise<Locator> {
    await this.narrator.action(this.phrases.openExchange(kind));
    return super.exchange(entry, kind);
  }
}

export class NarratedLessonWalk extends LessonWalk {
  constructor(readonly narrated: NarratedLabPage) {
    super(narrated);
  }

  override async next(): Promise<void> {
    await this.narrated.narrator.action(this.narrated.phrases.nextStep);
    await super.next();
  }
}

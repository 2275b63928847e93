/**
 * `pnpm bench latency [--n 300]`: real sends from a real page; for each record,
 * the time from server01 receiving the request to the record being on screen in
 * the timeline. Baseline in the same run: a bare EventSource in a blank page,
 * i.e. the transport alone, without the store and React.
 */
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { launchOptions } from '../e2e/support/chromium.ts';
import { startLab } from '../tools/lab-process.ts';
import { fmt, percentile } from './stats.ts';

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { n: { type: 'string', default: '300' } } });
  const n = Number(values.n);
  const lab = await startLab();
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto('http://localhost:8100/');
    await page.getByText('events: live').waitFor();
    await page.getByLabel('Access-Control-Allow-Origin', { exact: true }).selectOption('*');
    await page.getByText('server01 uses this policy now').waitFor();
    // The baseline listens in a page of its own (another browser context), so
    // the lab page's work does not delay it: the transport alone.
    const bareContext = await browser.newContext();
    const barePage = await bareContext.newPage();
    await barePage.goto('http://localhost:8100/api/policy');
    await barePage.evaluate(`(() => {
      window.__bare = {};
      const es = new EventSource('/api/events?after=1000000000');
      es.onmessage = (m) => {
        const e = JSON.parse(m.data);
        if (e.record) window.__bare[e.seq] = performance.timeOrigin + performance.now() - e.record.receivedAt;
      };
    })()`);
    await page.waitForTimeout(300);
    // The page clicks Send itself, as a learner would, so that no Playwright
    // polling competes with the page's main thread while it is measured.
    // (A string, not a function: tsx's name helpers do not exist in the page.)
    await page.evaluate(`(async (count) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.startsWith('Send'));
      for (let i = 0; i < count; i++) {
        const done = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (!button.disabled) { observer.disconnect(); resolve(); }
          });
          observer.observe(button, { attributes: true });
        });
        button.click();
        await done;
        // A learner clicks again once the page has drawn the last answer.
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        await new Promise((r) => setTimeout(r, 20));
      }
    })(${n})`);
    await page.waitForTimeout(200);
    const shown = await page.evaluate(() => (window as unknown as { __corsLabShown?: { seq: number; latencyMs: number }[] }).__corsLabShown ?? []);
    const bare = await barePage.evaluate(() => (window as unknown as { __bare: Record<number, number> }).__bare);
    const ui = shown.map((s) => s.latencyMs);
    const transport = shown.map((s) => bare[s.seq]).filter((x): x is number => x !== undefined);
    const [p50, p95, max] = [percentile(ui, 50), percentile(ui, 95), Math.max(...ui)];
    const [b50, b95] = [percentile(transport, 50), percentile(transport, 95)];
    console.log(`records shown: ${ui.length} (from ${n} sends)`);
    console.log(`server01 receive -> timeline on screen: p50 ${fmt(p50)} ms, p95 ${fmt(p95)} ms, max ${fmt(max)} ms`);
    console.log(`baseline, server01 receive -> bare EventSource in a blank page: p50 ${fmt(b50)} ms, p95 ${fmt(b95)} ms`);
    console.log(`ratio timeline/bare: p50 ${fmt(p50 / b50)}x, p95 ${fmt(p95 / b95)}x (target: p95 under 20 ms)`);
    console.log(`bench latency: p50_ms=${fmt(p50)} p95_ms=${fmt(p95)} max_ms=${fmt(max)} n=${ui.length} bare_p95_ms=${fmt(b95)}`);
  } finally {
    await browser.close();
    lab.stop();
  }
}

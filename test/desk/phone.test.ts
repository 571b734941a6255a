// The desk of digest serve on a phone (375 px, in headless chromium): nothing pushes the page wider than
// the screen — not the story pickers, not a long headline — and markup an editor types into a headline is
// shown as text: no script of it runs, in the desk or in the email beside it. Arabic reads right to left. A
// field filled to its maxlength in a script of 3-byte characters is accepted by the server. The page after an action
// opens on what it did.
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';
import { startSink, type Sink } from '../deliver/support.js';
import { startServe, type Listening } from '../helpers/serve.js';
import { CLI_TIMEOUT, NOW, SECRET, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

/** how long a page may take to answer on a busy shared machine (each desk action rebuilds the draft) */
const SLOW = 180_000;

describe.skipIf(chromiumMissing)('the desk of digest serve in a 375 px viewport', () => {
  let browser: Browser;
  let ws: DeskWorkspace;
  let sink: Sink;
  let serve: Listening;
  let page: Page;
  const alerts: string[] = [];

  /** how far the page reaches past the viewport's right edge, and the elements that do */
  const overflow = () =>
    page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      wide: [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).map((el) => el.tagName.toLowerCase()),
    }));

  beforeAll(async () => {
    ws = makeDeskWorkspace('editors: [ed@desk.test]\n');
    const built = await runCli(['build', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
    expect(built.code, built.stderr).toBe(0);
    sink = await startSink();
    serve = await startServe(ws.configFile, ws.dir, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
    page.setDefaultTimeout(SLOW);
    page.on('dialog', (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    // sign in by the mailed link
    await page.goto(`${serve.url}/desk/login`);
    await page.locator('input[name=email]').fill('ed@desk.test');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Send the link' }).click()]);
    await sink.waitFor(() => sink.received.length > 0, SLOW);
    const mail = await simpleParser(sink.received[0].raw);
    await page.goto(`${serve.url}${/https:\/\/desk\.test(\/desk\/auth\/\S+)/.exec(mail.text ?? '')![1]}`);
    await Promise.all([page.waitForURL(`${serve.url}/desk`), page.getByRole('button', { name: 'Sign in as ed@desk.test' }).click()]);
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await sink?.close();
    ws?.remove();
  });

  it('fits the screen: the move and merge pickers shrink to it', async () => {
    expect(await page.locator('#desk li.story').count()).toBe(5);
    expect(await overflow()).toEqual({ width: 375, wide: [] });
  });

  it('a headline of markup and one long word is shown as typed, runs no script and still fits', async () => {
    const headline = `<img src=x onerror="alert('img')"><script>alert('script')</script> ${'Ukrainian'.repeat(12)}`;
    const story = page.locator('#desk li.story').first();
    await story.locator('details summary').click();
    await story.locator('input[name=text]').fill(headline);
    await Promise.all([page.waitForEvent('load'), story.locator('[data-action=title]').click()]);
    await expect.poll(() => page.locator('#desk .msg').textContent(), { timeout: SLOW }).toMatch(/^Correction #1 \(title\) applied\.$/);
    // the page opens on what the action did (focused: in view and read out), with a link back to the story
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('outcome');
    expect(await page.locator('#desk .outcome a').getAttribute('href')).toBe(`#${await page.locator('#desk li.story', { has: page.locator('h4', { hasText: 'onerror' }) }).getAttribute('id')}`);
    expect(await page.locator('#desk li.story h4 a', { hasText: 'onerror' }).textContent()).toBe(headline);
    expect(await page.locator('#desk img, #desk script').count()).toBe(0);
    await expect.poll(() => page.frameLocator('iframe.email').locator('body').textContent(), { timeout: SLOW }).toContain("<script>alert('script')</script>");
    expect(await overflow()).toEqual({ width: 375, wide: [] });
    expect(alerts).toEqual([]);
  }, 360_000);

  it('an introduction as long as its field allows, in Chinese, is saved (its form is 18 KB once encoded)', async () => {
    const intro = '乌克兰与盟友本周讨论了停火谈判和武器交付问题。'.repeat(100).slice(0, 2000);
    await page.locator('#desk form.intro textarea').fill(intro);
    expect(await page.locator('#desk form.intro textarea').inputValue()).toHaveLength(2000);
    const [posted] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/desk/edit')), page.waitForEvent('load'), page.locator('[data-action=intro]').click()]);
    expect(posted.status()).toBe(303);
    await expect.poll(() => page.locator('#desk .msg').textContent(), { timeout: SLOW }).toMatch(/^Correction #2 \(intro\) applied\.$/);
    expect(await page.locator('#desk form.intro textarea').inputValue()).toBe(intro);
  }, 360_000);

  it('a headline and summary in Arabic read right to left on the desk, as in the email', async () => {
    const story = page.locator('#desk li.story').nth(1);
    await story.locator('details summary').click();
    await story.locator('textarea[name=text]').fill('رفض الكرملين محادثات جنيف؟ قال المتحدث إن الخطة سابقة لأوانها.');
    await Promise.all([page.waitForEvent('load'), story.locator('[data-action=summary]').click()]);
    await expect.poll(() => page.locator('#desk .msg').textContent(), { timeout: SLOW }).toMatch(/^Correction #\d+ \(summary\) applied\.$/);
    const card = page.locator('#desk li.story', { has: page.locator('p.summary', { hasText: 'رفض الكرملين' }) });
    expect(await card.locator('p.summary').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await card.locator('textarea[name=text]').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // the English ones stay left to right
    expect(await page.locator('#desk li.story p.summary').first().evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  }, 360_000);
});

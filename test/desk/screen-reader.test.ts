// The desk with a screen reader or a keyboard, in headless chromium (the preview's Desk tab; the desk of serve is
// the same page): each button names the story it acts on, so a list of the page's buttons tells them apart; after
// an action made far down the page, the page that follows opens on what it did (focused, in view, read out), with
// a link back to the story.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';
import { startPreview, type Listening } from '../helpers/serve.js';
import { CLI_TIMEOUT, NOW, deskCli, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

/** how long a page may take to answer on a busy shared machine (each desk action rebuilds the draft) */
const SLOW = 180_000;

describe.skipIf(chromiumMissing)('the desk for a screen reader', () => {
  let browser: Browser;
  let ws: DeskWorkspace;
  let preview: Listening;
  let page: Page;

  beforeAll(async () => {
    ws = makeDeskWorkspace();
    const built = await deskCli(ws, ['build', '--now', NOW]);
    expect(built.code, built.stderr).toBe(0);
    preview = await startPreview(['--config', ws.configFile, '--now', NOW, '--offline', '--no-watch', '--out', ws.outDir]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    page.setDefaultTimeout(SLOW);
    await page.goto(preview.url);
    await page.getByRole('tab', { name: 'Desk' }).click();
  }, CLI_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    ws?.remove();
  });

  /** the accessible names of the desk's buttons, as chromium computes them */
  const buttonNames = async () => [...(await page.locator('#desk').ariaSnapshot()).matchAll(/button "([^"]*)"/g)].map((m) => m[1]);

  it('names each button by the story it acts on', async () => {
    const names = await buttonNames();
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(names).toContain('Drop: Kremlin rejects Geneva ceasefire talks proposal');
    expect(names).toContain('Move: Ukraine budget for 2027 passes first reading in parliament');
    expect(names).toContain('Split out: Allies deliver first long-range missiles to Ukraine');
    // the words on the screen are the start of the name, as voice control users say them
    expect(await page.locator('#desk li.story [data-action=drop]').first().evaluate((b) => (b as HTMLElement).innerText)).toBe('Drop');
  });

  it('after an action far down the page, focus is on what it did, in view, with a link back to the story', async () => {
    const card = page.locator('#desk li.story', { has: page.locator('h4', { hasText: 'Ukraine budget' }) });
    await card.locator('details.rewrite summary').click();
    const field = card.locator('input[name=text]');
    await field.fill('Parliament passes the 2027 budget at first reading');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0); // the card is below the first screen
    // the keyboard's way: Enter in the field sends its form
    await Promise.all([page.waitForEvent('load'), field.press('Enter')]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? ''), { timeout: SLOW }).toBe('outcome');
    const message = page.locator('#desk .outcome');
    expect(await message.locator('.msg').textContent()).toBe('Correction #1 (title) saved; draft 2026-11-23 rebuilt too.');
    const box = (await message.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(700);
    await message.getByRole('link', { name: 'Back to the story' }).click();
    const target = await page.evaluate(() => document.querySelector(location.hash)?.querySelector('h4 a')?.textContent);
    expect(target).toBe('Parliament passes the 2027 budget at first reading');
  });
});

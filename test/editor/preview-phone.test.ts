// The preview on a phone (375 px, headless chromium): its row of tabs fits the screen, the Desk tab among them, instead of
// the last tab (the Desk, where an editor corrects and approves) cut off at the edge and the page scrolling sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser } from './browser.js';
import { startPreview, type Listening } from '../helpers/serve.js';
import { NOW, makeWorkspace, type Workspace } from './workspace.js';

describe.skipIf(chromiumMissing)(`the preview at 375 px${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let ws: Workspace;
  let preview: Listening;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ws = makeWorkspace();
    preview = await startPreview(['--config', ws.configFile, '--now', NOW, '--offline', '--no-watch']);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
    await page.goto(preview.url);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    ws?.remove();
  });

  it('shows every tab inside the screen, with no sideways scrolling', async () => {
    const tabs = await page.locator('[role=tab]').evaluateAll((els) => els.map((el) => ({ name: el.textContent, right: Math.round(el.getBoundingClientRect().right) })));
    expect(tabs.map((t) => t.name)).toEqual(['Email', 'Plain text', 'JSON', 'Report', 'Desk']);
    expect(tabs.filter((t) => t.right > 375)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
  });

  it('the Desk tab, reached by the keyboard, opens the desk, which fits too', async () => {
    await page.locator('[role=tab][data-tab=json]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Desk');
    await page.keyboard.press('Enter');
    expect(await page.locator('#tab-desk').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
  });
});

// The desk with a screen reader or a keyboard, in headless chromium (the preview's Desk tab; the desk of serve is
// the same page): each button names the story it acts on, so a list of the page's buttons tells them apart.
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
});

// The desk of digest serve with the keyboard alone, in headless chromium: links at the top of the page lead to the
// stories, the corrections and the approval, so an editor approves in a few key presses, instead of tabbing past the
// email's links and every story's eight actions (240 presses in the 21-story sample edition) to reach Approve.
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';
import { startSink, type Sink } from '../deliver/support.js';
import { startServe, type Listening } from '../helpers/serve.js';
import { openStore } from '../../src/store/index.js';
import { EditionLifecycle } from '../../src/store/lifecycle.js';
import { CLI_TIMEOUT, ID, NOW, SECRET, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

const SLOW = 180_000;

describe.skipIf(chromiumMissing)('the desk of digest serve with the keyboard alone', () => {
  let browser: Browser;
  let ws: DeskWorkspace;
  let sink: Sink;
  let serve: Listening;
  let page: Page;

  const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '');
  /** Tab until the focused element's text is `text`, at most `most` presses; how many it took */
  const tabTo = async (text: string, most: number) => {
    for (let n = 1; n <= most; n++) {
      await page.keyboard.press('Tab');
      if ((await focused()) === text) return n;
    }
    return null;
  };

  beforeAll(async () => {
    ws = makeDeskWorkspace('editors: [ed@desk.test]\n');
    const built = await runCli(['build', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
    expect(built.code, built.stderr).toBe(0);
    sink = await startSink();
    serve = await startServe(ws.configFile, ws.dir, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1000, height: 740 } })).newPage();
    page.setDefaultTimeout(SLOW);
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

  it('reaches Approve in a few presses from the top of the page, and approves with Enter', async () => {
    expect(await tabTo('approval', 4)).not.toBeNull();
    await page.keyboard.press('Enter');
    expect(await tabTo('Approve this edition', 1)).toBe(1);
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await expect.poll(() => page.locator('.msg').textContent(), { timeout: SLOW }).toBe('Edition 2026-11-23 approved: exactly this copy is what will be sent.');
    const store = openStore(ws.stateDir);
    try {
      expect(new EditionLifecycle(store).get(ID)?.state).toBe('approved');
    } finally {
      store.close();
    }
  }, SLOW);

  it('reaches the first story’s actions as quickly', async () => {
    await page.goto(`${serve.url}/desk`);
    expect(await tabTo('the stories', 3)).not.toBeNull();
    await page.keyboard.press('Enter');
    expect(await tabTo('Drop', 2)).not.toBeNull();
  }, SLOW);
});

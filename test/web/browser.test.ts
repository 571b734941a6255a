// The subscriber pages in a real browser (Debian chromium, headless): the forms must work under the
// pages' own Content-Security-Policy, and a plain visit must change nothing.
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { Tokens } from '../../src/deliver/tokens.js';
import { createWebServer, listen } from '../../src/web/server.js';
import { SECRET, makeWorkspace } from '../deliver/support.js';

const CHROMIUM = '/usr/bin/chromium';
const tokens = new Tokens(SECRET);
let browser: Browser;
let server: Server;
let store: SqliteStore;
let base: string;

describe.skipIf(!existsSync(CHROMIUM))('subscriber pages in chromium', () => {
  beforeAll(async () => {
    const config = loadConfig(makeWorkspace().configFile);
    store = openStore(config.state);
    server = createWebServer({ config, store, tokens });
    base = `http://127.0.0.1:${(await listen(server, 0, '127.0.0.1')).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    store?.close();
  });

  it('unsubscribes only when the button is pressed', async () => {
    const s = store.addSubscriber({ email: 'clicker@example.net' });
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => m.type() === 'error' && blocked.push(m.text()));
    await page.goto(`${base}/u/${tokens.sign(s.id, 'unsubscribe')}`);
    expect(await page.locator('h1').textContent()).toBe('Unsubscribe?');
    expect(store.getSubscriber(s.id)!.status).toBe('active');
    await Promise.all([page.waitForURL(`${base}/u/**`), page.getByRole('button', { name: 'Unsubscribe' }).click()]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('You are unsubscribed');
    expect(store.getSubscriber(s.id)!.status).toBe('unsubscribed');
    expect(blocked).toEqual([]); // no CSP violation on the way
    await page.close();
  }, 30_000);

  it('saves section choices from the preferences page', async () => {
    const s = store.addSubscriber({ email: 'chooser@example.net' });
    const page = await browser.newPage();
    await page.goto(`${base}/preferences/${tokens.sign(s.id, 'preferences')}`);
    await page.getByLabel('Peace diplomacy').check();
    await page.getByLabel('Aid & reconstruction').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('strong').textContent()).toBe('Saved.');
    expect(store.getSubscriber(s.id)!.sections).toEqual(['diplomacy', 'aid']);
    expect(await page.getByLabel('Peace diplomacy').isChecked()).toBe(true);
    expect(await page.getByLabel('Weapons & strikes').isChecked()).toBe(false);
    await page.close();
  }, 30_000);
});

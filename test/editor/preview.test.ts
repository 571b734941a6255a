// `digest preview` end to end: the CLI starts the server and prints its URL; a real chromium checks the
// page (no console errors, width and dark toggles, tabs, the report and its filters) and the live reload
// after the config changes. The preview runs with --send-test against a real SMTP server.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { chromiumMissing, launchBrowser } from './browser.js';
import { startPreview, type Listening } from '../helpers/serve.js';
import { startSmtpSink, type SmtpSink } from './support.js';
import { DUPLICATE_TITLE, FOOTER_FILE, ID, MISSILES_TITLE, NOW, footerTemplate, makeWorkspace, type Workspace } from './workspace.js';

let ws: Workspace;
let preview: Listening;
let sink: SmtpSink;

beforeAll(async () => {
  ws = makeWorkspace({ customTemplates: true });
  sink = await startSmtpSink();
  preview = await startPreview(['--config', ws.configFile, '--now', NOW, '--offline', '--send-test', 'editor@example.net'], {
    DIGEST_SMTP_URL: sink.url,
  });
});

afterAll(async () => {
  await preview?.stop();
  await sink?.close();
  ws?.remove();
});

describe('digest preview over HTTP', () => {
  it('prints its URL and serves the edition build would make, without writing an out folder', async () => {
    expect(preview.stdout()).toMatch(/^preview of Editor Watch on http:\/\/127\.0\.0\.1:\d+\/\n/);
    const json = await (await fetch(`${preview.url}digest.json`)).json();
    expect(json.edition.id).toBe(ID);
    expect(await (await fetch(`${preview.url}digest.txt`)).text()).toContain(MISSILES_TITLE);
    const report = await fetch(`${preview.url}report.html`);
    expect(report.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await report.text()).toContain(DUPLICATE_TITLE);
    expect((await fetch(`${preview.url}nope`)).status).toBe(404);
  });

  it('rejects a bad --send-test address and a missing DIGEST_SMTP_URL with one line and exit 2', async () => {
    const bad = await runCli(['preview', '--config', ws.configFile, '--port', '0', '--send-test', 'not-an-address']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--send-test: "not-an-address" is not an email address/);
    const noSmtp = await runCli(['preview', '--config', ws.configFile, '--port', '0', '--send-test', 'ed@example.net'], {
      env: { DIGEST_SMTP_URL: undefined },
    });
    expect(noSmtp.code).toBe(2);
    expect(noSmtp.stderr).toMatch(/^digest: DIGEST_SMTP_URL is not set/);
  });
});

describe('--send-test', () => {
  it('sends one copy of the previewed edition through DIGEST_SMTP_URL', async () => {
    await expect.poll(() => preview.stdout(), { timeout: 20_000 }).toContain('sent a test copy to editor@example.net');
    expect(sink.mails).toHaveLength(1);
    expect(sink.mails[0].to).toEqual(['editor@example.net']);
    expect(sink.mails[0].from).toBe('digest@digest.test');
    const mail = await simpleParser(sink.mails[0].raw);
    expect(mail.subject).toMatch(/^\[test\] Editor Watch · /);
    expect(mail.html || '').toContain(MISSILES_TITLE);
    expect(mail.text).toContain(MISSILES_TITLE);
  });
});

describe.skipIf(chromiumMissing)(`preview in a browser${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(preview.url);
    await page.waitForFunction(() => {
      const f = document.getElementById('email-frame') as HTMLIFrameElement | null;
      return f?.contentDocument?.readyState === 'complete' && f.contentDocument.body.textContent!.length > 0;
    });
  });

  afterAll(async () => browser?.close());

  const emailFrame = (): Frame => page.frame({ url: /\/email\.html/ })!;

  it('loads with no console errors and shows the email', async () => {
    expect(await emailFrame().textContent('body')).toContain(MISSILES_TITLE);
    expect(consoleErrors).toEqual([]);
  });

  it('width toggles change the width the email is laid out in', async () => {
    await page.click('button[data-width="375"]');
    await expect.poll(() => emailFrame().evaluate(() => window.innerWidth)).toBe(375);
    await page.click('button[data-width="600"]');
    await expect.poll(() => emailFrame().evaluate(() => window.innerWidth)).toBe(600);
    expect(await page.getAttribute('button[data-width="600"]', 'aria-pressed')).toBe('true');
  });

  it('the dark toggle shows the email with its dark styles', async () => {
    const luminance = async () => {
      const rgb = await emailFrame().evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = (rgb.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const light = await luminance();
    await page.check('#dark');
    await page.waitForFunction(() => (document.getElementById('email-frame') as HTMLIFrameElement).contentWindow!.location.search === '?scheme=dark');
    await expect.poll(luminance).toBeLessThan(light - 100);
    await page.uncheck('#dark');
    await expect.poll(luminance).toBe(light);
  });

  it('tabs show the plain text and the JSON', async () => {
    await page.click('[data-tab="text"]');
    expect(await page.isVisible('#text')).toBe(true);
    expect(await page.isVisible('#email-frame')).toBe(false);
    expect(await page.textContent('#text')).toBe(await (await fetch(`${preview.url}digest.txt`)).text());
    await page.click('[data-tab="json"]');
    expect(JSON.parse((await page.textContent('#json'))!).edition.id).toBe(ID);
  });

  it('the report tab lists the duplicate with the story it belongs to, and its filters work', async () => {
    await page.click('[data-tab="report"]');
    const report = page.frame({ url: /\/report\.html/ })!;
    await report.waitForSelector('#rows');
    const visibleRows = () => report.$$eval('#rows tbody tr', (trs) => trs.filter((t) => !(t as HTMLElement).hidden).length);
    const all = await visibleRows();
    expect(all).toBe(8); // 5 wire items + 3 brief items

    const dup = report.locator('#rows tr[data-outcome="duplicate"]');
    expect(await dup.count()).toBe(1);
    expect(await dup.textContent()).toContain(`told in story “${MISSILES_TITLE}” (Weapons & strikes)`);

    await report.selectOption('#f-outcome', 'duplicate');
    expect(await visibleRows()).toBe(1);
    // the duplicate links to the item it copies; following it shows that row even though the filter hid it
    await dup.locator('a.story').click();
    await expect.poll(visibleRows).toBe(all);
    const target = await report.evaluate(() => document.getElementById(decodeURIComponent(location.hash.slice(1)))?.textContent ?? '');
    expect(target).toContain(MISSILES_TITLE);
    expect(await report.inputValue('#f-outcome')).toBe('');
    await report.selectOption('#f-outcome', 'duplicate');
    expect(await visibleRows()).toBe(1);
    await report.selectOption('#f-outcome', '');
    await report.selectOption('#f-feed', 'brief');
    expect(await visibleRows()).toBe(3);
    expect(await report.textContent('#f-count')).toBe('3 of 8 items');
    await report.selectOption('#f-feed', '');
    await report.fill('#f-q', 'folding');
    expect(await visibleRows()).toBe(1);
    await report.fill('#f-q', 'no such words anywhere');
    expect(await visibleRows()).toBe(0);
    expect(await report.isVisible('#none')).toBe(true);
    await report.fill('#f-q', '');
    expect(await visibleRows()).toBe(all);
  });

  it('rebuilds and reloads the page when the config changes, keeping the chosen tab', async () => {
    ws.writeConfig('Editor Watch Renamed');
    await expect.poll(() => page.textContent('h1'), { timeout: 30_000 }).toBe(`Editor Watch Renamed · ${ID}`);
    expect(await page.isVisible('#report-frame')).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it('rebuilds and reloads when a template in the templates folder changes', async () => {
    await page.click('[data-tab="email"]');
    await page.waitForFunction(() => (document.getElementById('email-frame') as HTMLIFrameElement).contentDocument?.readyState === 'complete');
    expect(await emailFrame().textContent('body')).toContain('Footer version one');
    writeFileSync(path.join(ws.dir, FOOTER_FILE), footerTemplate('Footer version two'));
    await expect
      .poll(async () => (await page.frame({ url: /\/email\.html/ })?.textContent('body').catch(() => '')) ?? '', { timeout: 30_000 })
      .toContain('Footer version two');
    expect(consoleErrors).toEqual([]);
  });

  it('shows a broken config as an error on the page, then recovers', async () => {
    const good = readFileSync(ws.configFile, 'utf8');
    writeFileSync(ws.configFile, good.replace('title: Editor Watch Renamed', 'title: [unclosed'));
    await expect.poll(() => page.locator('#build-error').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.textContent('#build-error')).toMatch(/Build failed:.*digest\.config\.yaml/);
    writeFileSync(ws.configFile, good);
    await expect.poll(() => page.locator('#build-error').count(), { timeout: 30_000 }).toBe(0);
  });
});

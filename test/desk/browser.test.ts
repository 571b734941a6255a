// The desk in headless chromium: every action in the preview's Desk tab (no login on localhost), kept in
// the draft on disk; and the desk of `digest serve` behind the magic-link login — cookie flags, a link
// that works once, CSRF and cross-site checks that refuse a forged POST, approval.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { EditionLifecycle } from '../../src/store/lifecycle.js';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { chromiumMissing, launchBrowser } from '../editor/browser.js';
import { startSink, type Sink } from '../deliver/support.js';
import { NOW, SECRET, makeDeskWorkspace, type DeskWorkspace, CLI_TIMEOUT } from './workspace.js';
import { startPreview, startServe, type Listening } from '../helpers/serve.js';

let browser: Browser;
beforeAll(async () => {
  if (!chromiumMissing) browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

/** how long a page may take to answer on a busy shared machine (each desk action rebuilds the draft) */
const SLOW = 180_000;

const draft = (ws: DeskWorkspace): Edition => JSON.parse(readFileSync(path.join(ws.editionDir, 'digest.json'), 'utf8')) as Edition;
const card = (page: Page, title: string) => page.locator('#desk li.story', { has: page.locator('h4', { hasText: title }) });

/** Click a desk button and wait for the page the redirect leads to (it says what happened). */
async function act(page: Page, click: () => Promise<void>, expected: RegExp): Promise<void> {
  await Promise.all([page.waitForEvent('load'), click()]);
  await expect.poll(() => page.locator('#desk .msg').textContent(), { timeout: SLOW }).toMatch(expected);
}

describe.skipIf(chromiumMissing)('the desk in the preview', () => {
  let ws: DeskWorkspace;
  let preview: Listening;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ws = makeDeskWorkspace();
    const built = await runCli(['build', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
    expect(built.code, built.stderr).toBe(0);
    preview = await startPreview(['--config', ws.configFile, '--now', NOW, '--offline', '--no-watch', '--out', ws.outDir]);
    page = await browser.newPage();
    page.setDefaultTimeout(SLOW);
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(preview.url);
    await page.getByRole('tab', { name: 'Desk' }).click();
  }, 360_000);

  afterAll(async () => {
    await page?.close();
    await preview?.stop();
    ws?.remove();
  });

  it('shows every story with its actions', async () => {
    await expect.poll(() => page.locator('#desk li.story').count(), { timeout: SLOW }).toBe(5);
    expect(await page.locator('#desk-state').textContent()).toBe('live preview');
    expect(await card(page, 'Ukraine receives first long-range').locator('[data-action=split]').count()).toBe(2);
  });

  it('every action works in the browser and lands in the edition', async () => {
    await act(page, () => card(page, 'Russia launches').locator('[data-action=drop]').click(), /Correction #1 \(drop\) saved; draft 2026-11-23 rebuilt too/);
    await act(page, async () => {
      await card(page, 'Ukraine budget').locator('select[name=section]').selectOption('talks');
      await card(page, 'Ukraine budget').locator('[data-action=move]').click();
    }, /#2 \(move\)/);
    const kremlin = await card(page, 'Kremlin rejects').getAttribute('data-story');
    await act(page, async () => {
      await card(page, 'Ukraine envoy').locator('select[name=other]').selectOption(kremlin!);
      await card(page, 'Ukraine envoy').locator('[data-action=merge]').click();
    }, /#3 \(merge\)/);
    await act(page, () => card(page, 'Ukraine budget').locator('[data-action=pin]').click(), /#4 \(pin\)/);
    await act(page, () => card(page, 'Ukraine receives').locator('li[data-item="brief:b-missiles"] [data-action=split]').click(), /#5 \(split\)/);
    await act(page, async () => {
      const c = card(page, 'Allies deliver');
      await c.locator('details summary').click();
      await c.locator('input[name=text]').fill('Second delivery of missiles reported');
      await c.locator('[data-action=title]').click();
    }, /#6 \(title\)/);
    await act(page, async () => {
      const c = card(page, 'Ukraine receives');
      await c.locator('details summary').click();
      await c.locator('textarea[name=text]').fill('The missiles arrived on Friday, the ministry said.');
      await c.locator('[data-action=summary]').click();
    }, /#7 \(summary\)/);
    await act(page, async () => {
      await page.locator('#desk form.intro textarea').fill('A week of deliveries and talks.');
      await page.locator('[data-action=intro]').click();
    }, /#8 \(intro\)/);

    // the preview's edition and the draft on disk both carry all eight
    const live = (await (await fetch(`${preview.url}digest.json`)).json()) as Edition;
    for (const e of [live, draft(ws)]) {
      expect(e.intro).toBe('A week of deliveries and talks.');
      expect(e.corrections!.map((c) => `${c.kind}:${c.status}`)).toEqual([
        'drop:applied', 'move:applied', 'merge:applied', 'pin:applied', 'split:applied', 'title:applied', 'summary:applied', 'intro:applied',
      ]);
      expect(Object.fromEntries(e.sections.map((s) => [s.id, s.stories.map((st) => st.title)]))).toEqual({
        arms: ['Ukraine receives first long-range missiles from allies', 'Second delivery of missiles reported'],
        talks: ['Ukraine budget for 2027 passes first reading in parliament', 'Ukraine envoy meets mediators about a prisoner exchange'],
      });
    }
    // the page shows them, each with its undo
    expect(await page.locator('#desk ol.corrections li').count()).toBe(8);
    expect(await page.locator('#desk .edited').count()).toBeGreaterThan(0);
    const email = await (await fetch(`${preview.url}email.html`)).text();
    expect(email).toContain('A week of deliveries and talks.');
    expect(email).not.toContain('Kharkiv');
    expect(await (await fetch(`${preview.url}report.html`)).text()).toContain('id="correction-8"');
    expect(errors).toEqual([]);
  }, 900_000);

  it('undo in the browser takes one back; a rebuild of the draft keeps the rest', async () => {
    await act(page, () => page.locator('#desk li[data-correction="1"] [data-action=undo]').click(), /Correction #1 taken back/);
    expect(await card(page, 'Russia launches').count()).toBe(1);
    ws.addLateItem();
    const r = await runCli(['build', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
    expect(r.code, r.stderr).toBe(0);
    const e = draft(ws);
    expect(e.corrections!.map((c) => c.id)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(e.sections.find((s) => s.id === 'talks')!.stories[0].title).toBe('Ukraine budget for 2027 passes first reading in parliament');
    expect(readFileSync(path.join(ws.editionDir, 'report.html'), 'utf8')).toContain('Second delivery of missiles reported');
  }, 360_000);

  it('refuses a POST that did not come from the preview page', async () => {
    const form = (csrf: string) => new URLSearchParams({ csrf, action: 'intro', text: 'forged' });
    const token = await page.locator('#desk form.intro input[name=csrf]').inputValue();
    expect((await fetch(`${preview.url}edit`, { method: 'POST', body: form('wrong') })).status).toBe(403);
    expect((await fetch(`${preview.url}edit`, { method: 'POST', body: form(token), headers: { Origin: 'http://evil.example' } })).status).toBe(403);
    // a DNS-rebinding page reaches the preview under its own host name
    expect(await postWithHost(`${preview.url}edit`, 'evil.example', form(token).toString())).toBe(403);
    expect(draft(ws).intro).toBe('A week of deliveries and talks.');
  });

  it('approves the build it shows, with the same checks as its other actions', async () => {
    const state = () => {
      const store = openStore(ws.stateDir);
      try {
        return new EditionLifecycle(store).get('2026-11-23');
      } finally {
        store.close();
      }
    };
    const approveForm = page.locator('#desk form.approve');
    const token = await approveForm.locator('input[name=csrf]').inputValue();
    const version = await approveForm.locator('input[name=version]').inputValue();
    const form = (csrf: string, v = version) => new URLSearchParams({ csrf, version: v });
    // forged: another token, another site, another host name
    expect((await fetch(`${preview.url}approve`, { method: 'POST', body: form('wrong') })).status).toBe(403);
    expect((await fetch(`${preview.url}approve`, { method: 'POST', body: form(token), headers: { Origin: 'http://evil.example' } })).status).toBe(403);
    expect(await postWithHost(`${preview.url}approve`, 'evil.example', form(token).toString())).toBe(403);
    // a page loaded before the last rebuild does not approve what it did not show
    const stale = await fetch(`${preview.url}approve`, { method: 'POST', body: form(token, String(Number(version) - 1)), redirect: 'manual' });
    expect(stale.status).toBe(303);
    expect(state()!.state).toBe('draft');
    // the page reloads itself for the build that answer came with, and shows it
    await expect.poll(() => page.locator('#desk .msg').textContent(), { timeout: SLOW }).toMatch(/the preview was rebuilt since this page was loaded/);
    await expect.poll(() => page.locator('#desk form.approve input[name=version]').inputValue(), { timeout: SLOW }).not.toBe(version);

    const shown = (await (await fetch(`${preview.url}digest.json`)).json()) as Edition;
    await act(page, () => page.locator('#desk [data-action=approve]').click(), /^Edition 2026-11-23 approved \(6 stories, written to .*2026-11-23\): exactly this copy is what `digest send` delivers\.$/);
    const entry = state()!;
    expect(entry.state).toBe('approved');
    // the local user's name (where the environment gives one) and where: the preview
    expect(entry.approvedBy).toMatch(/^(?:.+ \()?preview\)?$/);
    expect(entry.dir).toBe(ws.editionDir);
    // what was approved is what the preview showed
    expect(draft(ws).sections).toEqual(shown.sections);
    expect(readFileSync(path.join(ws.editionDir, 'digest.txt'), 'utf8')).toBe(await (await fetch(`${preview.url}digest.txt`)).text());
    // and `digest send --dry-run` would send it
    const dry = await runCli(['send', '--config', ws.configFile, '--dry-run'], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET }, timeoutMs: CLI_TIMEOUT });
    expect(dry.stdout + dry.stderr).toMatch(/2026-11-23/);
    expect(errors).toEqual([]);
  }, 600_000);
});

/** POST with a Host header of our choosing (fetch does not let one set it). */
function postWithHost(url: string, host: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { Host: host, 'Content-Type': 'application/x-www-form-urlencoded' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe.skipIf(chromiumMissing)('the desk on digest serve', () => {
  let ws: DeskWorkspace;
  let sink: Sink;
  let serve: Listening;
  let page: Page;
  const errors: string[] = [];
  const links = async (to: string): Promise<string[]> => {
    const mails = await Promise.all(sink.received.filter((m) => m.to.includes(to)).map((m) => simpleParser(m.raw)));
    return mails.map((m) => /https:\/\/desk\.test(\/desk\/auth\/\S+)/.exec(m.text ?? '')![1]);
  };

  beforeAll(async () => {
    ws = makeDeskWorkspace('editors: [ed@desk.test, ed2@desk.test]\n');
    const built = await runCli(['build', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
    expect(built.code, built.stderr).toBe(0);
    sink = await startSink();
    serve = await startServe(ws.configFile, ws.dir, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, { extraArgs: ['--trust-proxy'] });
    const context = await browser.newContext();
    page = await context.newPage();
    page.setDefaultTimeout(SLOW);
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  }, 360_000);

  afterAll(async () => {
    await page?.context().close();
    await serve?.stop();
    await sink?.close();
    ws?.remove();
  });

  it('signs an editor in by a magic link: HttpOnly, SameSite=Strict session, the link works once', async () => {
    await page.goto(`${serve.url}/desk`);
    expect(page.url()).toBe(`${serve.url}/desk/login`);
    await page.locator('input[name=email]').fill('ed@desk.test');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Send the link' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Check your inbox');
    await sink.waitFor(() => sink.received.some((m) => m.to.includes('ed@desk.test')), SLOW);
    const [link] = await links('ed@desk.test');

    await page.goto(`${serve.url}${link}`);
    await Promise.all([page.waitForURL(`${serve.url}/desk`), page.getByRole('button', { name: 'Sign in as ed@desk.test' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Desk · 2026-11-23');
    const session = (await page.context().cookies()).find((c) => c.name === 'roundup_desk')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    const again = await page.context().newPage();
    const reused = await again.goto(`${serve.url}${link}`);
    expect(reused!.status()).toBe(400);
    await again.close();
  }, 360_000);

  it('corrects and approves the draft as the signed-in editor, the email shown beside it', async () => {
    await act(page, () => card(page, 'Russia launches').locator('[data-action=drop]').click(), /^Correction #1 \(drop\) applied\.$/);
    expect(draft(ws).corrections![0]).toMatchObject({ kind: 'drop', by: 'ed@desk.test', status: 'applied' });
    const frame = page.frameLocator('iframe.email');
    await expect.poll(() => frame.locator('body').textContent(), { timeout: SLOW }).toContain('Ukraine receives first long-range missiles');
    await act(page, () => page.locator('[data-action=approve]').click(), /Edition 2026-11-23 approved/);
    expect(await page.locator('#desk-state').textContent()).toBe('approved by ed@desk.test');
    const store = openStore(ws.stateDir);
    expect(new EditionLifecycle(store).get('2026-11-23')).toMatchObject({ state: 'approved', approvedBy: 'ed@desk.test' });
    store.close();
    expect(errors).toEqual([]);
  }, 360_000);

  it('refuses forged POSTs: no CSRF token, another site, no session', async () => {
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = await page.locator('#desk form.intro input[name=csrf]').inputValue();
    const post = (body: Record<string, string>, headers: Record<string, string>) =>
      fetch(`${serve.url}/desk/edit`, { method: 'POST', body: new URLSearchParams(body), headers, redirect: 'manual' });
    const forged = { action: 'intro', text: 'forged intro' };
    expect((await post(forged, { Cookie: cookie })).status).toBe(403);
    expect((await post({ ...forged, csrf: 'x'.repeat(43) }, { Cookie: cookie })).status).toBe(403);
    expect((await post({ ...forged, csrf }, { Cookie: cookie, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ ...forged, csrf }, {})).status).toBe(403);
    expect((await fetch(`${serve.url}/desk`, { redirect: 'manual' })).headers.get('location')).toBe('desk/login'); // relative to /desk: /desk/login
    expect(draft(ws).intro).toBeUndefined();
    // the session's own token does work (the checks above are what refused)
    const real = await post({ action: 'intro', text: 'Real intro', csrf }, { Cookie: cookie });
    expect(real.status).toBe(303);
    expect(draft(ws).intro).toBe('Real intro');
    // signing out ends the session, even for a copy of its cookie
    const out = await fetch(`${serve.url}/desk/logout`, { method: 'POST', body: new URLSearchParams({ csrf }), headers: { Cookie: cookie }, redirect: 'manual' });
    expect(out.status).toBe(303);
    expect((await fetch(`${serve.url}/desk`, { headers: { Cookie: cookie }, redirect: 'manual' })).headers.get('location')).toBe('desk/login');
  }, 180_000);

  it('behind https: Secure, __Host- cookies; no mail for an address that is not an editor', async () => {
    const https = { 'X-Forwarded-Proto': 'https' };
    const form = await fetch(`${serve.url}/desk/login`, { headers: https });
    const pre = form.headers.get('set-cookie')!;
    expect(pre).toMatch(/^__Host-roundup_desk_form=[\w-]+; Path=\/; Max-Age=1800; HttpOnly; SameSite=Strict; Secure$/);
    const token = /name="csrf" value="([\w-]+)"/.exec(await form.text())![1];
    const cookie = pre.split(';')[0];
    const before = sink.received.length;
    const stranger = await fetch(`${serve.url}/desk/login`, { method: 'POST', headers: { ...https, Cookie: cookie }, body: new URLSearchParams({ csrf: token, email: 'someone@else.test' }) });
    expect(stranger.status).toBe(200);
    expect(await stranger.text()).toContain('Check your inbox');
    const editor = await fetch(`${serve.url}/desk/login`, { method: 'POST', headers: { ...https, Cookie: cookie }, body: new URLSearchParams({ csrf: token, email: 'ed2@desk.test' }) });
    expect(editor.status).toBe(200);
    await sink.waitFor(() => sink.received.some((m) => m.to.includes('ed2@desk.test')), SLOW);
    expect(sink.received.length).toBe(before + 1);

    const [link] = await links('ed2@desk.test');
    const confirm = await fetch(`${serve.url}${link}`, { headers: https });
    const pre2 = confirm.headers.get('set-cookie')!.split(';')[0];
    const html = await confirm.text();
    const signIn = await fetch(`${serve.url}/desk/auth`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...https, Cookie: pre2 },
      body: new URLSearchParams({ csrf: /name="csrf" value="([\w-]+)"/.exec(html)![1], token: /name="token" value="([^"]+)"/.exec(html)![1] }),
    });
    expect(signIn.status).toBe(303);
    const session = signIn.headers.getSetCookie().find((c) => c.startsWith('__Host-roundup_desk='))!;
    expect(session).toMatch(/; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict; Secure$/);
  }, 180_000);
});

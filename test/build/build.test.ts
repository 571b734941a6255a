// End to end through the CLI: a local HTTP server serves fixture feeds (one failing with 500, one an HTML page),
// `digest build --now …` writes the edition, and we check the four files against the contract.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

const FIX = path.join(ROOT, 'test/fixtures/build');
const NOW = '2026-11-23T07:00:00+02:00';
const CYRILLIC_TITLE = 'Україна отримає нові системи ППО від союзників — «щит» для Києва';

const cyrillicFeed = iconv.encode(
  `<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0"><channel><title>Тестова стрічка</title><link>https://ua.test.example/</link>
<item><title>${CYRILLIC_TITLE}</title><link>https://ua.test.example/news/ppo</link><guid>ua-1</guid>
<pubDate>Fri, 20 Nov 2026 12:00:00 +0200</pubDate>
<description>Україна отримає ще дві батареї ППО до кінця року, повідомив міністр оборони. Їхня ціль — захистити енергетику.</description></item>
</channel></rss>`,
  'windows-1251',
);

let server: Server;
let base = '';
let requests = 0;
const dir = mkdtempSync(path.join(tmpdir(), 'roundup-build-'));

function config(extra = ''): string {
  return `title: Test Watch
timezone: Europe/Kyiv
window: 7d
scope:
  include: [Ukraine, Ukrainian, Russia, Russian, Kyiv, Kremlin, Україна, України]
  exclude: [football]
feeds:
  - name: Test Wire
    id: wire
    url: ${base}/wire.xml
  - name: Test Brief
    id: brief
    url: ${base}/brief.atom
  - name: Тестова стрічка
    id: ua
    url: ${base}/ua.xml
  - name: Broken
    id: broken
    url: ${base}/500
  - name: Homepage
    id: homepage
    url: ${base}/page
themes:
  - id: arms
    title: Weapons & strikes
    description: Weapons deliveries, air defence, strikes.
    keywords: [F-16, fighter jet, missile, air defence, ППО, drone strike]
  - id: talks
    title: Talks & diplomacy
    description: Negotiations, ceasefire talks, sanctions and envoys.
    keywords: [talks, ceasefire, envoy, sanctions, truce]
  - id: home
    title: Home front
    description: Energy, blackouts, mobilisation and daily life in Ukraine.
    keywords: [blackout, power, mobilisation, martial law]
other: Other news
email:
  from: "Test Watch <digest@test.example>"
  baseUrl: https://digest.test.example
state: state
fetch:
  allowPrivateNetworks: true
  retries: 0
  timeout: 5
${extra}`;
}

async function build(name: string, args: string[] = []) {
  const cfg = path.join(dir, `${name}.yaml`);
  writeFileSync(cfg, config());
  const out = path.join(dir, `out-${name}`);
  const r = await runCli(['build', '--config', cfg, '--now', NOW, '--out', out, ...args]);
  return { ...r, out: path.join(out, '2026-11-23') };
}

const readJson = (d: string): Edition => JSON.parse(readFileSync(path.join(d, 'digest.json'), 'utf8'));

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    const send = (type: string, body: string | Buffer, status = 200) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (req.url === '/wire.xml') return send('application/rss+xml', readFileSync(path.join(FIX, 'wire.xml')));
    if (req.url === '/brief.atom') return send('application/atom+xml', readFileSync(path.join(FIX, 'brief.atom')));
    // no charset in the header: the XML declaration must be honoured
    if (req.url === '/ua.xml') return send('application/xml', cyrillicFeed);
    if (req.url === '/page') return send('text/html; charset=utf-8', readFileSync(path.join(FIX, 'page.html')));
    if (req.url === '/500') return send('text/plain', 'boom', 500);
    send('text/plain', 'not found', 404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('digest build end to end', () => {
  let first: Awaited<ReturnType<typeof build>>;
  let edition: Edition;

  beforeAll(async () => {
    first = await build('main');
    edition = existsSync(path.join(first.out, 'digest.json')) ? readJson(first.out) : (undefined as never);
  });

  it('succeeds although two feeds fail, and reports them on stderr', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/broken.*HTTP 500/);
    expect(first.stderr).toMatch(/homepage.*not a feed/);
    expect(first.stdout).toMatch(/digest\.html/);
  });

  it('writes the four files of an edition', () => {
    for (const f of ['digest.json', 'digest.html', 'digest.txt', 'digest.eml']) {
      expect(existsSync(path.join(first.out, f)), f).toBe(true);
    }
  });

  it('follows the contract shape', () => {
    expect(edition.edition).toMatchObject({ id: '2026-11-23', title: 'Test Watch', timezone: 'Europe/Kyiv' });
    expect(edition.edition.end).toBe('2026-11-23T07:00:00.000+02:00');
    expect(edition.edition.start).toBe('2026-11-16T07:00:00.000+02:00');
    expect(edition.feeds.map((f) => [f.id, f.status])).toEqual([
      ['wire', 'ok'],
      ['brief', 'ok'],
      ['ua', 'ok'],
      ['broken', 'error'],
      ['homepage', 'error'],
    ]);
    expect(edition.feeds.find((f) => f.id === 'broken')!.error).toBe('HTTP 500');
    expect(edition.feeds.find((f) => f.id === 'homepage')!.error).toMatch(/not a feed.*\/feeds\/main\.xml/);
  });

  it('merges the same news from two feeds into one story listing both sources', () => {
    const stories = edition.sections.flatMap((s) => s.stories.map((st) => ({ ...st, section: s.id })));
    const jets = stories.find((s) => /F-16/.test(s.title));
    expect(jets?.section).toBe('arms');
    expect([...(jets?.sources ?? [])].sort()).toEqual(['Test Brief', 'Test Wire']);
    expect(jets?.items).toHaveLength(2);
    const talks = stories.find((s) => /Geneva/.test(s.title));
    expect(talks?.section).toBe('talks');
    expect(talks?.sources).toHaveLength(2);
    const power = stories.find((s) => /power/i.test(s.title));
    expect(power?.section).toBe('home');
  });

  it('collapses the same article in two feeds into one item and one duplicate', () => {
    const dups = edition.excluded.filter((e) => e.reason === 'duplicate');
    expect(dups).toHaveLength(1);
    const shadow = edition.sections.flatMap((s) => s.stories).filter((s) => /shadow fleet/.test(s.title));
    expect(shadow).toHaveLength(1);
  });

  it('accounts for every item a feed returned exactly once', () => {
    const keys = [
      ...edition.sections.flatMap((s) => s.stories.flatMap((st) => st.items.map((i) => `${i.feed}:${i.guid}`))),
      ...edition.excluded.map((e) => `${e.feed}:${e.guid}`),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    const perFeed = (id: string) => keys.filter((k) => k.startsWith(`${id}:`)).length;
    expect(perFeed('wire')).toBe(6);
    expect(perFeed('brief')).toBe(4);
    expect(perFeed('ua')).toBe(1);
    for (const f of edition.feeds) expect(perFeed(f.id)).toBe(f.items);
    const reasons = Object.fromEntries(edition.excluded.map((e) => [`${e.feed}:${e.guid}`, e.reason]));
    expect(reasons['wire:wire-004']).toBe('out-of-scope');
    expect(reasons['wire:wire-005']).toBe('outside-window');
  });

  it('keeps the windows-1251 title intact in JSON, HTML and text', () => {
    const titles = edition.sections.flatMap((s) => s.stories.map((st) => st.title));
    expect(titles).toContain(CYRILLIC_TITLE);
    const html = readFileSync(path.join(first.out, 'digest.html'), 'utf8');
    const text = readFileSync(path.join(first.out, 'digest.txt'), 'utf8');
    // HTML may escape quotes but not Cyrillic
    expect(html).toContain('Україна отримає нові системи ППО');
    expect(text.replace(/\s+/g, ' ')).toContain(CYRILLIC_TITLE);
  });

  it('titles and summaries are plain text without furniture', () => {
    for (const st of edition.sections.flatMap((s) => s.stories)) {
      expect(st.title).not.toMatch(/<|&[a-z#0-9]+;/i);
      expect(st.summary).not.toMatch(/<|&[a-z#0-9]+;|Share on Facebook|More from/i);
    }
  });

  it('writes an eml that parses back as multipart/alternative UTF-8', async () => {
    const raw = readFileSync(path.join(first.out, 'digest.eml'));
    expect(raw.toString('latin1')).toMatch(/multipart\/alternative/i);
    const mail = await simpleParser(raw);
    expect(mail.subject).toContain('Test Watch');
    expect(mail.from?.text).toContain('digest@test.example');
    expect(mail.html || '').toContain('Україна отримає нові системи ППО');
    expect(mail.text || '').toContain('Geneva');
    expect(raw.toString('latin1')).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
  });

  it('is deterministic with --now: identical files apart from generatedAt', async () => {
    const second = await build('again');
    expect(second.code, second.stderr).toBe(0);
    for (const f of ['digest.html', 'digest.txt', 'digest.eml']) {
      expect(readFileSync(path.join(second.out, f)).equals(readFileSync(path.join(first.out, f))), f).toBe(true);
    }
    const strip = (e: Edition) => ({ ...e, edition: { ...e.edition, generatedAt: '' } });
    expect(strip(readJson(second.out))).toEqual(strip(edition));
  });

  it('--offline touches no network and uses the cached copies', async () => {
    const before = requests;
    const cfg = path.join(dir, 'main.yaml'); // same state folder as the first build: its cache
    const out = path.join(dir, 'out-offline');
    const r = await runCli(['build', '--config', cfg, '--now', NOW, '--out', out, '--offline']);
    expect(r.code, r.stderr).toBe(0);
    expect(requests).toBe(before);
    const off = readJson(path.join(out, '2026-11-23'));
    expect(off.feeds.find((f) => f.id === 'wire')?.status).not.toBe('error');
    expect(off.sections.flatMap((s) => s.stories).length).toBe(edition.sections.flatMap((s) => s.stories).length);
  });

  it('exits 1 and writes nothing when every feed fails', async () => {
    const cfg = path.join(dir, 'allbad.yaml');
    writeFileSync(cfg, config().replace(/feeds:[\s\S]*?themes:/, `feeds:\n  - name: Broken\n    url: ${base}/500\nthemes:`));
    const out = path.join(dir, 'out-allbad');
    const r = await runCli(['build', '--config', cfg, '--now', NOW, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the only feed failed/);
    expect(existsSync(path.join(out, '2026-11-23'))).toBe(false);
  });
});

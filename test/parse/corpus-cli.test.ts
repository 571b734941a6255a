// The corpus runner end to end, on a small corpus made here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;

function write(rel: string, body: string | Buffer): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), body);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
  write('a/good.xml', '<rss version="2.0"><channel><title>Good wire</title><item><title>Talks resume</title><link>https://g.example/1</link></item></channel></rss>');
  write('a/good.json', JSON.stringify({ title: 'Good wire', items: [{ title: 'Talks resume' }] }));
  write('a/wrong.xml', '<rss version="2.0"><channel><title>Other title</title></channel></rss>');
  write('a/wrong.json', JSON.stringify({ title: 'Expected title' }));
  write('a/cyrillic.xml', iconv.encode('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Новини</title></channel></rss>', 'windows-1251'));
  write('a/page.html', '<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="https://p.example/rss"></head></html>');
  write('a/empty.xml', '');
  write('a/comment.xml', `<!--\nExpect:      not bozo and feed['title'] == 'Caf\\xe9 \\u2013 news'\n-->\n<rss version="2.0"><channel><title>Café – news</title></channel></rss>`);
  const rows = [
    ['a/good.xml', 'x', '1', '-', 'feed-rss', '', 'a/good.json'],
    ['a/wrong.xml', 'x', '1', '-', 'feed-rss', '', 'a/wrong.json'],
    ['a/cyrillic.xml', 'x', '1', '-', 'feed-rss', 'windows-1251', ''],
    ['a/page.html', 'x', '1', '-', 'not-a-feed', '', ''],
    ['a/empty.xml', 'x', '1', '-', 'unknown', '', ''],
    ['a/comment.xml', 'feedparser', '1', '-', 'feed-rss', '', 'expect-comment'],
  ];
  write('MANIFEST.tsv', ['path\tsource\tbytes\tsha256\tkind\tdeclared_encoding\texpected', ...rows.map((r) => r.join('\t'))].join('\n') + '\n');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run corpus', () => {
  it('runs every manifest file and ends with the summary line', { timeout: 60_000 }, async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/parse/corpus-cli.ts', dir], { cwd: ROOT });
    const lines = stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('corpus: files=6 feeds=4 parsed=4 clear-errors=2 crashes=0 hangs=0 mojibake=0');
    expect(stdout).toContain('expected titles: 2/3 files match (66.7%)');
  });

  it('counts a file that runs past the time limit as a hang and goes on with a fresh worker', { timeout: 60_000 }, async () => {
    const slow = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-slow-'));
    try {
      const items = Array.from({ length: 8000 }, (_, i) => `<item><title>Item ${i} &amp; more</title><link>https://s.example/${i}</link><pubDate>Mon, 03 Jun 2024 09:00:00 GMT</pubDate><description>${'text '.repeat(60)}</description></item>`);
      fs.writeFileSync(path.join(slow, 'big.xml'), `<rss version="2.0"><channel><title>Big</title>${items.join('')}</channel></rss>`);
      fs.writeFileSync(path.join(slow, 'small.xml'), '<rss version="2.0"><channel><title>Small</title></channel></rss>');
      fs.writeFileSync(path.join(slow, 'MANIFEST.tsv'), 'path\tsource\tbytes\tsha256\tkind\tdeclared_encoding\texpected\nbig.xml\tx\t1\t-\tfeed-rss\t\t\nsmall.xml\tx\t1\t-\tfeed-rss\t\t\n');
      // 20 ms is far less than parsing this feed (several MB, in a cold worker) takes, so it stands for a hang
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/parse/corpus-cli.ts', slow, '--timeout', '20'], { cwd: ROOT });
      expect(stdout.trim().split('\n').at(-1)).toBe('corpus: files=2 feeds=2 parsed=1 clear-errors=0 crashes=0 hangs=1 mojibake=0');
      expect(stdout).toContain('big.xml: hang');
    } finally {
      fs.rmSync(slow, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line when the folder has no manifest', async () => {
    const err = await run(process.execPath, ['--import', 'tsx', 'src/parse/corpus-cli.ts', os.tmpdir() + '/no-such-corpus'], { cwd: ROOT }).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr.split('\n')[0]).toMatch(/^corpus: no MANIFEST\.tsv in /);
  });
});

// The corpus runner end to end, on a small corpus made here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { runCorpus } from '../../tools/corpus/run.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const HANG_WORKER = new URL('./fixtures/hang-worker.ts', import.meta.url);
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
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tools/corpus/cli.ts', dir], { cwd: ROOT });
    const lines = stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('corpus: files=6 feeds=4 parsed=4 clear-errors=2 crashes=0 hangs=0 mojibake=0');
    expect(stdout).toContain('expected titles: 2/3 files match (66.7%)');
  });

  it('counts a file that gets no answer within the time limit as a hang and goes on with a fresh worker', async () => {
    const slow = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-slow-'));
    try {
      fs.writeFileSync(path.join(slow, 'big.hang.xml'), '<rss version="2.0"><channel><title>Big</title></channel></rss>');
      fs.writeFileSync(path.join(slow, 'small.xml'), '<rss version="2.0"><channel><title>Small</title></channel></rss>');
      fs.writeFileSync(path.join(slow, 'MANIFEST.tsv'), 'path\tsource\tbytes\tsha256\tkind\tdeclared_encoding\texpected\nbig.hang.xml\tx\t1\t-\tfeed-rss\t\t\nsmall.xml\tx\t1\t-\tfeed-rss\t\t\n');
      // the stand-in worker never answers for big.hang.xml and answers small.xml at once: the limit only has to be
      // long enough for that one answer, whatever the load
      const lines = await runCorpus({ dir: slow, timeoutMs: 3000, workerUrl: HANG_WORKER });
      expect(lines.at(-1)).toBe('corpus: files=2 feeds=2 parsed=1 clear-errors=0 crashes=0 hangs=1 mojibake=0');
      expect(lines).toContain('  big.hang.xml: hang');
    } finally {
      fs.rmSync(slow, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line when the folder has no manifest', async () => {
    const err = await run(process.execPath, ['--import', 'tsx', 'tools/corpus/cli.ts', os.tmpdir() + '/no-such-corpus'], { cwd: ROOT }).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr.split('\n')[0]).toMatch(/^corpus: no MANIFEST\.tsv in /);
  });
});

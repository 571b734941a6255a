// A headline too long for the subject (70 characters of it) or for the email (200) is cut with an ellipsis between
// two characters as readers see them, never inside one: half of a flag (one regional indicator) shows as a letter
// in a box, part of an emoji family as other people. Built with `digest build`; the subject read from digest.eml,
// the title from digest.html and digest.txt. Sample text is invented.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// 28 characters, then flags of two code points each: a cut after an odd number of code points halves one
const TITLE = `Volunteers pack kit tagged #${'🇺🇦'.repeat(90)}`;

const graphemes = (s: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s), (g) => g.segment);
/** the characters of `text` that are half a flag */
const halfFlags = (text: string) => graphemes(text).filter((g) => /^\p{Regional_Indicator}$/u.test(g));

describe('a headline cut to length', () => {
  it('is cut between two flags in the subject, the email and its plain-text part', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-cut-whole-'));
    writeFileSync(
      path.join(dir, 'feed.xml'),
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
<item><title>${TITLE}</title><link>https://wire.test.example/1</link><guid>1</guid><pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate>
<description>Volunteers packed winter kits for families in the east, the charity said on Wednesday.</description></item></channel></rss>`,
    );
    writeFileSync(path.join(dir, 'digest.config.yaml'), 'title: Flag Watch\ntimezone: UTC\nfeeds:\n  - name: Wire\n    path: feed.xml\nthemes:\n  - id: news\n    title: News\n    keywords: [volunteers]\n');
    const out = path.join(dir, 'out');
    const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const read = (f: string) => readFileSync(path.join(out, '2026-11-23', f));
    const subject = (await simpleParser(read('digest.eml'))).subject ?? '';
    const { document } = parseHTML(read('digest.html').toString('utf8'));
    const shown = document.querySelector('h3.rd-card-title')!.textContent!.trim();
    // the plain-text part wraps the title (a line of flags is wider than 76 columns): read it as one line
    const text = read('digest.txt').toString('utf8').replace(/\n/g, ' ');
    for (const [where, value] of [['subject', subject], ['email title', shown], ['plain-text part', text]] as const) {
      expect(value, where).toContain('Volunteers pack kit tagged #🇺🇦🇺🇦');
      expect(value, `${where}: cut with an ellipsis`).toContain('🇺🇦…');
      expect(halfFlags(value), `${where}: half flags`).toEqual([]);
    }
  }, 120_000);
});

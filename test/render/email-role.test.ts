// What a screen reader calls the email as a whole (aria-roledescription on its article) is said in the digest's
// language, as every other word of Roundup's in it; MJML writes the English "email" in every language. Built with
// `digest build` in each language Roundup ships. Sample text is invented.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const EXPECTED: Record<string, string> = { en: 'email', uk: 'електронний лист', de: 'E-Mail', ar: 'رسالة بريد إلكتروني' };

async function article(locale: string): Promise<Element> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-email-role-'));
  writeFileSync(
    path.join(dir, 'feed.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
<item><title>Port of Odesa reopens its northern grain terminal after repairs</title><link>https://wire.test.example/1</link><guid>1</guid>
<pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate><description>The northern terminal handled its first ship since the summer.</description></item></channel></rss>`,
  );
  writeFileSync(path.join(dir, 'digest.config.yaml'), `title: Port Watch\nlocale: ${locale}\ntimezone: UTC\nfeeds:\n  - name: Wire\n    path: feed.xml\nthemes:\n  - id: news\n    title: News\n    keywords: [terminal]\n`);
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const { document } = parseHTML(readFileSync(path.join(out, '2026-11-23', 'digest.html'), 'utf8'));
  const found = document.querySelector('[role="article"]');
  expect(found, 'the email’s article').not.toBeNull();
  return found!;
}

describe('the email’s role for screen readers', () => {
  for (const [locale, word] of Object.entries(EXPECTED)) {
    it(`${locale}: "${word}", in the article of lang="${locale}"`, async () => {
      const el = await article(locale);
      expect(el.getAttribute('lang')).toBe(locale);
      expect(el.getAttribute('aria-roledescription')).toBe(word);
    }, 60_000);
  }
});

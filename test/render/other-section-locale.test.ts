// A digest in Ukrainian, German or Arabic whose config names no `other:` section: the section of stories that fit
// no theme is titled in the digest's language in the email, its plain text and digest.json, instead of the English
// "Other news" among Ukrainian, German or Arabic headings. A title the config gives is kept as written.
// Sample text is invented.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

/** `digest build` of one story that fits no theme, in `locale`: the other section's title in each output. */
async function otherTitle(locale: string, other = '') {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-other-locale-'));
  writeFileSync(
    path.join(dir, 'feed.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
<item><title>Grain terminal reopens after repairs</title><link>https://wire.test.example/1</link><guid>1</guid><pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate>
<description>The northern terminal handled its first ship since the summer.</description></item></channel></rss>`,
  );
  writeFileSync(
    path.join(dir, 'digest.config.yaml'),
    `title: Diplomacy Watch\nlocale: ${locale}\ntimezone: UTC\nfeeds:\n  - name: Wire\n    path: feed.xml\nthemes:\n  - id: talks\n    title: Talks\n    keywords: [ceasefire]\n${other}`,
  );
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const folder = path.join(out, '2026-11-23');
  const edition = JSON.parse(readFileSync(path.join(folder, 'digest.json'), 'utf8')) as Edition;
  const { document } = parseHTML(readFileSync(path.join(folder, 'digest.html'), 'utf8'));
  const text = readFileSync(path.join(folder, 'digest.txt'), 'utf8');
  return { json: edition.sections.map((s) => [s.id, s.title]), html: [...document.querySelectorAll('h2[id]')].map((h) => h.textContent!.trim()), text };
}

describe('the section of stories that fit no theme', () => {
  it.each([
    ['en', 'Other news'],
    ['uk', 'Інші новини'],
    ['de', 'Weitere Meldungen'],
    ['ar', 'أخبار أخرى'],
  ])('in %s is titled "%s"', async (locale, title) => {
    const got = await otherTitle(locale);
    expect(got.json).toEqual([['other', title]]);
    expect(got.html).toEqual([title]);
    expect(got.text.split('\n')).toContain(title);
    if (locale !== 'en') expect(got.text).not.toContain('Other news');
  }, 60_000);

  it('keeps the title the config gives', async () => {
    expect((await otherTitle('de', 'other: Vermischtes\n')).json).toEqual([['other', 'Vermischtes']]);
  }, 60_000);
});

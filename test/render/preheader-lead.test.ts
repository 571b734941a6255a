// The preview line an inbox shows after the subject names other stories than the one the subject leads with: the
// two share one line in the inbox, where the same headline twice tells the reader nothing more. Built with
// `digest build` from the bundled sample feeds; the subject and the preview read from digest.eml as sent.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { ROOT, runCli } from '../helpers/cli.js';

/** `digest build` of the sample feeds, the config changed by `edit`, its state in the build's own folder: the edition, its subject and its preview line. */
async function buildSample(edit: (config: string) => string = (c) => c) {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-preheader-'));
  const feeds = path.join(ROOT, 'feeds');
  for (const f of readdirSync(feeds)) if (/\.(xml|atom|json|rdf)$/.test(f) && f !== 'labels.json') copyFileSync(path.join(feeds, f), path.join(dir, f));
  writeFileSync(path.join(dir, 'digest.config.yaml'), edit(readFileSync(path.join(feeds, 'example.config.yaml'), 'utf8')).replace(/^state: .*$/m, 'state: .digest'));
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00+02:00', '--out', out, '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const read = (f: string) => readFileSync(path.join(out, '2026-11-23', f));
  const edition = JSON.parse(read('digest.json').toString('utf8')) as Edition;
  const mail = await simpleParser(read('digest.eml'));
  const { document } = parseHTML(mail.html || '');
  // the first hidden block of the body: the preview line (the one after it is its invisible filler)
  const preview = [...document.querySelectorAll('div')].find((d) => /display:none/.test(d.getAttribute('style') ?? ''))!.textContent!;
  return { edition, subject: mail.subject ?? '', preview };
}

describe('the preview line', () => {
  it('names the first story of each section but never the one the subject leads with: that section’s next instead', async () => {
    const { edition, subject, preview } = await buildSample();
    const all = edition.sections.flatMap((s) => s.stories.map((story) => ({ section: s, story })));
    const lead = all.find(({ story }) => subject.endsWith(story.title))!;
    expect(lead, `the story "${subject}" leads with`).toBeDefined();
    expect(preview).not.toContain(lead.story.title.slice(0, 30));
    // what the preview names instead: the first story of the first section (unless it is the lead), and so on
    const first = edition.sections[0].stories.find((s) => s !== lead.story)!;
    expect(preview.startsWith(first.title.slice(0, 40)), preview).toBe(true);
    if (lead.section !== edition.sections[0]) {
      const next = lead.section.stories.find((s) => s.title !== lead.story.title)!;
      expect(preview).toContain(next.title.slice(0, 20));
    }
  }, 120_000);

  it('names the first story of each section, the lead too, when the subject does not name it', async () => {
    const { edition, preview } = await buildSample((c) => c.replace('subject: "{title} · {date}: {lead}"', 'subject: "{title} · {date}: {count} stories"'));
    expect(preview.startsWith(edition.sections[0].stories[0].title.slice(0, 40))).toBe(true);
    expect(preview).toContain(edition.sections[1].stories[0].title.slice(0, 20));
  }, 120_000);

  it('of an edition of one story, which the subject names, is that story’s summary', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-preheader-one-'));
    writeFileSync(
      path.join(dir, 'feed.xml'),
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test.example/</link>
<item><title>Port of Odesa reopens its northern grain terminal after repairs</title><link>https://wire.test.example/1</link><guid>1</guid>
<pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate><description>The northern terminal handled its first ship since the summer. Operators expect full capacity next month.</description></item></channel></rss>`,
    );
    writeFileSync(path.join(dir, 'digest.config.yaml'), 'title: Port Watch\ntimezone: UTC\nfeeds:\n  - name: Wire\n    path: feed.xml\nthemes:\n  - id: news\n    title: News\n    keywords: [terminal]\n');
    const out = path.join(dir, 'out');
    const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const mail = await simpleParser(readFileSync(path.join(out, '2026-11-23', 'digest.eml')));
    const { document } = parseHTML(mail.html || '');
    const preview = [...document.querySelectorAll('div')].find((d) => /display:none/.test(d.getAttribute('style') ?? ''))!.textContent!;
    expect(mail.subject).toContain('Port of Odesa reopens');
    expect(preview).toBe('The northern terminal handled its first ship since the summer. Operators expect full capacity next month.');
  }, 120_000);
});

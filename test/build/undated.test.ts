// Items without a date keep the time they were first seen (stored in the state folder),
// so they do not come back as new every week.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-undated-'));
writeFileSync(
  path.join(dir, 'feed.xml'),
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Undated</title><link>https://undated.test.example/</link>
<item><title>Kyiv opens new heating points ahead of winter</title><link>https://undated.test.example/heating</link><guid>u-1</guid>
<description>Kyiv opened two hundred heating points across the city ahead of winter blackouts.</description></item>
</channel></rss>`,
);
const cfg = path.join(dir, 'c.yaml');
writeFileSync(cfg, `title: Undated Watch\ntimezone: Europe/Kyiv\nwindow: 7d\nfeeds:\n  - name: Undated\n    path: feed.xml\nthemes:\n  - id: home\n    title: Home\n    keywords: [heating]\nstate: state\n`);

async function build(now: string) {
  const out = path.join(dir, `out-${now.slice(0, 10)}`);
  const r = await runCli(['build', '--config', cfg, '--now', now, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(readFileSync(path.join(out, now.slice(0, 10), 'digest.json'), 'utf8')) as Edition;
}

describe('undated items', () => {
  it('are dated when first seen, and that date sticks', async () => {
    const first = await build('2026-11-23T07:00:00+02:00');
    const story = first.sections[0].stories[0];
    expect(story.items[0].published).toBe('2026-11-23T05:00:00.000Z');
    // a week later the same item is old news, not new again
    const later = await build('2026-11-30T07:00:00+02:00');
    expect(later.sections).toEqual([]);
    expect(later.excluded.map((e) => [e.guid, e.reason])).toEqual([['u-1', 'outside-window']]);
  });
});

// `other: false`: in-scope stories that match no theme leave the edition as `no-theme` instead of
// filling an "Other news" section.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-other-'));

async function build(other: string): Promise<Edition> {
  const cfg = path.join(dir, `${other}.yaml`);
  writeFileSync(
    cfg,
    `title: Other Watch
timezone: Europe/Kyiv
feeds:
  - name: Test Wire
    id: wire
    path: ${path.join(ROOT, 'test/fixtures/build/wire.xml')}
themes:
  - id: arms
    title: Arms
    keywords: [F-16, fighter jet]
other: ${other}
state: state
`,
  );
  const out = path.join(dir, `out-${other}`);
  const r = await runCli(['build', '--config', cfg, '--now', '2026-11-23T07:00:00+02:00', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(readFileSync(path.join(out, '2026-11-23', 'digest.json'), 'utf8'));
}

describe('other section', () => {
  it('collects unthemed stories under its title, or drops them as no-theme with other: false', async () => {
    const withOther = await build('"Also this week"');
    expect(withOther.sections.map((s) => [s.id, s.title])).toEqual([
      ['arms', 'Arms'],
      ['other', 'Also this week'],
    ]);
    const unthemed = withOther.sections[1].stories.flatMap((s) => s.items.map((i) => i.guid)).sort();
    expect(unthemed.length).toBeGreaterThan(0);

    const without = await build('false');
    expect(without.sections.map((s) => s.id)).toEqual(['arms']);
    const noTheme = without.excluded.filter((e) => e.reason === 'no-theme').map((e) => e.guid).sort();
    expect(noTheme).toEqual(unthemed);
  });
});

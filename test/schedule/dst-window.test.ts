// Time correctness: windows are calendar days of the digest's zone, so a 7-day window across a DST change
// is 169 or 167 hours; edition ids are the end date in the zone.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-dst-'));

async function buildAt(zone: string, now: string): Promise<Edition> {
  const cfg = path.join(dir, `${zone.replace('/', '-')}.yaml`);
  writeFileSync(
    cfg,
    `title: DST Watch
timezone: ${zone}
window: 7d
feeds:
  - name: Wire
    path: ${path.join(ROOT, 'test/fixtures/build/wire.xml')}
themes:
  - id: arms
    title: Arms
    keywords: [F-16]
state: state
`,
  );
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', cfg, '--now', now, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const id = DateTime.fromISO(now, { zone }).toISODate()!;
  return JSON.parse(readFileSync(path.join(out, id, 'digest.json'), 'utf8'));
}

const hours = (e: Edition) => DateTime.fromISO(e.edition.end).diff(DateTime.fromISO(e.edition.start), 'hours').hours;

describe('edition windows across DST', () => {
  it('Europe/Kyiv, autumn change (clocks back on 25 Oct 2026): 169 hours', async () => {
    const e = await buildAt('Europe/Kyiv', '2026-10-26T07:00:00+02:00');
    expect(e.edition.start).toBe('2026-10-19T07:00:00.000+03:00');
    expect(e.edition.end).toBe('2026-10-26T07:00:00.000+02:00');
    expect(hours(e)).toBe(169);
    expect(e.edition.id).toBe('2026-10-26');
  });

  it('Europe/Kyiv, spring change (clocks forward on 29 Mar 2026): 167 hours', async () => {
    const e = await buildAt('Europe/Kyiv', '2026-03-30T07:00:00+03:00');
    expect(e.edition.start).toBe('2026-03-23T07:00:00.000+02:00');
    expect(hours(e)).toBe(167);
  });

  it('America/New_York, spring change (8 Mar 2026): 167 hours', async () => {
    const e = await buildAt('America/New_York', '2026-03-09T07:00:00-04:00');
    expect(e.edition.start).toBe('2026-03-02T07:00:00.000-05:00');
    expect(hours(e)).toBe(167);
  });

  it('America/New_York, autumn change (1 Nov 2026): 169 hours', async () => {
    const e = await buildAt('America/New_York', '2026-11-02T07:00:00-05:00');
    expect(e.edition.start).toBe('2026-10-26T07:00:00.000-04:00');
    expect(hours(e)).toBe(169);
  });

  it('the edition id is the end date in the zone, not in UTC', async () => {
    // 23:30 UTC on the 22nd is already the 23rd in Kyiv
    const e = await buildAt('Europe/Kyiv', '2026-11-22T23:30:00Z');
    expect(e.edition.id).toBe('2026-11-23');
    expect(e.edition.end).toBe('2026-11-23T01:30:00.000+02:00');
  });
});

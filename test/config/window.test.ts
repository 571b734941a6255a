// A config's window (src/config/window.ts) is what luxon's Duration made of it before the config was read
// without luxon: the same windows refused, the same units, the same milliseconds, the same start across DST.
import { DateTime, Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import { MAX_WINDOW_DAYS, parseWindow } from '../../src/config/window.js';

/** parseWindow as it was, on luxon's Duration */
function luxonWindow(spec: string): Duration | null {
  const d = anyWindow(spec);
  if (!d || !d.isValid || !(d.toMillis() > 0) || d.as('days') > MAX_WINDOW_DAYS) return null;
  return d;
}

function anyWindow(spec: string): Duration | null {
  const short = /^\s*(\d{1,6})\s*([dhw])\s*$/i.exec(spec);
  if (short) {
    const n = Number(short[1]);
    const unit = short[2].toLowerCase();
    return Duration.fromObject(unit === 'd' ? { days: n } : unit === 'w' ? { weeks: n } : { hours: n });
  }
  if (/^P/i.test(spec.trim()) && spec.length <= 40) {
    try {
      return Duration.fromISO(spec.trim().toUpperCase());
    } catch {
      return null;
    }
  }
  return null;
}

// the night Kyiv's clocks go back, and the night they go forward
const NOWS = [DateTime.fromISO('2026-10-26T07:00:00', { zone: 'Europe/Kyiv' }), DateTime.fromISO('2026-04-01T07:00:00', { zone: 'Europe/Kyiv' })];

function expectSame(spec: string): void {
  const was = luxonWindow(spec);
  const now = parseWindow(spec);
  if (was === null) {
    expect(now, spec).toBeNull();
    return;
  }
  expect(now, spec).not.toBeNull();
  expect(now!.length, spec).toEqual(was.toObject());
  expect(now!.ms, spec).toBe(was.toMillis());
  for (const t of NOWS) expect(t.minus(now!.length).toISO(), spec).toBe(t.minus(was).toISO());
}

describe('config windows', () => {
  it('reads every short window as luxon did', () => {
    for (const unit of ['d', 'h', 'w', 'D', 'H', 'W']) {
      // all up to a year of days, the hours either side of a year (8784), and the largest
      for (let n = 0; n <= 400; n++) expectSame(`${n}${unit}`);
      for (let n = 8700; n <= 8900; n++) expectSame(`${n}${unit}`);
      for (const n of [99_999, 100_000, 999_999, 1_000_000]) expectSame(`${n}${unit}`);
    }
    for (const spec of ['7 d', ' 7d ', '\t36h\n', '07d', '0007w', '7', 'd', '7dd', '-7d', '7.5d', '7m', '', ' ']) expectSame(spec);
  });

  it('reads ISO 8601 windows as luxon did', () => {
    const specs = [
      'P7D', 'p7d', ' P7D ', 'PT36H', 'P1W', 'P2W', 'P1M', 'P12M', 'P13M', 'P1Y', 'P2Y', 'P1Y1D', 'P366D', 'P367D', 'PT8784H', 'PT8785H',
      'P1DT12H', 'PT90M', 'PT3600S', 'PT0.5S', 'PT1,5S', 'P0.5D', 'P1.5W', 'P0D', 'PT0S', 'P', 'PT', '-P7D', 'P-7D', 'P7D-', 'P1M-2D',
      'P7DT-1H', 'PT-0S', 'P1Y2M3W4DT5H6M7.008S', 'P52W', 'P53W', 'P11M30D', 'P11M31D', 'P1Q', 'PXD', 'P12345678901234567890D', 'P7D'.padEnd(41, ' '),
    ];
    for (const spec of specs) expectSame(spec);
  });
});

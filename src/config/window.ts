// An edition's look-back: "7d", "36h" or an ISO 8601 duration ("P7D", "PT36H").
// Days stay calendar days (luxon applies them in the digest's zone), so a 7-day window across a DST change
// is 167 or 169 hours, as readers expect.
// The short forms are read here, without luxon (reading a config does not load it); an ISO 8601 duration is
// read by luxon's Duration.fromISO, loaded then. Either way the window is the units luxon's Duration would hold,
// which DateTime.plus and minus take as they are.
import { createRequire } from 'node:module';
import type * as Luxon from 'luxon';

/** An edition looks back at most a year: longer is a typo, and would read every feed's whole history. */
export const MAX_WINDOW_DAYS = 366;

export interface Window {
  /** the units luxon's Duration holds (calendar units stay calendar units) */
  length: Luxon.DurationLikeObject;
  /** its length in milliseconds, a day counted as 24 hours (luxon's Duration.toMillis) */
  ms: number;
}

const HOUR_MS = 60 * 60 * 1000;
const SHORT_UNITS = {
  h: { unit: 'hours', ms: HOUR_MS, days: 1 / 24 },
  d: { unit: 'days', ms: 24 * HOUR_MS, days: 1 },
  w: { unit: 'weeks', ms: 7 * 24 * HOUR_MS, days: 7 },
} as const;

export function parseWindow(spec: string): Window | null {
  const short = /^\s*(\d{1,6})\s*([dhw])\s*$/i.exec(spec);
  if (short) {
    const n = Number(short[1]);
    const u = SHORT_UNITS[short[2].toLowerCase() as keyof typeof SHORT_UNITS];
    // hours: n / 24 > 366 exactly when n > 366 × 24
    const days = u.unit === 'hours' ? n / 24 : n * u.days;
    if (!(n > 0) || days > MAX_WINDOW_DAYS) return null;
    return { length: { [u.unit]: n }, ms: n * u.ms };
  }
  if (/^P/i.test(spec.trim()) && spec.length <= 40) {
    let d: Luxon.Duration;
    try {
      d = luxon().Duration.fromISO(spec.trim().toUpperCase());
    } catch {
      return null;
    }
    if (!d.isValid || !(d.toMillis() > 0) || d.as('days') > MAX_WINDOW_DAYS) return null;
    return { length: d.toObject(), ms: d.toMillis() };
  }
  return null;
}

/** luxon, loaded on first use (an ISO 8601 window) */
function luxon(): typeof Luxon {
  return createRequire(import.meta.url)('luxon') as typeof Luxon;
}

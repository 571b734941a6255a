// An edition's look-back: "7d", "36h" or an ISO 8601 duration ("P7D", "PT36H").
// Days stay calendar days (luxon applies them in the digest's zone), so a 7-day window across a DST change
// is 167 or 169 hours, as readers expect.
import { Duration } from 'luxon';

/** An edition looks back at most a year: longer is a typo, and would read every feed's whole history. */
export const MAX_WINDOW_DAYS = 366;

export function parseWindow(spec: string): Duration | null {
  const d = parseAnyWindow(spec);
  if (!d || !d.isValid || !(d.toMillis() > 0) || d.as('days') > MAX_WINDOW_DAYS) return null;
  return d;
}

function parseAnyWindow(spec: string): Duration | null {
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

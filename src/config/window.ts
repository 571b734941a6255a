// An edition's look-back: "7d", "36h" or an ISO 8601 duration ("P7D", "PT36H").
// Days stay calendar days (luxon applies them in the digest's zone), so a 7-day window across a DST change
// is 167 or 169 hours, as readers expect.
import { Duration } from 'luxon';

export function parseWindow(spec: string): Duration | null {
  const short = /^\s*(\d+)\s*([dhw])\s*$/i.exec(spec);
  if (short) {
    const n = Number(short[1]);
    if (n <= 0) return null;
    const unit = short[2].toLowerCase();
    return Duration.fromObject(unit === 'd' ? { days: n } : unit === 'w' ? { weeks: n } : { hours: n });
  }
  if (/^P/i.test(spec.trim())) {
    const d = Duration.fromISO(spec.trim().toUpperCase());
    if (!d.isValid || d.toMillis() <= 0) return null;
    return d;
  }
  return null;
}

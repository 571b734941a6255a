// Feed dates → ISO 8601 UTC. Accepts RFC 822/2822 (with the odd zones and wrong weekdays real feeds use),
// ISO 8601/W3C-DTF (also without zone: read as UTC), SQL-style "2024-06-03 10:00:00" (also with slashes), day-first
// dotted "20.11.2026 10:00", Unix seconds or milliseconds, JavaScript's Date#toString, asctime() and `date` output
// ("Fri Nov 20 10:00:00 UTC 2026"), a few spelled-out forms, and
// RFC 822 dates with their month named in one of nine European languages (MONTH_LOCALES).
// Impossible calendar dates (31 Feb) are errors, never rolled over into the next month as JavaScript's Date does.
import { DateTime } from 'luxon';

export type DateResult = { ok: true; iso: string } | { ok: false; reason: string };

// Zone abbreviations seen in feeds that RFC 2822 does not know; offsets in ±HHMM.
const ZONES: Record<string, string> = {
  UT: '+0000', UTC: '+0000', GMT: '+0000', Z: '+0000', WET: '+0000', BST: '+0100', IST: '+0530', CET: '+0100', MET: '+0100',
  CEST: '+0200', MEST: '+0200', EET: '+0200', EEST: '+0300', MSK: '+0300', MSD: '+0400', WEST: '+0100',
  EST: '-0500', EDT: '-0400', CST: '-0600', CDT: '-0500', MST: '-0700', MDT: '-0600', PST: '-0800', PDT: '-0700',
  AKST: '-0900', AKDT: '-0800', HST: '-1000', AST: '-0400', ADT: '-0300', NZST: '+1200', NZDT: '+1300',
  AEST: '+1000', AEDT: '+1100', ACST: '+0930', AWST: '+0800', JST: '+0900', KST: '+0900', HKT: '+0800', SGT: '+0800',
  CCT: '+0800', PHT: '+0800', WIB: '+0700', ICT: '+0700', PKT: '+0500', TRT: '+0300',
};

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

// day month year [time] [zone], weekday already removed
const RFC822ISH =
  /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2,4})(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:([A-Za-z]{1,5})|([+-]\d{1,2}):?(\d{2})?|(?:GMT|UTC)([+-]\d{1,2})(?::?(\d{2}))?)?$/;
// month day, year [time] [am/pm] [zone]; also JavaScript's Date#toString ("Nov 20 2026 10:00:00 GMT+0200")
const SPELLED =
  /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[\s,at]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?\s*(?:([A-Za-z]{1,5})|(?:GMT|UTC)?([+-]\d{2}):?(\d{2}))?$/;
// month day time [zone] year, weekday already removed: asctime() and ctime() ("Nov 20 10:00:00 2026"), and `date` with
// its zone before the year ("Nov 20 10:00:00 UTC 2026"), as feeds written by shell scripts and C programs date items
const ASCTIME = /^([A-Za-z]{3,9})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([A-Za-z]{1,5})\s+|([+-]\d{2}):?(\d{2})\s+)?(\d{4})$/;
// day.month.year [time] [zone]: the dotted form is day first wherever it is written (de, uk, ru, pl …)
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(?:([A-Za-z]{1,5})|(?:GMT|UTC)?([+-]\d{2}):?(\d{2}))?$/;

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  return n;
}

/** "±H[H]" hours and "MM" minutes → offset in minutes east of UTC, or null when out of range (+25:00, +05:75) */
function offsetMinutes(hh: string, mm = '00'): number | null {
  const h = Math.abs(Number(hh));
  const m = Number(mm);
  if (h > 23 || m > 59) return null;
  return (hh.startsWith('-') ? -1 : 1) * (h * 60 + m);
}

/** a zone name or a numeric offset → minutes east of UTC, or null when unknown */
function zoneOffset(name?: string, hh?: string, mm?: string): number | null {
  if (hh !== undefined) return offsetMinutes(hh, mm);
  if (!name) return 0;
  const z = ZONES[name.toUpperCase()];
  if (z) return offsetMinutes(z.slice(0, 3), z.slice(3));
  if (/^[A-IK-Za-ik-z]$/.test(name)) return 0; // military zones: RFC 2822 says treat as unknown → UTC
  return null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** calendar fields + offset (minutes east of UTC) → epoch ms, or null when a field is out of range (31 Feb, 25:00…) */
function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number | null, ms = 0): number | null {
  if (offset === null) return null;
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1])) return null;
  if (h > 24 || mi > 59 || s > 60 || (h === 24 && (mi > 0 || s > 0))) return null;
  let utc = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  if (y < 100) {
    // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear keeps them as written
    const fix = new Date(utc);
    fix.setUTCFullYear(y);
    utc = fix.getTime();
  }
  return utc - offset * 60_000;
}

function fromRfc822ish(s: string): number | null {
  const m = RFC822ISH.exec(s);
  if (!m) return null;
  const month = MONTHS[m[2].toLowerCase().slice(0, m[2].toLowerCase().startsWith('sept') ? 4 : 3)];
  if (!month) return null;
  // groups 10 and 11: an offset written after GMT or UTC ("GMT+0200", "UTC+3")
  const offset = m[10] !== undefined ? zoneOffset(undefined, m[10], m[11]) : zoneOffset(m[7], m[8], m[9]);
  return build(fullYear(m[3]), month, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), offset);
}

function fromSpelled(s: string): number | null {
  const m = SPELLED.exec(s);
  if (!m) return null;
  const month = MONTHS[m[1].toLowerCase().slice(0, 3)];
  if (!month) return null;
  let hour = Number(m[4] ?? 0);
  if (m[7]) hour = (hour % 12) + (m[7].toLowerCase() === 'pm' ? 12 : 0);
  const offset = zoneOffset(m[8], m[9], m[10]);
  return build(Number(m[3]), month, Number(m[2]), hour, Number(m[5] ?? 0), Number(m[6] ?? 0), offset);
}

function fromAsctime(s: string): number | null {
  const m = ASCTIME.exec(s);
  if (!m) return null;
  const month = MONTHS[m[1].toLowerCase().slice(0, 3)];
  if (!month) return null;
  return build(+m[9], month, +m[2], +m[3], +m[4], +(m[5] ?? 0), zoneOffset(m[6], m[7], m[8]));
}

function fromDotted(s: string): number | null {
  const m = DOTTED.exec(s);
  if (!m) return null;
  return build(+m[3], +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), zoneOffset(m[7], m[8], m[9]));
}

// the common W3C-DTF / RFC 3339 / SQL shapes, read without luxon (feeds have thousands of dates)
const ISO_FAST = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function fromIsoLike(s: string): number | null {
  const m = ISO_FAST.exec(s);
  if (m) {
    const zone = (m[8] ?? 'Z').toUpperCase();
    const offset = /^[+-]/.test(zone) ? offsetMinutes(zone.slice(0, 3), zone.slice(3).replace(':', '') || '00') : 0;
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), offset, ms);
  }
  // rarer ISO 8601 forms (week dates, ordinal dates, basic format): luxon; a zone-less value is read as UTC
  if (!/^\d{4}-?\d{2}/.test(s)) return null;
  const dt = DateTime.fromISO(s.replace(/\s+([+-]\d{2}:?\d{2})$/, '$1'), { zone: 'utc', setZone: true });
  return dt.isValid ? dt.toMillis() : null;
}

// The canonical RSS form ("Mon, 03 Jun 2024 09:15:00 GMT" or "+0300"), by far the most common: read directly.
const RFC822_FAST = /^(?:[A-Z][a-z]{2}, )?(\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (?:GMT|UTC|\+0000|([+-])(\d{2})(\d{2}))$/;

function fromCanonicalRfc822(s: string): number | null {
  const m = RFC822_FAST.exec(s);
  if (!m) return null;
  const month = MONTHS[m[2].toLowerCase()];
  if (!month) return null;
  const offset = m[7] ? offsetMinutes(m[7] + m[8], m[9]) : 0;
  return build(+m[3], month, +m[1], +m[4], +m[5], +m[6], offset);
}

/** a feed date string → ISO UTC, or the reason it is not a date */
export function parseFeedDate(raw: string): DateResult {
  if (raw.length > 200) return { ok: false, reason: `date "${raw.trim().slice(0, 60)}…" is not a valid date` };
  const fast = fromCanonicalRfc822(raw);
  if (fast !== null) return finish(fast, raw);
  const s = raw.replace(/\s+/g, ' ').trim();
  const bad: DateResult = { ok: false, reason: `date "${s.slice(0, 60)}" is not a valid date` };
  if (!s) return bad;
  // weekdays are dropped rather than checked: feeds often get them wrong, or write them in their own language ("Fr,",
  // "Пт,"); so is a trailing comment ("+0000 (UTC)", JavaScript's "(Eastern European Standard Time)")
  // and so is a zone's name after its offset, as Go's time.String() prints it (with a clock reading, "m=+0.01"):
  // "2026-11-20 10:00:00 +0200 EET", as Hugo writes a date its template left unformatted
  const plain = s
    .replace(/\s*\([^()]*\)$/, '')
    .replace(/([+-]\d{2}:?\d{2})\s+(?:[A-Za-z]{2,5}|[+-]\d{2}:?\d{2})(?:\s+m=[+-]\d+(?:\.\d+)?)?$/, '$1')
    .replace(/^(\d{4})\/(\d{1,2})\/(\d{1,2})(?=$|[\sT])/, (_, y: string, mo: string, d: string) => `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`);
  const withoutWeekday = plain.replace(/^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*|\p{L}{1,12}\.?,\s*(?=\d))/iu, '');
  const ms =
    fromIsoLike(plain) ?? fromRfc822ish(withoutWeekday) ?? fromSpelled(withoutWeekday) ?? fromAsctime(withoutWeekday) ?? fromDotted(withoutWeekday) ?? fromEpoch(plain) ?? fromLocalised(withoutWeekday);
  if (ms === null || !Number.isFinite(ms)) return bad;
  return finish(ms, s);
}

// Month names as CMSs that format RFC 822 dates in their site's language write them ("20 лис 2026", "20 ноября 2026",
// "20. Dez. 2026", "20 déc. 2026"), from the runtime's own locale data (ICU, through Intl): every short, long and
// genitive form of the languages below, keyed by its first four letters and by its first three. A key two months
// share ("jui": juin, juillet) is no key; the other length still tells them apart.
const MONTH_LOCALES = ['uk', 'ru', 'de', 'fr', 'es', 'it', 'pl', 'pt', 'nl'];
const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
let localMonths: Map<string, string> | null = null;

function monthKeys(): Map<string, string> {
  if (localMonths) return localMonths;
  const found = new Map<string, Set<number>>();
  const forms: Intl.DateTimeFormatOptions[] = [{ month: 'short' }, { month: 'long' }, { day: 'numeric', month: 'short' }, { day: 'numeric', month: 'long' }];
  for (const locale of MONTH_LOCALES) {
    for (const options of forms) {
      const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
      for (let month = 0; month < 12; month++) {
        const name = format.formatToParts(new Date(Date.UTC(2026, month, 15))).find((p) => p.type === 'month')?.value;
        if (!name) continue;
        const word = name.toLowerCase().replace(/\.$/, '');
        for (const key of [word.slice(0, 4), word.slice(0, 3)]) if (key.length >= 3) (found.get(key) ?? found.set(key, new Set()).get(key)!).add(month);
      }
    }
  }
  localMonths = new Map([...found].filter(([, months]) => months.size === 1).map(([key, months]) => [key, ENGLISH_MONTHS[[...months][0]]]));
  return localMonths;
}

/** a date written with a month name in one of MONTH_LOCALES' languages, or a German day ("20. Nov. 2026") */
function fromLocalised(s: string): number | null {
  const english = s
    .replace(/^(\d{1,2})\.(?=\s)/, '$1')
    .replace(/\p{L}{3,}\.?/gu, (word) => {
      const key = word.toLowerCase().replace(/\.$/, '');
      return monthKeys().get(key.slice(0, 4)) ?? monthKeys().get(key.slice(0, 3)) ?? word;
    });
  return english === s ? null : fromRfc822ish(english);
}

const EARLIEST = Date.UTC(1900, 0, 1);
const AFTER_LATEST = Date.UTC(2201, 0, 1);

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** what toISOString gives for a four-digit year, built from the fields (toISOString costs ~3× as much) */
function isoUtc(ms: number): string {
  const d = new Date(ms);
  const milli = d.getUTCMilliseconds();
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return `${date}T${time}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

/** years 1900–2200 only: anything else is a typo or a placeholder */
function finish(ms: number, s: string): DateResult {
  if (!(ms >= EARLIEST && ms < AFTER_LATEST)) return { ok: false, reason: `date "${s.slice(0, 60)}" is out of range` };
  return { ok: true, iso: isoUtc(ms) };
}

function fromEpoch(s: string): number | null {
  // some generators write Unix seconds, JavaScript ones milliseconds
  if (/^\d{12,13}$/.test(s)) return Number(s);
  return /^\d{9,10}$/.test(s) ? Number(s) * 1000 : null;
}

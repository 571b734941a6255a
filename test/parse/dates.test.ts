import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/parse/dates.js';

const iso = (s: string) => {
  const r = parseFeedDate(s);
  return r.ok ? r.iso : `invalid: ${r.reason}`;
};

describe('parseFeedDate', () => {
  it('reads RFC 822 dates with numeric and named zones', () => {
    expect(iso('Mon, 03 Jun 2024 09:15:00 +0300')).toBe('2024-06-03T06:15:00.000Z');
    expect(iso('Mon, 03 Jun 2024 09:15:00 GMT')).toBe('2024-06-03T09:15:00.000Z');
    expect(iso('Mon, 03 Jun 2024 09:15:00 EDT')).toBe('2024-06-03T13:15:00.000Z');
    expect(iso('Mon, 03 Jun 2024 09:15:00 CEST')).toBe('2024-06-03T07:15:00.000Z');
    expect(iso('Mon, 03 Jun 2024 09:15:00 MSK')).toBe('2024-06-03T06:15:00.000Z');
    expect(iso('Mon, 03 Jun 2024 09:15 +03:00')).toBe('2024-06-03T06:15:00.000Z');
  });

  it('tolerates what real feeds do: wrong weekday, no weekday, two-digit year, odd case, no zone, extra spaces', () => {
    expect(iso('Fri, 03 Jun 2024 09:15:00 GMT')).toBe('2024-06-03T09:15:00.000Z');
    expect(iso('3 Jun 2024 09:15:00 +0000')).toBe('2024-06-03T09:15:00.000Z');
    expect(iso('Mon, 03 Jun 24 09:15:00 GMT')).toBe('2024-06-03T09:15:00.000Z');
    expect(iso('mon, 03 JUNE 2024 09:15:00 gmt')).toBe('2024-06-03T09:15:00.000Z');
    expect(iso('Mon, 03 Jun 2024 09:15:00')).toBe('2024-06-03T09:15:00.000Z');
    expect(iso('  Mon,  03 Jun 2024   09:15:00 GMT\r\n ')).toBe('2024-06-03T09:15:00.000Z');
  });

  it('reads ISO 8601 / W3C-DTF, with or without zone, and SQL style', () => {
    expect(iso('2024-06-03T09:15:00+03:00')).toBe('2024-06-03T06:15:00.000Z');
    expect(iso('2024-06-03T09:15:00.123Z')).toBe('2024-06-03T09:15:00.123Z');
    expect(iso('2024-06-03T09:15:00')).toBe('2024-06-03T09:15:00.000Z');
    expect(iso('2024-06-03')).toBe('2024-06-03T00:00:00.000Z');
    expect(iso('2024-06-03 09:15:00')).toBe('2024-06-03T09:15:00.000Z');
    expect(iso('2024-06-03 09:15:00 +0200')).toBe('2024-06-03T07:15:00.000Z');
  });

  it('reads spelled-out dates', () => {
    expect(iso('June 3, 2024 9:15 PM EDT')).toBe('2024-06-04T01:15:00.000Z');
    expect(iso('June 3rd, 2024')).toBe('2024-06-03T00:00:00.000Z');
  });

  it('reads the other shapes generators write: JavaScript, day-first dotted, year-first slashed, milliseconds, a comment, a weekday in another language', () => {
    expect(iso('Fri Nov 20 2026 10:00:00 GMT+0200 (Eastern European Standard Time)')).toBe('2026-11-20T08:00:00.000Z');
    expect(iso('Fri Nov 20 2026 10:00:00 GMT+0000')).toBe('2026-11-20T10:00:00.000Z');
    expect(iso('20.11.2026 10:00')).toBe('2026-11-20T10:00:00.000Z');
    expect(iso('20.11.2026 10:00:30 +0200')).toBe('2026-11-20T08:00:30.000Z');
    expect(iso('2026/11/20 10:00:00')).toBe('2026-11-20T10:00:00.000Z');
    expect(iso('1763632800000')).toBe('2025-11-20T10:00:00.000Z');
    expect(iso('Fri, 20 Nov 2026 10:00:00 +0000 (UTC)')).toBe('2026-11-20T10:00:00.000Z');
    expect(iso('Fr, 20 Nov 2026 10:00:00 +0100')).toBe('2026-11-20T09:00:00.000Z');
    expect(iso('Пт, 20 Nov 2026 10:00:00 +0200')).toBe('2026-11-20T08:00:00.000Z');
    // still no guessing which of day and month comes first, and no rolling over
    expect(iso('11/20/2026')).toMatch(/^invalid/);
    expect(iso('31.02.2026')).toMatch(/^invalid/);
  });

  it('reads RFC 822 dates written with the month in the site\'s language: Ukrainian, Russian, German, French, Polish, Spanish, Italian', () => {
    expect(iso('Пт, 20 лис 2026 10:00:00 +0200')).toBe('2026-11-20T08:00:00.000Z');
    expect(iso('Середа, 18 листопада 2026 10:00')).toBe('2026-11-18T10:00:00.000Z');
    expect(iso('20 ноября 2026 10:00:00 +0300')).toBe('2026-11-20T07:00:00.000Z');
    expect(iso('Fr., 20. Nov. 2026 10:00:00 +0100')).toBe('2026-11-20T09:00:00.000Z');
    expect(iso('Mo, 2 März 2026 10:00:00 GMT')).toBe('2026-03-02T10:00:00.000Z');
    expect(iso('ven., 20 déc. 2026 10:00:00 +0100')).toBe('2026-12-20T09:00:00.000Z');
    expect(iso('20 juil. 2026 08:00 +0200')).toBe('2026-07-20T06:00:00.000Z');
    expect(iso('20 juin 2026 08:00 +0200')).toBe('2026-06-20T06:00:00.000Z');
    expect(iso('20 listopada 2026 10:00 +0100')).toBe('2026-11-20T09:00:00.000Z');
    expect(iso('2 ene 2026 10:00 +0100')).toBe('2026-01-02T09:00:00.000Z');
    expect(iso('2 gen 2026 10:00 +0100')).toBe('2026-01-02T09:00:00.000Z');
    // still checked as calendar dates, and a word that names no month is no date
    expect(iso('31 лют 2024')).toMatch(/^invalid/);
    expect(iso('20 Foo 2026')).toMatch(/^invalid/);
  });

  it('names what is wrong with impossible or meaningless dates', () => {
    expect(iso('31/02/2024')).toBe('invalid: date "31/02/2024" is not a valid date');
    expect(iso('2024-02-31')).toBe('invalid: date "2024-02-31" is not a valid date');
    expect(iso('Mon, 31 Feb 2024 10:00:00 GMT')).toBe('invalid: date "Mon, 31 Feb 2024 10:00:00 GMT" is not a valid date');
    expect(iso('yesterday')).toBe('invalid: date "yesterday" is not a valid date');
    expect(iso('Mon, 03 Jun 2024 09:15:00 XYZT')).toMatch(/^invalid/);
    expect(iso('0001-01-01T00:00:00Z')).toBe('invalid: date "0001-01-01T00:00:00Z" is out of range');
  });
});

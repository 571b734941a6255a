// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP date.

/** Milliseconds to wait, or null when the header is absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | null {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return null;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  // HTTP dates always name the month; without this, Date.parse reads "1.5" or "-5" as dates.
  if (!/[a-z]{3}/i.test(raw)) return null;
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

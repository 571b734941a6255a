// A window that is valid but leaves news out: shorter than the time between two scheduled editions (a weekly
// schedule with `window: 1d` covers Sunday and leaves the six days before it out of every edition, silently).
// A window longer than that needs no word: what an edition sent is left out of later ones (src/select/sent.ts), so
// the overlap repeats nothing. Said like the review warning: by `digest run` as it starts, `digest tick` when it
// builds, `digest build` and `digest status`, one line, not an error.
import path from 'node:path';
import { Cron } from 'croner';
import { DateTime } from 'luxon';
import type { DigestConfig } from '../types.js';

/** Firings looked at: enough for a weekday, monthly or yearly-irregular schedule to show its longest gap. */
const FIRINGS = 100;

export function windowWarning(config: Pick<DigestConfig, 'schedule' | 'timezone' | 'window' | 'windowSpec' | 'configPath'>, now: DateTime = DateTime.now()): string | null {
  // Compared on the wall clock: the hour a DST change adds to one gap a year ("0 */6 * * *" with window: 6h) is not
  // worth a warning at every build; calendar days are calendar days either way.
  const firings = new Cron(config.schedule, { timezone: config.timezone, paused: true })
    .nextRuns(FIRINGS, now.toJSDate())
    .map((d) => DateTime.fromJSDate(d).setZone(config.timezone).setZone('UTC', { keepLocalTime: true }));
  // the widest stretch between two firings that the later edition's window does not reach back over
  let worst: { before: DateTime; after: DateTime; missedMs: number } | null = null;
  for (let i = 1; i < firings.length; i++) {
    const before = firings[i - 1];
    const after = firings[i];
    const missedMs = after.minus(config.window).toMillis() - before.toMillis();
    if (missedMs > 0 && (!worst || missedMs > worst.missedMs)) worst = { before, after, missedMs };
  }
  if (!worst) return null;
  const shown = path.relative(process.cwd(), config.configPath) || config.configPath;
  const gap = span(worst.before, worst.after);
  return (
    `${shown}: window: ${config.windowSpec} is shorter than the ${gap.words} between two editions of schedule "${config.schedule}": ` +
    `the news of the ${span(worst.before, worst.before.plus(worst.missedMs)).words} before an edition's window is in no edition; set window: ${gap.spec}`
  );
}

/** A stretch of time in words ("6 days", "36 hours") and as a window (6d, 36h), rounded up to whole hours. */
function span(from: DateTime, to: DateTime): { words: string; spec: string } {
  const days = to.diff(from, 'days').days;
  if (Number.isInteger(days)) return { words: `${days} day${days === 1 ? '' : 's'}`, spec: `${days}d` };
  const hours = Math.ceil(to.diff(from, 'hours').hours);
  return { words: `${hours} hour${hours === 1 ? '' : 's'}`, spec: `${hours}h` };
}

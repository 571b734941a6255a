// A review setting that is valid but worth a word: `review: required` without `reviewDeadline`. Nothing closes
// such a draft but an approval or the next edition, which replaces it unsent; an operator who meant "send it
// anyway after a while" must set a deadline. Said by the scheduler (`digest run` as it starts, `digest tick` as it
// builds a draft) and by `digest status`, one line, not an error: waiting for approval is a fair choice.
import path from 'node:path';
import type { DigestConfig } from '../types.js';

export function reviewWarning(config: DigestConfig): string | null {
  const r = config.review;
  if (r?.mode !== 'required' || r.deadlineMs !== null) return null;
  const shown = path.relative(process.cwd(), config.configPath) || config.configPath;
  return (
    `${shown}: review: required without reviewDeadline: a draft nobody approves waits until the next edition is due, ` +
    'whose draft replaces it unsent; set reviewDeadline (e.g. 1d) to send or skip it sooner'
  );
}

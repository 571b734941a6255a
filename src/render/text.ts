// The plain-text part: the same edition as the HTML, wrapped at 76 columns (as a fixed-width screen counts them), every URL on a line of its own
// (so mail clients make it clickable and never break it). Carries the same tokens and section markers.

import type { EditionView } from './view.js';
import { sectionStart, sectionEnd, TOKENS } from './tokens.js';
import { fill, messages } from '../text/catalogue.js';
import { breakableParts, breaksWithin, columns } from '../text/columns.js';

export const TEXT_WIDTH = 76;

const isUrl = (word: string) => /^https?:\/\/\S+$/.test(word);

/**
 * Greedy word wrap at `width` columns (a Chinese or Japanese character takes two): a word wider than the line, or
 * in a script written without spaces (a Japanese sentence is one "word"), is broken where its script allows
 * (between dictionary words, else between characters, never inside one), except a URL, which stays whole on its
 * own line to keep working. Words joined by no-break spaces stay on one line (unbroken).
 */
export function wrap(text: string, width = TEXT_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(/[^\S\u00a0]+/).filter(Boolean)) {
    const whole = isUrl(word) || (columns(word) <= width && !breaksWithin(word));
    const parts = whole ? [word] : breakableParts(word, width);
    parts.forEach((part, i) => {
      const w = columns(part);
      // a space only between words: the parts of one word join as they were
      const gap = i === 0 ? 1 : 0;
      if (!line) [line, used] = [part, w];
      else if (used + gap + w <= width) [line, used] = [`${line}${gap ? ' ' : ''}${part}`, used + gap + w];
      else {
        lines.push(line);
        [line, used] = [part, w];
      }
    });
  }
  if (line) lines.push(line);
  return lines.map((l) => l.replace(/\u00a0/g, ' '));
}

// View text has no no-break spaces (plainLine makes every space a plain one): they mark what wrap keeps on one line.
/** `text` kept on one line by wrap ("Tue 17 Nov 2026", "3 Meldungen"), shown with plain spaces. */
const unbroken = (text: string) => text.replace(/ /g, '\u00a0');

function heading(title: string, rule: string): string[] {
  const lines = wrap(title);
  const longest = Math.max(...lines.map(columns));
  return [...lines, rule.repeat(Math.min(TEXT_WIDTH, longest))];
}

// `%%` starts a token; data must never form one.
const noTokens = (s: string) => s.replace(/%%+/g, '%');

export function renderText(view: EditionView): string {
  const m = messages(view.lang);
  const title = noTokens(view.title);
  const out: string[] = [];
  const para = (...lines: string[]) => out.push(...lines, '');
  para(...heading(noTokens(view.title), '='), ...wrap(noTokens(view.dateRange)), TOKENS.counts);
  if (view.intro) para(...wrap(noTokens(view.intro)));
  para(...wrap(m.textReadInBrowser), TOKENS.webUrl);

  para(...heading(m.inThisIssue, '-'));
  for (const s of view.sections) {
    // wrapped two columns short, for the "- " before its first line and the indent of the rest: a title too long for
    // the line starts beside its dash, not under a dash left alone
    const entry = wrap(`${noTokens(s.title)} (${unbroken(s.storyCountLabel)})`, TEXT_WIDTH - 2).map((l, i) => `${i ? ' ' : '-'} ${l}`);
    out.push(sectionStart(s.id), ...entry, sectionEnd(s.id));
  }
  out.push('');

  for (const s of view.sections) {
    out.push(sectionStart(s.id), '');
    para(...heading(noTokens(s.title), '='));
    for (const story of s.stories) {
      const meta = [story.sourcesLabel, unbroken(story.date)].filter(Boolean).join(' · ');
      para(
        ...wrap(noTokens(story.title)),
        ...wrap(noTokens(meta)),
        ...(story.summary ? ['', ...wrap(noTokens(story.summary))] : []),
        ...(story.url ? [noTokens(story.url)] : []),
      );
    }
    if (s.more) para(...wrap(`${noTokens(s.more.label)}:`), `${TOKENS.webUrl}#${s.anchor}`);
    out.push(sectionEnd(s.id));
  }

  out.push('-- ', '');
  para(...wrap(fill(m.textReceiving, { title })), TOKENS.email);
  para(...wrap(m.textChooseSections), TOKENS.preferencesUrl);
  para(...wrap(fill(m.textUnsubscribe, { title })), TOKENS.unsubscribeUrl);
  if (view.address) para(...wrap(noTokens(view.address)));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

// The plain-text part: the same edition as the HTML, wrapped at 76 columns, every URL on a line of its own
// (so mail clients make it clickable and never break it). Carries the same tokens and section markers.

import type { EditionView } from './view.js';
import { sectionStart, sectionEnd, TOKENS } from './tokens.js';
import { fill, messages } from '../text/catalogue.js';

export const TEXT_WIDTH = 76;

const isUrl = (word: string) => /^https?:\/\/\S+$/.test(word);

/** A word longer than the line is cut into pieces, except a URL, which must stay whole to keep working. */
function pieces(word: string, width: number): string[] {
  const chars = Array.from(word);
  if (chars.length <= width || isUrl(word)) return [word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

/** Greedy word wrap at `width` columns; a URL longer than that stays whole on its own line. */
export function wrap(text: string, width = TEXT_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean).flatMap((w) => pieces(w, width))) {
    const len = Array.from(word).length;
    if (!line) line = word;
    else if (Array.from(line).length + 1 + len <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function heading(title: string, rule: string): string[] {
  const lines = wrap(title);
  const longest = Math.max(...lines.map((l) => Array.from(l).length));
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
    out.push(sectionStart(s.id), ...wrap(`- ${noTokens(s.title)} (${s.storyCountLabel})`).map((l, i) => (i ? `  ${l}` : l)), sectionEnd(s.id));
  }
  out.push('');

  for (const s of view.sections) {
    out.push(sectionStart(s.id), '');
    para(...heading(noTokens(s.title), '='));
    for (const story of s.stories) {
      const meta = [story.sourcesLabel, story.date].filter(Boolean).join(' · ');
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

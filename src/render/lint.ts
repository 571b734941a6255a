// Checks MJML's own validation does not make, on the filled template, reported at the template line:
// - MJML's parser quietly mends unclosed or stray MJML tags, which turns a typo into a puzzling layout;
// - an image without alt text is unreadable for screen readers and when images are blocked.

import { UserError } from '../errors.js';
import { displayPath, type Expanded } from './template.js';

const MJ_TAG = /<(\/?)(mjml|mj-[\w-]+)\b[^>]*?(\/?)>/g;

const IMAGE = /<(mj-image|img)\b([^>]*)>/g;

export function lintMjml(expanded: Expanded): void {
  // comments may hold commented-out markup; blank them, keeping offsets
  const text = expanded.text.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
  const lineOf = lineCounter(text);
  const where = (offset: number) => {
    const origin = expanded.origins[lineOf(offset) - 1];
    return origin ? `${displayPath(origin.file)} line ${origin.line}` : `line ${lineOf(offset)}`;
  };
  for (const m of text.matchAll(IMAGE)) {
    // alt="" is allowed: it marks a purely decorative image
    if (!/\salt\s*=/.test(m[2])) throw new UserError(`${where(m.index ?? 0)}: <${m[1]}> needs an alt="…" text (alt="" for a decorative image)`);
  }
  const open: Array<{ name: string; at: number }> = [];
  for (const m of text.matchAll(MJ_TAG)) {
    const [, closing, name, selfClosing] = m;
    const at = m.index ?? 0;
    if (selfClosing) continue;
    if (!closing) {
      open.push({ name, at });
      continue;
    }
    const top = open.pop();
    if (!top) throw new UserError(`${where(at)}: </${name}> closes an element that was never opened`);
    if (top.name === name) continue;
    // Either the open element was never closed, or this closing tag is one too many.
    if (open.some((o) => o.name === name)) throw new UserError(`${where(top.at)}: <${top.name}> is never closed (found </${name}> at ${where(at)})`);
    throw new UserError(`${where(at)}: </${name}> has no open <${name}> to close (inside <${top.name}> from ${where(top.at)})`);
  }
  const unclosed = open.pop();
  if (unclosed) throw new UserError(`${where(unclosed.at)}: <${unclosed.name}> is never closed`);
}

/** Line number (1-based) of an offset. */
function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let [lo, hi] = [0, starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

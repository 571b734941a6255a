// The HTML part of the short automatic mails (the confirmation, "already subscribed", the welcome, the editors'
// mails): their paragraphs as written, a line that is a whole web address made a link. Read on a phone, such a
// link must not make the mail wider than the screen (a token is some 80 characters with no place to break, and a
// mail app then scrolls sideways or shrinks the text to fit), so it may break anywhere; and it reads left to right
// in a right-to-left mail, as an address does. The viewport line lets a phone lay the mail out at its own width.
import { escapeHtml } from '../text/escape.js';
import { isRtl } from '../text/catalogue.js';

const WHOLE_URL = /^https?:\/\/\S+$/;

/** `paragraphs`: each a list of lines (shown with line breaks between them). */
export function shortMailHtml(locale: string, paragraphs: string[][]): string {
  const line = (l: string) => {
    const t = l.trim();
    return WHOLE_URL.test(t) ? `<a href="${escapeHtml(t)}" dir="ltr" style="word-break:break-all;overflow-wrap:anywhere">${escapeHtml(t)}</a>` : escapeHtml(l);
  };
  return `<!doctype html><html lang="${escapeHtml(locale)}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}"><head><meta name="viewport" content="width=device-width,initial-scale=1"></head><body>${paragraphs
    .map((p) => `<p>${p.map(line).join('<br>')}</p>`)
    .join('')}</body></html>`;
}

// The one escaper for text put into HTML or XML (pages, email parts, feeds, re-serialised feed markup).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;

/**
 * Text made safe as HTML or XML element content and as a quoted attribute value (either quote):
 * & < > " ' become entities. `&#39;` rather than `&apos;`, which HTML 4 mail clients do not know.
 */
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ENTITIES[c]) : text;
}

// The colours of the readers' pages (subscribe, confirm, preferences, unsubscribe, the archive's list), light and
// dark: a reader whose system is dark gets light text on a dark ground instead of a white page at night. Every text
// keeps at least 4.5:1 against its ground in both (WCAG AA), the muted grey and the links too; `color-scheme` has the
// browser draw the form's field, boxes and button dark as well. Inline, as the pages' Content-Security-Policy allows.
export const READER_COLOURS =
  ':root{color-scheme:light dark}body{color:#222;background:#fff}.muted{color:#666}' +
  '@media (prefers-color-scheme:dark){body{color:#e6e6e6;background:#121212}.muted{color:#a3a3a3}a{color:#8ab4f8}a:visited{color:#c58af9}}';

// Show the email in light or dark whatever the editor's own OS setting: rewrite the template's
// `prefers-color-scheme` media queries so the chosen one always applies and the other never does.
export type Scheme = 'light' | 'dark';

const QUERY = /@media\s*\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)/gi;

export function forceColorScheme(html: string, scheme: Scheme): string {
  return html.replace(QUERY, (_m, which: string) => (which.toLowerCase() === scheme ? '@media all' : '@media not all'));
}

/** Whether the email has styles of its own for dark mode (otherwise clients may invert it their way). */
export function hasDarkStyles(html: string): boolean {
  return /prefers-color-scheme\s*:\s*dark/i.test(html);
}

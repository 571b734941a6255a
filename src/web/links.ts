// Links between the pages of `digest serve`, relative to the page they are on, so they work the same at the root of
// a host and under a path (`https://example.org/digest/`, a proxy passing `/digest/` to serve's `/`), whatever the
// path: serve needs no setting for it, and a page reached directly (127.0.0.1:8080) links to itself too.

/**
 * The way from a page back to the app's root, as a relative link ('' from /archive or /desk, '../' from /archive/,
 * /archive/<id> or /desk/login, '../../' from /desk/auth/<token>). Counted from the path as the browser sent it,
 * so `/desk/` (with its trailing slash) gets one more `../` than `/desk`, as the browser resolves it.
 */
export function toRoot(pathname: string): string {
  return '../'.repeat(Math.max(0, pathname.split('/').length - 2));
}

/** The relative link from the page at `from` (a request's path) to the app's `to` (`desk/login`, no leading slash). */
export function linkFrom(from: string, to: string): string {
  return `${toRoot(from)}${to}`;
}

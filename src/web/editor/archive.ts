// The public archive of `digest serve`: /archive (list), /archive/:id (an edition as a web page, the
// email's "view in browser" link) and /feed.xml (Atom). Editions come from the out folder; only those the
// store marks sent are listed, unless `includeUnsent` (for previews).
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DigestConfig, Edition } from '../../types.js';
import { oneLine } from '../../errors.js';
import type { Store } from '../../store/types.js';
import { SAMPLE_RECIPIENT } from '../../pipeline/write.js';
import { editionWebUrl } from '../../render/index.js';
import { buildSubject } from '../../render/subject.js';
import { allowImagesFrom, sendHtml } from '../http.js';
import { toRoot } from '../links.js';
import { READER_COLOURS } from '../reader-colours.js';
import { escapeHtml } from '../../text/escape.js';
import { isRtl, messages } from '../../text/catalogue.js';
import { storiesLabel } from '../../render/view.js';
import type { Router } from '../router.js';
import { atomFeed } from './atom.js';
import { renderWebEdition } from './web-edition.js';
import { listStoredEditions, readEditionHtml, readStoredEdition, storyCount, type StoredEdition } from './editions.js';

export interface ArchiveOptions {
  /** folder holding `<id>/digest.json`; default `out` in the working directory (as `digest build`) */
  outDir?: string;
  /** list editions that were built but never sent (preview only) */
  includeUnsent?: boolean;
}

export interface ArchiveDeps {
  config: DigestConfig;
  /** when the edition went out, or null if it did not */
  sentAt: (editionId: string) => string | null;
  log?: (line: string) => void;
}

/**
 * For `createWebServer({ …, extraRoutes: [archiveRoutes()] })`: adds /archive, /archive/:id and /feed.xml,
 * asking the server's store which editions were sent.
 */
export function archiveRoutes(
  opts: ArchiveOptions = {},
): (router: Router, deps: { config: DigestConfig; store: Store; log?: (line: string) => void }) => void {
  return (router, deps) =>
    addArchiveRoutes(router, { config: deps.config, sentAt: (id) => deps.store.getEdition(id)?.sentAt ?? null, log: deps.log }, opts);
}

export function addArchiveRoutes(router: Router, deps: ArchiveDeps, opts: ArchiveOptions = {}): void {
  const outDir = path.resolve(opts.outDir ?? 'out');
  const site = deps.config.title;
  const locale = deps.config.locale ?? 'en';
  const published = (): { stored: StoredEdition; sentAt: string | null }[] =>
    listStoredEditions(outDir)
      .map((stored) => ({ stored, sentAt: deps.sentAt(stored.id) }))
      .filter((e) => e.sentAt !== null || opts.includeUnsent);

  router.get('/archive', ({ res, url }) => sendHtml(res, 200, archiveList(site, published(), locale, toRoot(url.pathname))));

  const pages = new WeakMap<Edition, Promise<string | null>>();
  // the web copy shows the masthead logo, from where the config says it is (https only)
  const logo = deps.config.email.logo;
  const images = allowImagesFrom([logo?.src, logo?.darkSrc].filter((src): src is string => !!src).map((src) => new URL(src).origin));
  router.get('/archive/:id', async ({ res, params, url }) => {
    const stored = readStoredEdition(outDir, params.id);
    if (!stored || !(opts.includeUnsent || deps.sentAt(stored.id) !== null)) return sendHtml(res, 404, notFound(site, locale, toRoot(url.pathname)));
    // rendered once per version of digest.json (the reader caches the parsed edition by mtime)
    let page = pages.get(stored.edition);
    if (!page) {
      page = webPage(stored, deps.config, deps.log);
      pages.set(stored.edition, page);
    }
    const html = await page;
    if (!html) return sendHtml(res, 404, notFound(site, locale, toRoot(url.pathname)));
    sendHtml(res, 200, html, images);
  });

  // an empty feed's <updated> must not change from one request to the next (feed readers would see a change each
  // time): it is when serve started, until an edition goes out
  const startedAt = new Date().toISOString();
  router.get('/feed.xml', ({ req, res }) => {
    const entries = published().map(({ stored, sentAt }) => ({
      edition: stored.edition,
      url: editionWebUrl(deps.config, stored.id),
      title: buildSubject(stored.edition, deps.config),
      updated: sentAt ?? stored.edition.edition.end,
    }));
    const base = deps.config.email.baseUrl.replace(/\/+$/, '');
    const body = atomFeed({
      title: site,
      archiveUrl: `${base}/archive`,
      selfUrl: `${base}/feed.xml`,
      entries,
      emptyUpdated: startedAt,
    });
    const buf = Buffer.from(body, 'utf8');
    // feed readers poll: one that has this very feed gets 304 and no body (RFC 9110 If-None-Match, weak comparison)
    const etag = `"${createHash('sha256').update(buf).digest('base64url').slice(0, 22)}"`;
    const caching = { ETag: etag, 'Cache-Control': 'public, max-age=300' };
    const known = String(req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (known.includes(etag) || known.includes('*')) {
      res.writeHead(304, caching);
      return void res.end();
    }
    res.writeHead(200, {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Content-Length': String(buf.length),
      ...caching,
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(res.req?.method === 'HEAD' ? undefined : buf);
  });
}

/** Every story of the edition; if the templates cannot render it, the email as written (digest.html). */
async function webPage(stored: StoredEdition, config: DigestConfig, log?: (line: string) => void): Promise<string | null> {
  try {
    return await renderWebEdition(stored.edition, config);
  } catch (err) {
    log?.(`archive ${stored.id}: cannot render the web page (${oneLine(err)}); serving digest.html`);
    const html = readEditionHtml(stored);
    return html === null ? null : asWebPage(html, config);
  }
}

/**
 * The written digest.html is the copy sent to a sample subscriber; on the web it must not carry that
 * subscriber's unsubscribe/preferences links or address.
 */
export function asWebPage(html: string, config: DigestConfig): string {
  const base = config.email.baseUrl.replace(/\/+$/, '');
  const subscribe = escapeHtml(`${base}/subscribe`);
  return html
    .split(escapeHtml(`${base}/u/sample`)).join(subscribe)
    .split(escapeHtml(`${base}/preferences/sample`)).join(subscribe)
    .split(escapeHtml(SAMPLE_RECIPIENT)).join('you');
}

function layout(site: string, heading: string, body: string, locale: string, root: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(heading)} · ${escapeHtml(site)}</title>
<link rel="alternate" type="application/atom+xml" title="${escapeHtml(site)}" href="${root}feed.xml">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;overflow-wrap:anywhere}
li{margin:.6rem 0}.muted{font-size:.9em}${READER_COLOURS}</style></head>
<body><p class="muted" dir="auto">${escapeHtml(site)}</p><h1 dir="auto">${escapeHtml(heading)}</h1>
${body}
</body></html>`;
}

function archiveList(site: string, editions: { stored: StoredEdition; sentAt: string | null }[], locale: string, root: string): string {
  const m = messages(locale);
  if (editions.length === 0) return layout(site, m.archiveHeading, `<p>${escapeHtml(m.noEditions)}</p>`, locale, root);
  const items = editions.map(({ stored, sentAt }) => {
    const e = stored.edition;
    const lead = e.sections[0]?.stories[0]?.title ?? '';
    const n = storyCount(e);
    return `<li><a href="${root}archive/${encodeURIComponent(stored.id)}">${escapeHtml(e.edition.title)} · ${escapeHtml(stored.id)}</a>` +
      `<br><span class="muted">${escapeHtml(storiesLabel(n, locale))}${lead ? ` · <span dir="auto">${escapeHtml(lead)}</span>` : ''}${sentAt ? '' : ` · ${escapeHtml(m.notSent)}`}</span></li>`;
  });
  return layout(site, m.archiveHeading, `<ul>\n${items.join('\n')}\n</ul>\n<p><a href="${root}feed.xml">${escapeHtml(m.atomFeed)}</a></p>`, locale, root);
}

function notFound(site: string, locale: string, root: string): string {
  const m = messages(locale);
  return layout(site, m.notFoundHeading, `<p>${escapeHtml(m.noEditionHere)} <a href="${root}archive">${escapeHtml(m.seeArchive)}</a>.</p>`, locale, root);
}

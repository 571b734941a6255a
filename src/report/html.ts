// report.html: one self-contained page (inline CSS, a little inline JS) that explains every item of an
// edition. Everything that came from a feed is escaped; links are kept only when they are http(s).
// The same edition always gives the same bytes (no clock, no generatedAt).
import { DateTime } from 'luxon';
import type { AppliedCorrection, Edition } from '../types.js';
import type { Shortened } from '../render/index.js';
import { plural } from '../render/view.js';
import { escapeHtml } from '../text/escape.js';
import { explainEdition, feedFailureText, feedNotes, outcomeLabel, outcomesOf, type FeedRow, type ItemRow, type ReportModel } from './model.js';

/** Across-runs health of a feed, when the caller knows it (the preview does; a written edition does not). */
export interface FeedHealthNote {
  consecutiveFailures: number;
  lastSuccess: string | null;
}

export interface ReportOptions {
  health?: Record<string, FeedHealthNote | undefined>;
  /** how the email was shortened to stay under Gmail's clipping size, when it was */
  shortened?: Shortened;
}

export function renderReport(edition: Edition, opts: ReportOptions = {}): string {
  return breakLongRuns(reportPage(explainEdition(edition), opts));
}

// a run of this many characters without a space gets a break opportunity every RUN_PIECE of them
const LONG_RUN = 30;
const RUN_PIECE = 24;

/**
 * `<wbr>` every 24 characters of a run of 30 or more without a space (a link given as a title, a 300-letter headline,
 * a German compound as a section's name) in the page's text, so the table cell holding it can be as narrow as the
 * window leaves it: a table is at least as wide as its longest unbreakable word, and one such run made the report
 * thousands of pixels wide. Other words keep their shape (CSS breaking anywhere would let narrow columns break "12"
 * or "#3" too); the text reads and copies as before. Tags, and what is inside script, style, title and option, are
 * left as they are.
 */
function breakLongRuns(html: string): string {
  return html.replace(/<(script|style|title|option)\b[\s\S]*?<\/\1>|<[^>]*>|[^<]+/gi, (part) => {
    if (part.startsWith('<')) return part;
    return part.replace(/(?:&[#\w]+;|[^\s&])+/g, (run) => {
      // an entity (&amp;) or a character with its marks is one unit, never split
      const units = [...run.matchAll(/&[#\w]+;|[^&]/gu)].map((u) => u[0]);
      if (units.length < LONG_RUN) return run;
      return graphemeUnits(units).reduce((out, unit, i) => (i > 0 && i % RUN_PIECE === 0 ? `${out}<wbr>${unit}` : out + unit), '');
    });
  });
}

/** units (code points and entities) joined where a character continues with a mark or a joiner */
function graphemeUnits(units: string[]): string[] {
  const out: string[] = [];
  for (const u of units) {
    if (out.length && /^[\p{M}\u200d\ufe0f]/u.test(u)) out[out.length - 1] += u;
    else out.push(u);
  }
  return out;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Which sections the email shows fewer stories of than the edition has (the rest are linked in the web copy). */
function shortenedSection(s: Shortened | undefined): string {
  if (!s) return '';
  const shown = s.sections.reduce((n, x) => n + x.shown, 0);
  const total = s.sections.reduce((n, x) => n + x.total, 0);
  const over = s.bytes > s.budget;
  const rows = s.sections
    .filter((x) => x.shown < x.total)
    .map((x) => `<tr><td>${escapeHtml(x.title)}</td><td>${x.shown}</td><td>${x.total}</td></tr>`);
  return `<section id="email-size"><h2>The email, shortened</h2>
<p${over ? '' : ' class="muted"'}>The email shows ${shown} of the ${total} stories, to keep its HTML part under Gmail's clipping size: ${kib(s.bytes)} of ${kib(s.budget)} as sent.${
    over ? ' <strong>Even with each section\'s heading alone it is over: Gmail will clip it, hiding the footer with its unsubscribe link; fewer themes (sections) would fit.</strong>' : ''
  } Each shortened section ends with a link to the rest in the web copy.</p>
<table class="shortened"><thead><tr><th>Section</th><th>In the email</th><th>In the edition</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</section>`;
}


/** Only web links become links: a feed must not be able to plant `javascript:` in the report. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function when(iso: string | null, zone: string): string {
  if (!iso) return '';
  const dt = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  return dt.isValid ? dt.toFormat('yyyy-LL-dd HH:mm') : iso;
}

function reportPage(m: ReportModel, opts: ReportOptions): string {
  const e = m.edition;
  const title = `${e.title} · ${e.id} · explain-and-cut report`;
  const total = m.rows.length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>${CSS}</style></head>
<body>
<header><h1>${escapeHtml(e.title)} <small>edition ${escapeHtml(e.id)}</small></h1>
<p class="muted">Window ${escapeHtml(when(e.start, e.timezone))} – ${escapeHtml(when(e.end, e.timezone))} (${escapeHtml(e.timezone)}).
${plural(total, 'item')} from ${plural(m.feeds.length, 'feed')}: ${m.byOutcome.story} in stories, ${total - m.byOutcome.story} left out.</p></header>
${shortenedSection(opts.shortened)}${correctionsSection(m)}
<section id="health"><h2>Feed health</h2>
${healthTable(m.feeds, e.timezone, opts)}
</section>
<section id="items"><h2>Every item and what happened to it</h2>
<form id="filters" role="search" onsubmit="return false">
<label>Feed <select id="f-feed" name="feed"><option value="">all feeds</option>
${m.feeds.map((f) => `<option value="${escapeHtml(f.id)}">${escapeHtml(f.name)} (${f.accounted})</option>`).join('\n')}
</select></label>
<label>Outcome <select id="f-outcome" name="reason"><option value="">all outcomes</option>
${outcomesOf(m.byOutcome).filter((o) => m.byOutcome[o] > 0)
  .map((o) => `<option value="${escapeHtml(o)}">${escapeHtml(outcomeLabel(o))} (${m.byOutcome[o]})</option>`)
  .join('\n')}
</select></label>
<label>Search <input id="f-q" name="q" type="search" placeholder="title, feed, story, reason…"></label>
<output id="f-count" aria-live="polite">${total} of ${plural(total, 'item')}</output>
</form>
<table id="rows"><thead><tr><th>Feed</th><th>Item</th><th>Outcome</th><th>Why</th></tr></thead>
<tbody>
${m.rows.map((r) => itemRow(r, e.timezone)).join('\n')}
</tbody></table>
<p id="none" hidden>No item matches these filters.</p>
</section>
<script>${SCRIPT}</script>
</body></html>
`;
}

const KIND_LABELS: Record<AppliedCorrection['kind'], string> = {
  drop: 'dropped',
  pin: 'pinned to the top',
  move: 'moved',
  merge: 'merged',
  split: 'split out',
  title: 'retitled',
  summary: 'summary rewritten',
  intro: 'introduction',
};

/** Each correction: who, when, what, the machine's decision it replaced, and whether it still applies. */
function correctionsSection(m: ReportModel): string {
  if (m.corrections.length === 0) return '';
  const zone = m.edition.timezone;
  const rows = m.corrections.map((c) => {
    const what = c.kind === 'move' ? `${KIND_LABELS.move} to <code>${escapeHtml(c.value ?? '')}</code>`
      : c.value !== undefined && c.kind !== 'intro' ? `${KIND_LABELS[c.kind]}: <q>${escapeHtml(c.value)}</q>`
      : c.kind === 'intro' ? `${KIND_LABELS.intro}${c.value ? `: <q>${escapeHtml(c.value)}</q>` : ' removed'}` : KIND_LABELS[c.kind];
    const status = c.status === 'applied' ? '<span class="badge o-story">applied</span>' : '<span class="badge o-invalid">vanished</span>';
    return `<tr id="correction-${c.id}" data-status="${c.status}"><td>#${c.id}</td><td>${what}</td><td>${escapeHtml(c.by)}<div class="small muted">${escapeHtml(when(c.at, zone))}</div></td>` +
      `<td>${c.machine ? escapeHtml(c.machine) : '<span class="muted">—</span>'}</td><td>${status}${c.note ? `<div class="small">${escapeHtml(c.note)}</div>` : ''}</td></tr>`;
  });
  const vanished = m.corrections.filter((c) => c.status === 'vanished').length;
  return `<section id="corrections"><h2>Editors' corrections</h2>
<p class="muted">${m.corrections.length} correction${m.corrections.length === 1 ? '' : 's'}${vanished ? `, ${vanished} no longer applying (their items are gone)` : ''}.${m.intro ? ` Introduction: <q>${escapeHtml(m.intro)}</q>` : ''}</p>
<table class="corrections"><thead><tr><th>#</th><th>Correction</th><th>By</th><th>The machine had</th><th>Now</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</section>`;
}

function healthTable(feeds: FeedRow[], zone: string, opts: ReportOptions): string {
  const head = '<tr><th>Feed</th><th>Status</th><th>Items</th><th>In stories</th><th>Left out</th><th>Note</th></tr>';
  const body = feeds.map((f) => {
    const notes = f.status === 'error' ? [] : feedNotes(f);
    const cells: string[] = [];
    // a failed feed whose items came from its last good copy says so, and from when
    if (f.error) cells.push(escapeHtml(f.status === 'error' ? feedFailureText(f) : f.error));
    const h = opts.health?.[f.id];
    if (h && h.consecutiveFailures > 0) {
      cells.push(
        `failing ${h.consecutiveFailures} run${h.consecutiveFailures === 1 ? '' : 's'} in a row` +
          (h.lastSuccess ? `, last success ${escapeHtml(when(h.lastSuccess, zone))}` : ', never succeeded'),
      );
    }
    // Every item a feed returned must be accounted for (contract §3); say so when it is not.
    const pages = f.articles?.length ?? 0;
    if (pages > 0) cells.push(`${pages} item page${pages === 1 ? '' : 's'} gave no article (feed text kept): ${f.articles!.map((a) => `${escapeHtml(a.url)} — ${escapeHtml(a.error)}`).join('; ')}`);
    if (f.accounted !== f.items) cells.push(`<strong>${f.items} returned but ${f.accounted} accounted for</strong>`);
    const cuts = outcomesOf(f.byOutcome).filter((o) => o !== 'story' && f.byOutcome[o] > 0)
      .map((o) => `${f.byOutcome[o]} ${escapeHtml(outcomeLabel(o))}`)
      .join(', ');
    return `<tr class="st-${escapeHtml(f.status)}" data-feed="${escapeHtml(f.id)}"><td><a href="?feed=${encodeURIComponent(f.id)}#items">${escapeHtml(f.name)}</a> <code>${escapeHtml(f.id)}</code></td>` +
      // a feed read after repair (or with guids told apart by link) is ok, and says so next to its status
      `<td><span class="badge st-${escapeHtml(f.status)}">${escapeHtml(f.status)}</span>${notes.length === 0 ? '' : ` <span class="small">(${escapeHtml(notes.join('; '))})</span>`}</td><td>${f.items}</td><td>${f.inStories}</td>` +
      `<td>${f.excluded}${cuts ? ` <span class="muted">(${cuts})</span>` : ''}</td><td>${cells.join('; ')}</td></tr>`;
  });
  return `<table class="health"><thead>${head}</thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

function itemRow(r: ItemRow, zone: string): string {
  const href = safeHref(r.url);
  const title = escapeHtml(r.title || '(untitled)');
  const link = href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank">${title}</a>` : title;
  const search = [r.title, r.feedName, r.feed, r.guid, outcomeLabel(r.outcome), r.detail ?? '', r.articleError ?? '', r.story?.storyTitle ?? '', r.story?.sectionTitle ?? '', r.duplicateOf?.story?.storyTitle ?? '', r.duplicateOf?.title ?? '']
    .join(' ')
    .toLowerCase();
  const anchor = r.outcome === 'story' ? ` id="item-${escapeHtml(cssId(r.key))}"` : '';
  return `<tr${anchor} data-feed="${escapeHtml(r.feed)}" data-outcome="${escapeHtml(r.outcome)}" data-search="${escapeHtml(search)}">` +
    `<td>${escapeHtml(r.feedName)}</td>` +
    `<td>${link}<div class="muted small"><code>${escapeHtml(r.guid)}</code>${dateLine(r, zone)}</div></td>` +
    `<td><span class="badge o-${escapeHtml(r.outcome)}">${escapeHtml(outcomeLabel(r.outcome))}</span></td>` +
    `<td>${explanation(r)}${r.articleError ? `<div class="small article-error">feed text only: the page gave no article (${escapeHtml(r.articleError)})</div>` : ''}</td></tr>`;
}

/**
 * ` · 2026-11-20 12:00`, ` · undated (first seen …)`, or the date the feed gave that could not be read; a dated item
 * seen before its date (placed by when it was seen) says so
 */
function dateLine(r: ItemRow, zone: string): string {
  const seen = r.firstSeen ? ` ${escapeHtml(when(r.firstSeen, zone))}` : '';
  if (r.published) return ` · ${escapeHtml(when(r.published, zone))}${r.firstSeen ? ` (first seen${seen}, and placed by it)` : ''}`;
  if (r.dateProblem) return ` · <span class="date-problem">${escapeHtml(r.dateProblem)}; placed by when first seen${seen}</span>`;
  return r.firstSeen ? ` · undated (first seen${seen})` : '';
}

function explanation(r: ItemRow): string {
  if (r.story) {
    const s = r.story;
    const edited = s.corrections.length
      ? ` <span class="badge edited">edited ${s.corrections.map((id) => `<a href="#correction-${id}">#${id}</a>`).join(' ')}</span>`
      : '';
    return `<span class="story">${escapeHtml(s.sectionTitle)} › #${s.rank} <q>${escapeHtml(s.storyTitle)}</q></span>${edited}` +
      (s.sources.length > 1 ? `<div class="small muted">told by ${s.sources.map(escapeHtml).join(', ')}</div>` : '') +
      (s.why.length ? `<div class="small">${s.why.map(escapeHtml).join(' · ')}</div>` : '');
  }
  const d = r.duplicateOf;
  if (d) {
    const target = d.title ? `<q>${escapeHtml(d.title)}</q> <code>${escapeHtml(d.key)}</code>` : `<code>${escapeHtml(d.key)}</code>`;
    const holder = d.story
      ? ` — told in story “<a class="story" href="#item-${escapeHtml(cssId(d.key))}">${escapeHtml(d.story.storyTitle)}</a>” (${escapeHtml(d.story.sectionTitle)})`
      : d.excludedAs
        ? ` — itself left out (${escapeHtml(outcomeLabel(d.excludedAs))})`
        : ' — not in this edition';
    return `duplicate of ${target}${holder}`;
  }
  return escapeHtml(r.detail ?? outcomeLabel(r.outcome));
}

/** An id attribute value from an item key (keys hold URLs and colons). */
function cssId(key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) >>> 0;
  return `${key.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60)}-${h.toString(36)}`;
}

const CSS = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;overflow-wrap:break-word;margin:0 auto;max-width:75rem;padding:1rem;color:#1d1d1d;background:#fff}
h1{font-size:1.4rem;margin:.2rem 0}h1 small{font-weight:normal;color:#666;font-size:1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #e3e3e3}
th{background:#f4f4f4;position:sticky;top:0}.muted{color:#666}.small{font-size:12px}code{font-size:11px;color:#555;word-break:break-all}
.badge{display:inline-block;padding:0 .4rem;border-radius:.6rem;font-size:12px;background:#eee;white-space:nowrap}
.o-story,.badge.st-ok{background:#dff3e3}.o-duplicate{background:#e4ecfb}.o-outside-window,.badge.st-not-modified{background:#f1f1e0}
.o-out-of-scope,.o-no-theme,.o-not-an-article,.o-roundup,.o-dropped,.o-over-limit{background:#f6e9d9}.badge.edited{background:#fff0b3;white-space:normal}.o-already-sent{background:#ece3f6}.o-invalid,.badge.st-error{background:#f8dcdc}
tr.st-error td{background:#fdf2f2}#filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:.5rem 0}
#filters input,#filters select{font:inherit;padding:.2rem .3rem}#f-q{min-width:16rem}q{quotes:"“" "”"}
tr:target td{background:#fff6bf}
@media (prefers-color-scheme:dark){body{background:#161616;color:#e6e6e6}th{background:#262626}td,th{border-color:#333}.muted,code{color:#aaa}
.badge{color:#111}tr.st-error td{background:#3a1f1f}tr:target td{background:#4a4420}a{color:#8ab4f8}}`;

// Filters by feed, outcome and free text; also reads ?feed=&reason=&q= so a filtered view can be linked.
const SCRIPT = `(function(){
var feed=document.getElementById('f-feed'),out=document.getElementById('f-outcome'),q=document.getElementById('f-q');
var rows=[].slice.call(document.querySelectorAll('#rows tbody tr')),count=document.getElementById('f-count'),none=document.getElementById('none');
var p=new URLSearchParams(location.search);
function pick(sel,v){if(v&&[].some.call(sel.options,function(o){return o.value===v}))sel.value=v;}
pick(feed,p.get('feed'));pick(out,p.get('reason'));if(p.get('q'))q.value=p.get('q');
function apply(){var f=feed.value,o=out.value,words=q.value.toLowerCase().split(/\\s+/).filter(Boolean),shown=0;
rows.forEach(function(r){var ok=(!f||r.dataset.feed===f)&&(!o||r.dataset.outcome===o)&&words.every(function(w){return r.dataset.search.indexOf(w)>=0});
r.hidden=!ok;if(ok)shown++;});count.textContent=shown+' of '+rows.length+(rows.length===1?' item':' items');none.hidden=shown>0;}
feed.addEventListener('change',apply);out.addEventListener('change',apply);q.addEventListener('input',apply);apply();
// a link to a story's item must show it even when the filters hide it
function reveal(){var t=location.hash&&document.getElementById(decodeURIComponent(location.hash.slice(1)));
if(t&&t.hidden){feed.value='';out.value='';q.value='';apply();t.scrollIntoView();}}
window.addEventListener('hashchange',reveal);reveal();
})();`;

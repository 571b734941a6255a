// The desk: an edition's stories, each with its actions (drop, pin, move, merge, split an item out,
// retitle, rewrite the summary), the introduction, the corrections so far, and approval. Plain forms,
// no script: it works the same in the preview's tab and on `digest serve`. Everything is escaped; feed and
// editor text takes its direction from itself (dir="auto"), as in the email, so Arabic or Hebrew reads right.
import type { AppliedCorrection, Edition, Story } from '../../types.js';
import { MAX_INTRO, MAX_SUMMARY, MAX_TITLE } from '../../render/view.js';
import { escapeHtml } from '../../text/escape.js';
import { failedFeedsNote } from '../../desk/failed-feeds.js';

/** What the last desk action did; `story`: the id of the story it changed, as it now is (a link leads back to it). */
export interface DeskMessage {
  kind: 'done' | 'error';
  text: string;
  story?: string | null;
}

export interface DeskView {
  edition: Edition;
  /** the edition's lifecycle state, or `preview` for the preview's live build */
  state: string;
  approvedBy?: string | null;
  /** sections a story can be moved to (the config's, in order) */
  sections: { id: string; title: string }[];
  /** where the forms post: `${base}/edit`, `${base}/undo`, `${base}/approve` */
  base: string;
  csrf: string;
  canApprove: boolean;
  /** more hidden fields of the approve form (the preview names the build shown) */
  approveFields?: Record<string, string>;
  /** correction numbers that can still be taken back */
  undoable: number[];
  message?: DeskMessage | null;
  /** shown under the heading (e.g. who is signed in) */
  note?: string;
  /** the subject readers of every section get (the preview shows it above the email instead) */
  subject?: string;
  /** false: the page puts the desk's skip links (deskSkipLinks) above what comes before the desk itself */
  skipLinks?: boolean;
}

/**
 * Links to the desk's parts: with a keyboard, the Approve button is otherwise some ten Tab presses a story away (240
 * in a 21-story edition), past every story's actions and the email's links.
 */
export function deskSkipLinks(): string {
  return `<nav class="skip" aria-label="The desk's parts">Go to: <a href="#desk-stories">the stories</a> · <a href="#desk-corrections">the corrections</a> · <a href="#desk-approve">approval</a></nav>`;
}

const e = escapeHtml;

/**
 * A desk button: its words, and as its name for screen readers the story (or item) it acts on too; a list of the
 * page's buttons would otherwise read "Drop, Drop, Drop…" with nothing to tell one story's from the next. The name
 * starts with the words shown, as voice control users say them.
 */
function button(action: string, words: string, about: string): string {
  return `<button type="submit" data-action="${action}" aria-label="${e(`${words}: ${about}`)}">${e(words)}</button>`;
}

function form(v: DeskView, path: string, fields: Record<string, string>, inner: string, cls = ''): string {
  const hidden = Object.entries({ csrf: v.csrf, ...fields })
    .map(([k, val]) => `<input type="hidden" name="${e(k)}" value="${e(val)}">`)
    .join('');
  return `<form method="post" action="${e(`${v.base}/${path}`)}"${cls ? ` class="${cls}"` : ''}>${hidden}${inner}</form>`;
}

function storyCard(v: DeskView, story: Story, sectionId: string, first: boolean, all: { story: Story; sectionTitle: string }[]): string {
  const act = (action: string, extra: Record<string, string>, inner: string, cls = 'inline') => form(v, 'edit', { action, story: story.id, ...extra }, inner, cls);
  const moveTo = v.sections.filter((s) => s.id !== sectionId);
  const others = all.filter((o) => o.story !== story);
  const link = story.url && /^https?:\/\//i.test(story.url) ? `<a href="${e(story.url)}" target="_blank" rel="noopener noreferrer">${e(story.title)}</a>` : e(story.title);
  const edited = story.corrections?.length ? ` <span class="edited">edited ${story.corrections.map((n) => `#${n}`).join(' ')}</span>` : '';
  const items = story.items
    .map((it) => {
      const key = `${it.feed}:${it.guid}`;
      const split = story.items.length > 1 ? act('split', { item: key }, button('split', 'Split out', it.title)) : '';
      return `<li data-item="${e(key)}"><span class="muted">${e(it.feed)}</span> <bdi>${e(it.title)}</bdi> ${split}</li>`;
    })
    .join('');
  return `<li class="story" id="story-${e(story.id)}" data-story="${e(story.id)}">
<h4 dir="auto">${link}${edited}</h4>
<p class="meta muted">${e((story.sources ?? []).join(' · '))} · ${story.items.length} item${story.items.length === 1 ? '' : 's'}</p>
<p class="summary" dir="auto">${e(story.summary)}</p>
<div class="actions">
${act('drop', {}, button('drop', 'Drop', story.title))}
${first ? '' : act('pin', {}, button('pin', 'Pin to top', story.title))}
${moveTo.length ? act('move', { shown: sectionId }, `<label>Move to <select name="section">${moveTo.map((s) => `<option value="${e(s.id)}">${e(s.title)}</option>`).join('')}</select></label> ${button('move', 'Move', story.title)}`) : ''}
${others.length ? act('merge', {}, `<label>Merge in <select name="other">${others.map((o) => `<option value="${e(o.story.id)}">${e(truncate(o.story.title, 70))} (${e(o.sectionTitle)})</option>`).join('')}</select></label> ${button('merge', 'Merge', story.title)}`) : ''}
</div>
<details class="rewrite"><summary aria-label="${e(`Rewrite title or summary: ${story.title}`)}">Rewrite title or summary</summary>
${act('title', { shown: story.title }, `<label>Title <input name="text" dir="auto" value="${e(story.title)}" maxlength="${MAX_TITLE}" required></label> ${button('title', 'Save title', story.title)}`, 'block')}
${act('summary', { shown: story.summary }, `<label>Summary <textarea name="text" dir="auto" rows="3" maxlength="${MAX_SUMMARY}" required>${e(story.summary)}</textarea></label> ${button('summary', 'Save summary', story.title)}`, 'block')}
</details>
<ul class="items">${items}</ul>
</li>`;
}

function correctionRow(v: DeskView, c: AppliedCorrection): string {
  const what = c.kind === 'intro' ? (c.value ? `introduction: “${c.value}”` : 'introduction removed') : `${c.kind}${c.value !== undefined ? `: ${c.value}` : ''}`;
  const undo = v.undoable.includes(c.id) ? form(v, 'undo', { id: String(c.id) }, button('undo', 'Undo', truncate(`#${c.id} ${what}`, 100)), 'inline') : '';
  return `<li data-correction="${c.id}" class="${c.status}">#${c.id} ${e(what)} <span class="muted">by ${e(c.by)}, ${e(c.at.slice(0, 16).replace('T', ' '))} UTC</span>` +
    `${c.status === 'vanished' ? ` <strong>no longer applies: ${e(c.note ?? 'its items are gone')}</strong>` : ''}${c.machine ? `<div class="muted small">was ${e(c.machine)}</div>` : ''}` +
    // what an applied one did not do as written (a tie it went to the first story of, items elsewhere or gone): on the page, not only in the report
    `${c.status === 'applied' && c.note ? `<div class="note small">${e(c.note)}</div>` : ''} ${undo}</li>`;
}

/** The desk as a fragment (the preview puts it in a tab; `serve` in a page of its own). */
export function deskFragment(v: DeskView): string {
  const ed = v.edition;
  const stories = ed.sections.reduce((n, s) => n + s.stories.length, 0);
  const all = ed.sections.flatMap((s) => s.stories.map((story) => ({ story, sectionTitle: s.title })));
  const state = v.state === 'preview' ? 'live preview' : v.state === 'approved' ? `approved${v.approvedBy ? ` by ${v.approvedBy}` : ''}` : v.state;
  // the page after an action opens on what it did, wherever on the page the button was: focused, so it is in view
  // and read out, with a link back to the story it changed (autofocus: the desk of serve runs no script)
  const back = v.message?.story && all.some((o) => o.story.id === v.message!.story) ? `<p class="back"><a href="#story-${e(v.message.story)}">Back to the story</a></p>` : '';
  const message = v.message
    ? `<div class="outcome" tabindex="-1" autofocus><p class="msg ${v.message.kind}" role="${v.message.kind === 'error' ? 'alert' : 'status'}">${e(v.message.text)}</p>${back}</div>`
    : '';
  const corrections = ed.corrections ?? [];
  const feedsFailed = failedFeedsNote(ed);
  return `<section id="desk" aria-label="Editor's desk">
${v.skipLinks === false ? '' : `${deskSkipLinks()}
`}<p class="state">Edition <strong>${e(ed.edition.id)}</strong> · <span id="desk-state">${e(state)}</span> · ${stories} ${stories === 1 ? 'story' : 'stories'}${v.note ? ` · ${e(v.note)}` : ''}</p>
${v.subject !== undefined ? `<p class="subject"><span class="muted">Subject:</span> <strong dir="auto">${e(v.subject)}</strong></p>
` : ''}${message}
${feedsFailed ? `<p class="feeds-failed" role="alert">${e(feedsFailed)}. The report lists every feed.</p>` : ''}
${form(v, 'edit', { action: 'intro', shown: ed.intro ?? '' }, `<label>Introduction <textarea name="text" dir="auto" rows="2" maxlength="${MAX_INTRO}" placeholder="A line or two above the contents (optional)">${e(ed.intro ?? '')}</textarea></label> <button type="submit" data-action="intro">Save introduction</button>`, 'block intro')}
<div id="desk-stories" tabindex="-1"></div>
${ed.sections
  .map((s) => `<h3>${e(s.title)} <span class="muted">(${s.stories.length})</span></h3>\n<ol class="stories">${s.stories.map((st, i) => storyCard(v, st, s.id, i === 0, all)).join('\n')}</ol>`)
  .join('\n')}
<h3 id="desk-corrections" tabindex="-1">Corrections</h3>
${corrections.length ? `<ol class="corrections">${corrections.map((c) => correctionRow(v, c)).join('')}</ol>` : '<p class="muted">None yet. They are kept by the items they name, so a rebuild keeps them.</p>'}
<div id="desk-approve" tabindex="-1">${v.canApprove ? form(v, 'approve', v.approveFields ?? {}, `<button type="submit" data-action="approve" class="primary">${v.state === 'approved' ? 'Approve again' : 'Approve this edition'}</button> <span class="muted">Exactly this copy is what will be sent.</span>`, 'block approve') : ''}</div>
</section>`;
}

// on a phone (375 px) nothing may push the page wider: long titles wrap anywhere, the story pickers shrink
export const DESK_CSS = `#desk{overflow-wrap:anywhere}#desk .actions form{min-width:0;max-width:100%}#desk select{max-width:100%}
#desk .state{margin:.5rem 0}#desk h3{margin:1.2rem 0 .3rem;font-size:1.05rem}
#desk ol.stories{padding-left:1.4rem}#desk li.story{background:#fff;border:1px solid #ddd;border-radius:.4rem;padding:.5rem .8rem;margin:.5rem 0}
#desk li.story h4{margin:.1rem 0;font-size:1rem}#desk .summary{margin:.3rem 0}#desk .meta,#desk .small{font-size:12px}
#desk .actions{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.3rem 0}#desk form.inline{display:inline}
#desk form.block{margin:.4rem 0}#desk form.block label{display:block}#desk textarea,#desk input[name=text]{width:100%;font:inherit;box-sizing:border-box}
#desk ul.items{margin:.3rem 0;padding-left:1.2rem;font-size:13px}#desk .edited{font-size:11px;background:#fff0b3;padding:0 .3rem;border-radius:.5rem}
#desk button{font:inherit;padding:.15rem .6rem;cursor:pointer}#desk button.primary{background:#0b57a4;color:#fff;border:1px solid #0b57a4;padding:.4rem 1rem}
#desk .msg,#desk .feeds-failed{padding:.4rem .7rem;border-radius:.3rem}#desk .outcome .msg{margin-bottom:.2rem}#desk .back{margin:0 0 .5rem;font-size:13px}#desk .feeds-failed{background:#fff0b3}#desk .msg.done{background:#dff3e3}#desk .msg.error{background:#fde2e2}
#desk li.vanished{color:#8a1c1c}#desk ol.corrections li{margin:.3rem 0}nav.skip{margin:.3rem 0 .5rem}`;

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

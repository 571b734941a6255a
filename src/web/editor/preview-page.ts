// The preview's one page: the email in a frame (375 px / 600 px / full width, light/dark), the plain-text
// part, the JSON and the explain-and-cut report, each a tab. It reloads itself when the server rebuilds.
import { escapeHtml } from '../../text/escape.js';
import { plural } from '../../render/view.js';
import { configSections } from '../../desk/edit.js';
import { DESK_CSS, deskFragment, type DeskMessage } from '../desk/page.js';
import type { PreviewSnapshot } from './snapshot.js';

export interface PageState {
  snapshot: PreviewSnapshot | null;
  /** the last build's error, one line */
  error: string | null;
  version: number;
  builtAt: string | null;
  /** the desk's forms carry this token (the preview needs no login, but a page elsewhere must not post to it) */
  deskToken?: string;
  /** what the last desk action did, shown with the build it led to */
  deskMessage?: (DeskMessage & { version: number }) | null;
}

export function previewPage(s: PageState): string {
  const snap = s.snapshot;
  const title = snap ? `${snap.edition.edition.title} · ${snap.edition.edition.id}` : 'Roundup preview';
  const stories = snap ? snap.edition.sections.reduce((n, x) => n + x.stories.length, 0) : 0;
  const summary = snap
    ? `${plural(stories, 'story', 'stories')} in ${plural(snap.edition.sections.length, 'section')} · ${plural(snap.edition.excluded.length, 'item')} left out · ` +
      `${snap.edition.feeds.filter((f) => f.status !== 'error').length}/${snap.edition.feeds.length} feeds ok · built in ${snap.ms} ms`
    : '';
  const error = s.error
    ? `<div id="build-error" role="alert"><strong>Build failed:</strong> ${escapeHtml(s.error)}${snap ? '<br><small>Showing the last good build.</small>' : ''}</div>`
    : '';
  const body = snap
    ? `<nav role="tablist">
<button role="tab" data-tab="email">Email</button><button role="tab" data-tab="text">Plain text</button><button role="tab" data-tab="json">JSON</button><button role="tab" data-tab="report">Report</button><button role="tab" data-tab="desk">Desk</button>
</nav>
<section id="tab-email" data-panel="email">
<div class="tools"><span class="muted">Subject:</span> <strong id="subject">${escapeHtml(snap.subject)}</strong></div>
<div class="tools"><span class="muted">Width</span>
<button class="w" data-width="375">375 px</button><button class="w" data-width="600">600 px</button><button class="w" data-width="full">Full</button>
<label><input type="checkbox" id="dark"> Dark</label></div>
<div id="stage"><iframe id="email-frame" title="Email preview" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox" src="/email.html"></iframe></div>
</section>
<section id="tab-text" data-panel="text" hidden><pre id="text">${escapeHtml(snap.text)}</pre></section>
<section id="tab-json" data-panel="json" hidden><pre id="json">${escapeHtml(JSON.stringify(snap.edition, null, 2))}</pre></section>
<section id="tab-report" data-panel="report" hidden><iframe id="report-frame" title="Explain-and-cut report" src="/report.html"></iframe></section>
<section id="tab-desk" data-panel="desk" hidden>
<p class="muted">Corrections made here are kept by the items they name: every draft built from now on carries them (and the current draft is rebuilt with them) until an edition with them is approved. Approving here writes this edition to the out folder, as <code>digest build</code> would, and freezes it: exactly this copy is what <code>digest send</code> delivers.</p>
${deskFragment({
  edition: snap.edition,
  state: 'preview',
  sections: configSections(snap.config),
  base: '',
  csrf: s.deskToken ?? '',
  canApprove: true,
  approveFields: { version: String(s.version) },
  undoable: (snap.edition.corrections ?? []).map((c) => c.id),
  message: s.deskMessage && s.deskMessage.version === s.version ? s.deskMessage : null,
})}
</section>`
    : '<p>Waiting for a successful build…</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="icon" href="data:,"><title>Preview · ${escapeHtml(title)}</title>
<style>${CSS}</style></head>
<body data-version="${s.version}">
<header><h1>${escapeHtml(title)}</h1><p class="muted"><span id="summary">${escapeHtml(summary)}</span> <span id="status"></span></p></header>
${error}
${body}
<script>${SCRIPT}</script>
</body></html>
`;
}

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:0;padding:0 1rem 2rem;color:#1d1d1d;background:#f3f3f3}
header h1{font-size:1.2rem;margin:.8rem 0 .1rem}.muted{color:#666}
nav{display:flex;flex-wrap:wrap;gap:.25rem;margin:.75rem 0;border-bottom:1px solid #ccc}
nav button{font:inherit;border:1px solid #ccc;border-bottom:none;background:#e6e6e6;padding:.35rem .9rem;cursor:pointer;border-radius:.3rem .3rem 0 0}
@media (max-width:30rem){nav button{padding:.35rem .5rem}}
nav button[aria-selected=true]{background:#fff;font-weight:600}
.tools{margin:.4rem 0;display:flex;gap:.4rem;align-items:center;flex-wrap:wrap}
.tools button{font:inherit;padding:.15rem .6rem;cursor:pointer}.tools button[aria-pressed=true]{background:#1d4ed8;color:#fff;border-color:#1d4ed8}
#stage{padding:1rem 0;display:flex;justify-content:center;background:#e9e9e9}#stage.dark{background:#222}
#email-frame{border:1px solid #bbb;background:#fff;width:600px;height:80vh;max-width:100%}#stage.dark #email-frame{background:#111}
#report-frame{width:100%;height:85vh;border:1px solid #ccc;background:#fff}
pre{background:#fff;border:1px solid #ccc;padding:1rem;white-space:pre-wrap;overflow-wrap:anywhere;max-height:85vh;overflow:auto}
#build-error{background:#fde2e2;border:1px solid #e0a0a0;padding:.6rem .8rem;margin:.5rem 0}
${DESK_CSS}`;

// Tab, width and dark choices survive the live reload (sessionStorage). After a desk action the page opens on what it
// did (the reload would otherwise put the page back where the button was, the message out of sight).
const SCRIPT = `(function(){
var version=document.body.dataset.version,key='roundup-preview';
var st={tab:'email',width:'600',dark:false};try{Object.assign(st,JSON.parse(sessionStorage.getItem(key)||'{}'))}catch(e){}
if(location.hash==='#desk')st.tab='desk';
function save(){try{sessionStorage.setItem(key,JSON.stringify(st))}catch(e){}}
var frame=document.getElementById('email-frame'),stage=document.getElementById('stage'),dark=document.getElementById('dark');
function show(tab){document.querySelectorAll('[data-panel]').forEach(function(p){p.hidden=p.dataset.panel!==tab});
document.querySelectorAll('[data-tab]').forEach(function(b){b.setAttribute('aria-selected',String(b.dataset.tab===tab))});st.tab=tab;save();}
function width(w){if(!frame)return;frame.style.width=w==='full'?'100%':w+'px';
document.querySelectorAll('[data-width]').forEach(function(b){b.setAttribute('aria-pressed',String(b.dataset.width===w))});st.width=w;save();}
function scheme(on){if(!frame)return;var src='/email.html'+(on?'?scheme=dark':'');if(frame.getAttribute('src')!==src)frame.setAttribute('src',src);
stage.classList.toggle('dark',on);dark.checked=on;st.dark=on;save();}
function fit(){try{var d=frame.contentDocument;if(d&&d.documentElement)frame.style.height=Math.max(400,d.documentElement.scrollHeight+20)+'px'}catch(e){}}
document.querySelectorAll('[data-tab]').forEach(function(b){b.addEventListener('click',function(){show(b.dataset.tab)})});
document.querySelectorAll('[data-width]').forEach(function(b){b.addEventListener('click',function(){width(b.dataset.width);setTimeout(fit,50)})});
if(frame){frame.addEventListener('load',fit);dark.addEventListener('change',function(){scheme(dark.checked)});show(st.tab);width(st.width);scheme(!!st.dark);}
var msg=document.querySelector('#desk .outcome');
if(msg&&st.tab==='desk'){try{history.scrollRestoration='manual'}catch(e){}msg.focus();}
var status=document.getElementById('status');
if(window.EventSource){var es=new EventSource('/events');
es.addEventListener('building',function(){status.textContent='· rebuilding…'});
es.addEventListener('version',function(e){if(e.data!==version)location.reload();else status.textContent='';});}
})();`;

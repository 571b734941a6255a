// The subscriber pages: plain, small, readable without CSS, no scripts. All text is escaped here.
import { escapeHtml } from '../text/escape.js';

export interface SectionChoice {
  id: string;
  title: string;
}

function layout(siteTitle: string, heading: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><link rel="icon" href="data:,"><title>${escapeHtml(heading)} · ${escapeHtml(siteTitle)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#222}
button{font:inherit;padding:.5rem 1rem;cursor:pointer}label{display:block;margin:.25rem 0}input[type=email]{font:inherit;width:100%;padding:.4rem}
.muted{color:#666}</style></head>
<body><p class="muted">${escapeHtml(siteTitle)}</p><h1>${escapeHtml(heading)}</h1>
${body}
</body></html>`;
}

export const pages = {
  unsubscribeConfirm(site: string): string {
    return layout(
      site,
      'Unsubscribe?',
      `<p>You will stop receiving ${escapeHtml(site)}.</p>
<form method="post" action=""><button type="submit">Unsubscribe</button></form>`,
    );
  },
  unsubscribed(site: string): string {
    return layout(site, 'You are unsubscribed', `<p>You will not receive ${escapeHtml(site)} any more. Sorry to see you go.</p>`);
  },
  badLink(site: string): string {
    return layout(site, 'This link does not work', '<p>The link is incomplete or was changed. Please use the link exactly as it appears in the email.</p>');
  },
  notFound(site: string): string {
    return layout(site, 'Not found', '<p>There is nothing at this address.</p>');
  },
  subscribeForm(site: string, sections: SectionChoice[], error?: string): string {
    return layout(site, `Subscribe to ${site}`, `${error ? `<p><strong>${escapeHtml(error)}</strong></p>` : ''}\n${subscribeFields(sections, '')}`);
  },
  /** GET /: what this is, the subscribe form, the archive (relative links: works under a path prefix too) */
  landing(site: string, sections: SectionChoice[]): string {
    const list = sections.map((s) => escapeHtml(s.title)).join(', ');
    return layout(
      site,
      site,
      `<p>A digest of the week's news in one email: each event once, with every outlet that covered it${list ? `, in these sections: ${list}` : ''}.</p>
<h2>Subscribe</h2>
${subscribeFields(sections, 'subscribe')}
<p><a href="archive">Past editions</a> · <a href="feed.xml">Atom feed</a></p>`,
    );
  },
  forbidden(site: string): string {
    return layout(site, 'Not allowed', '<p>Please use the form on this site to subscribe.</p>');
  },
  checkInbox(site: string): string {
    return layout(
      site,
      'Check your inbox',
      '<p>If the address can receive this digest, a message is on its way. Follow the link in it to confirm your subscription.</p>',
    );
  },
  badEmail(site: string, reason: string): string {
    return layout(site, 'Please check the address', `<p>That address does not look right: ${escapeHtml(reason)}.</p><p><a href="">Try again</a></p>`);
  },
  tooMany(site: string): string {
    return layout(site, 'Too many requests', '<p>Please wait a few minutes and try again.</p>');
  },
  unavailable(site: string): string {
    return layout(site, 'Not available right now', '<p>Subscribing is not possible at the moment. Please try again later.</p>');
  },
  confirmed(site: string): string {
    return layout(site, 'Subscription confirmed', `<p>Welcome! The next edition of ${escapeHtml(site)} will be in your inbox.</p>`);
  },
  preferences(site: string, sections: SectionChoice[], chosen: string[] | null, note?: string): string {
    return layout(
      site,
      'Your sections',
      `${note ? `<p><strong>${escapeHtml(note)}</strong></p>` : ''}
<form method="post" action="">
<fieldset><legend>Send me these sections (none ticked = all)</legend>
${sectionBoxes(sections, chosen)}
</fieldset>
<p><button type="submit">Save</button></p></form>`,
    );
  },
};

/** The subscribe form; `website` is a honeypot: hidden from people, filled in by form-spamming bots. */
function subscribeFields(sections: SectionChoice[], action: string): string {
  return `<form method="post" action="${escapeHtml(action)}">
<label>Email address <input type="email" name="email" required autocomplete="email"></label>
<div aria-hidden="true" style="position:absolute;left:-10000px"><label>Leave this empty <input type="text" name="website" tabindex="-1" autocomplete="off"></label></div>
<fieldset><legend>Sections (none ticked = all)</legend>
${sectionBoxes(sections, null)}
</fieldset>
<p><button type="submit">Subscribe</button></p></form>`;
}

function sectionBoxes(sections: SectionChoice[], chosen: string[] | null): string {
  return sections
    .map(
      (s) =>
        `<label><input type="checkbox" name="sections" value="${escapeHtml(s.id)}"${chosen?.includes(s.id) ? ' checked' : ''}> ${escapeHtml(s.title)}</label>`,
    )
    .join('\n');
}

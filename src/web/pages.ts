// The subscriber pages: plain, small, readable without CSS, no scripts. All text is escaped here; the words
// come from the digest's locale (text/catalogue.ts).
import { escapeHtml } from '../text/escape.js';
import { fill, isRtl, messages } from '../text/catalogue.js';
import { READER_COLOURS } from './reader-colours.js';

export interface SectionChoice {
  id: string;
  title: string;
}

export type Pages = ReturnType<typeof pagesFor>;

/** The pages in a locale (English when the config sets none). */
export function pagesFor(locale = 'en') {
  const m = messages(locale);
  const say = (template: string, values: Record<string, string> = {}) => escapeHtml(fill(template, values));

  /**
   * `head`: more for the page's head (the landing page's feed link), and then the page may be indexed: the landing
   * page is how people find the digest, while the pages a link in a mail opens are one reader's and stay out of search.
   */
  function layout(siteTitle: string, heading: string, body: string, head?: string): string {
    return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
${head === undefined ? '<meta name="robots" content="noindex">' : ''}<link rel="icon" href="data:,"><title>${escapeHtml(heading)} · ${escapeHtml(siteTitle)}</title>${head ?? ''}
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;overflow-wrap:anywhere}
button{font:inherit;padding:.5rem 1rem;cursor:pointer}label{display:block;margin:.25rem 0}input[type=email]{font:inherit;width:100%;padding:.4rem;box-sizing:border-box}
${READER_COLOURS}</style></head>
<body><p class="muted" dir="auto">${escapeHtml(siteTitle)}</p><h1 dir="auto">${escapeHtml(heading)}</h1>
${body}
</body></html>`;
  }

  /** The subscribe form; `website` is a honeypot: hidden from people, filled in by form-spamming bots. */
  function subscribeFields(sections: SectionChoice[], action: string): string {
    return `<form method="post" action="${escapeHtml(action)}">
<label>${say(m.emailLabel)} <input type="email" name="email" required autocomplete="email"></label>
<div aria-hidden="true" style="position:absolute;left:-10000px"><label>${say(m.honeypotLabel)} <input type="text" name="website" tabindex="-1" autocomplete="off"></label></div>
<fieldset><legend>${say(m.sectionsLabel)}</legend>
${sectionBoxes(sections, null)}
</fieldset>
<p><button type="submit">${say(m.subscribeButton)}</button></p></form>`;
  }

  function subscribeAgain(link: string): string {
    return `<p>${say(m.changedMind)} <a href="${escapeHtml(link)}">${say(m.subscribeAgain)}</a></p>`;
  }

  return {
    unsubscribeConfirm(site: string): string {
      return layout(
        site,
        m.unsubscribeQuestion,
        `<p>${say(m.unsubscribeWillStop, { title: site })}</p>
<form method="post" action=""><button type="submit">${say(m.unsubscribeButton)}</button></form>`,
      );
    },
    /** `subscribe`: the relative link to the subscribe form, for a reader who clicked by mistake */
    unsubscribed(site: string, subscribe: string): string {
      return layout(site, m.unsubscribedHeading, `<p>${say(m.unsubscribedText, { title: site })}</p>\n${subscribeAgain(subscribe)}`);
    },
    /** a genuine confirmation link whose subscription is gone: not a changed link, so say what happened */
    linkExpired(site: string, subscribe: string): string {
      return layout(site, m.linkExpiredHeading, `<p>${say(m.linkExpiredText)}</p>\n<p><a href="${escapeHtml(subscribe)}">${say(m.subscribeAgain)}</a></p>`);
    },
    /** a genuine link of an address that unsubscribed or bounced */
    notReceiving(site: string, subscribe: string): string {
      return layout(site, m.notReceivingHeading, `<p>${say(m.notReceivingText, { title: site })}</p>\n<p><a href="${escapeHtml(subscribe)}">${say(m.subscribeAgain)}</a></p>`);
    },
    badLink(site: string): string {
      return layout(site, m.badLinkHeading, `<p>${say(m.badLinkText)}</p>`);
    },
    notFound(site: string): string {
      return layout(site, m.notFoundHeading, `<p>${say(m.notFoundText)}</p>`);
    },
    methodNotAllowed(site: string): string {
      return layout(site, m.methodNotAllowedHeading, `<p>${say(m.methodNotAllowedText)}</p>`);
    },
    /** a request refused before a route could answer it (too large, not parseable): the reason, escaped */
    badRequest(site: string, reason: string): string {
      return layout(site, m.badRequestHeading, `<p>${escapeHtml(reason)}</p>`);
    },
    serverError(site: string): string {
      return layout(site, m.serverErrorHeading, `<p>${say(m.serverErrorText)}</p>`);
    },
    subscribeForm(site: string, sections: SectionChoice[], error?: string): string {
      return layout(site, fill(m.subscribeTo, { title: site }), `${error ? `<p><strong>${escapeHtml(error)}</strong></p>` : ''}\n${subscribeFields(sections, '')}`);
    },
    /** GET /: what this is, the subscribe form, the archive (relative links: works under a path prefix too) */
    landing(site: string, sections: SectionChoice[]): string {
      const list = sections.map((s) => s.title).join(', ');
      return layout(
        site,
        site,
        `<p>${list ? say(m.landingSections, { list }) : say(m.landingText)}</p>
<h2>${say(m.subscribeHeading)}</h2>
${subscribeFields(sections, 'subscribe')}
<p><a href="archive">${say(m.pastEditions)}</a> · <a href="feed.xml">${say(m.atomFeed)}</a></p>`,
        // feed readers given the site's address find the feed here (autodiscovery), as they do on the archive
        `\n<link rel="alternate" type="application/atom+xml" title="${escapeHtml(site)}" href="feed.xml">`,
      );
    },
    forbidden(site: string): string {
      return layout(site, m.forbiddenHeading, `<p>${say(m.forbiddenText)}</p>`);
    },
    checkInbox(site: string): string {
      return layout(site, m.checkInboxHeading, `<p>${say(m.checkInboxText)}</p>`);
    },
    badEmail(site: string, reason: string): string {
      return layout(site, m.badEmailHeading, `<p>${say(m.badEmailText, { reason })}</p><p><a href="">${say(m.tryAgain)}</a></p>`);
    },
    tooMany(site: string): string {
      return layout(site, m.tooManyHeading, `<p>${say(m.tooManyText)}</p>`);
    },
    unavailable(site: string): string {
      return layout(site, m.unavailableHeading, `<p>${say(m.unavailableText)}</p>`);
    },
    /** what a confirmation link opens: nothing changes until the button is pressed; `sections`: the titles it subscribes to */
    confirmQuestion(site: string, sections: string[]): string {
      return layout(
        site,
        m.confirmQuestion,
        `<p>${say(m.confirmWillStart, { title: site })}</p>
<p>${say(m.confirmSections)}</p>
<ul>${sections.map((t) => `<li dir="auto">${escapeHtml(t)}</li>`).join('')}</ul>
<form method="post" action=""><button type="submit">${say(m.confirmButton)}</button></form>`,
      );
    },
    confirmed(site: string): string {
      return layout(site, m.confirmedHeading, `<p>${say(m.confirmedText, { title: site })}</p>`);
    },
    /**
     * The sections form, and the reader's way out (`unsubscribe`, relative link) or, for one who no longer receives
     * the digest, that it is so and the way back (`subscribe`): saving sections alone would not bring them back.
     */
    preferences(site: string, sections: SectionChoice[], chosen: string[] | null, links: { unsubscribe: string } | { subscribe: string }, note?: string): string {
      // ticked: the sections the reader receives. None chosen (or none the config still has) is every section, as the
      // edition goes out; shown with no box ticked, a reader who ticked them all and saved would find them cleared
      const still = chosen?.filter((id) => sections.some((s) => s.id === id)) ?? [];
      const receives = still.length > 0 ? still : sections.map((s) => s.id);
      const notReceiving = 'subscribe' in links ? `<p><strong>${say(m.notReceivingText, { title: site })}</strong> <a href="${escapeHtml(links.subscribe)}">${say(m.subscribeAgain)}</a></p>\n` : '';
      const wayOut = 'unsubscribe' in links ? `\n<p>${say(m.unsubscribeInstead, { title: site })} <a href="${escapeHtml(links.unsubscribe)}">${say(m.unsubscribeButton)}</a></p>` : '';
      return layout(
        site,
        m.sectionsHeading,
        `${notReceiving}${note ? `<p><strong>${escapeHtml(note)}</strong></p>` : ''}
<form method="post" action="">
<fieldset><legend>${say(m.sectionsLegend)}</legend>
${sectionBoxes(sections, receives)}
</fieldset>
<p><button type="submit">${say(m.saveButton)}</button></p></form>${wayOut}`,
      );
    },
    /** "Saved." after the preferences form */
    saved: m.saved,
  };
}

/** The pages in English (routes that do not know the digest's locale). */
export const pages = pagesFor('en');

function sectionBoxes(sections: SectionChoice[], chosen: string[] | null): string {
  return sections
    .map(
      (s) =>
        `<label><input type="checkbox" name="sections" value="${escapeHtml(s.id)}"${chosen?.includes(s.id) ? ' checked' : ''}> <span dir="auto">${escapeHtml(s.title)}</span></label>`,
    )
    .join('\n');
}

// An edition as a web page. The email may be shortened to stay under Gmail's clipping size, and its
// "N more stories" links point here, so the web page renders every story of digest.json. It is
// personalised for nobody: it carries none of the email's own lines (why you receive it, read in your browser,
// unsubscribe), and invites the reader to subscribe instead.
import type { DigestConfig, Edition } from '../../types.js';
import { editionWebUrl, personalize } from '../../render/index.js';
import { loadTemplate, BUILT_IN_TEMPLATES } from '../../render/template.js';
import { buildView } from '../../render/view.js';
import { renderHtml } from '../../render/html.js';
import { buildSubject, preheaderOf, subjectFields } from '../../render/subject.js';

export async function renderWebEdition(edition: Edition, config: DigestConfig): Promise<string> {
  const template = loadTemplate({ user: config.templates, builtIn: BUILT_IN_TEMPLATES });
  const html = await renderHtml(template, buildView(edition, config, Infinity, { web: true })); // no cap: every story; no email-only text
  const rendered = { html, text: '', subject: buildSubject(edition, config), preheader: preheaderOf(edition, subjectFields(edition, config).template) };
  const subscribe = `${config.email.baseUrl.replace(/\/+$/, '')}/subscribe`;
  const page = personalize(
    rendered,
    edition,
    { email: 'you', sections: null, unsubscribeUrl: subscribe, preferencesUrl: subscribe },
    editionWebUrl(config, edition.edition.id),
  );
  return page?.html ?? html;
}

// The optional welcome message (`email.welcome: true`), sent once a subscription is confirmed. Its text is
// welcome.<language>.txt or welcome.txt, from the config's `templates:` folder first, then from templates/ (which
// has English, Ukrainian, German and Arabic): a `Subject:` line, a blank line, then the body; {{title}}, {{email}}, {{archive}}, {{preferences}} and {{unsubscribe}} are filled in.
// A line that is only a link becomes a link in the HTML part (./short-mail-html.ts).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { composeMessage } from '../render/index.js';
import { BUILT_IN_TEMPLATES } from '../render/template.js';
import { language } from '../text/catalogue.js';
import { quoteWithin } from '../text/nested-quotes.js';
import { parseSender } from '../text/sender.js';
import { replyToHeader } from './headers.js';
import { shortMailHtml } from './short-mail-html.js';
import type { DigestConfig } from '../types.js';
import type { MailSender } from './transport.js';
import { shownAddress } from '../store/email.js';

export const WELCOME_FILE = 'welcome.txt';
const FIELDS = ['title', 'email', 'archive', 'preferences', 'unsubscribe'] as const;
type WelcomeValues = Record<(typeof FIELDS)[number], string>;

/**
 * The template file to use: the user's before the built-in one (a welcome.txt of your own wins over the built-in
 * text in your language), and in each folder the digest's language before welcome.txt.
 */
export function welcomeTemplatePath(config: DigestConfig): string {
  const names = [`welcome.${language(config.locale ?? 'en')}.txt`, WELCOME_FILE];
  const folders = config.templates ? [config.templates, BUILT_IN_TEMPLATES] : [BUILT_IN_TEMPLATES];
  for (const folder of folders) for (const name of names) if (existsSync(path.join(folder, name))) return path.join(folder, name);
  return path.join(BUILT_IN_TEMPLATES, WELCOME_FILE);
}

/** Subject and body with the values filled in; a template error names the file. */
export function renderWelcome(file: string, v: WelcomeValues): { subject: string; body: string } {
  const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const m = /^Subject:[ \t]*(.+)\n\n([\s\S]+)$/.exec(text);
  if (!m) throw new UserError(`${file}: expected a "Subject: …" line, a blank line, then the message`);
  const fill = (s: string) =>
    s.replace(/([«„]?)\{\{\s*([a-z]+)\s*\}\}([»“]?)/g, (_, open: string, name: string, close: string) => {
      if (!(FIELDS as readonly string[]).includes(name)) throw new UserError(`${file}: unknown placeholder {{${name}}}; expected ${FIELDS.map((f) => `{{${f}}}`).join(', ')}`);
      // «{{title}}»: a title with quotes of its own keeps them as the inner kind
      return quoteWithin(open, v[name as keyof WelcomeValues], close);
    });
  if (!/\{\{\s*unsubscribe\s*\}\}/.test(m[2])) throw new UserError(`${file}: the message must contain {{unsubscribe}} (every message to a subscriber offers a way out)`);
  return { subject: fill(m[1]).replace(/[\r\n]+/g, ' ').trim(), body: fill(m[2]).trimEnd() + '\n' };
}

export async function sendWelcome(sender: MailSender, config: DigestConfig, to: string, links: { preferences: string; unsubscribe: string }, date = new Date()): Promise<void> {
  const from = parseSender(config.email.from);
  const { subject, body } = renderWelcome(welcomeTemplatePath(config), {
    title: config.title,
    email: shownAddress(to),
    archive: `${config.email.baseUrl.replace(/\/+$/, '')}/archive`,
    preferences: links.preferences,
    unsubscribe: links.unsubscribe,
  });
  const locale = config.locale ?? 'en';
  const html = shortMailHtml(locale, body.split(/\n{2,}/).map((p) => p.split('\n')));
  const raw = await composeMessage({
    from: config.email.from,
    to,
    subject,
    html,
    text: body,
    date,
    messageId: `<welcome.${randomBytes(12).toString('hex')}@${from.domain}>`,
    headers: { ...replyToHeader(config.email.replyTo), 'Auto-Submitted': 'auto-generated', 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
  await sender.send({ envelope: { from: from.address, to: [to] }, raw });
}

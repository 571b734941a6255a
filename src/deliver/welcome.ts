// The optional welcome message (`email.welcome: true`), sent once a subscription is confirmed. Its text is
// templates/welcome.txt (or welcome.txt in the config's `templates:` folder): a `Subject:` line, a blank
// line, then the body; {{title}}, {{email}}, {{archive}}, {{preferences}} and {{unsubscribe}} are filled in.
// A line that is only a link becomes a link in the HTML part.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { composeMessage } from '../render/index.js';
import { BUILT_IN_TEMPLATES } from '../render/template.js';
import { escapeHtml } from '../text/escape.js';
import { parseSender } from '../text/sender.js';
import type { DigestConfig } from '../types.js';
import type { MailSender } from './transport.js';

export const WELCOME_FILE = 'welcome.txt';
const FIELDS = ['title', 'email', 'archive', 'preferences', 'unsubscribe'] as const;
type WelcomeValues = Record<(typeof FIELDS)[number], string>;

/** The template file to use: the user's, else the built-in one. */
export function welcomeTemplatePath(config: DigestConfig): string {
  const own = config.templates ? path.join(config.templates, WELCOME_FILE) : null;
  return own && existsSync(own) ? own : path.join(BUILT_IN_TEMPLATES, WELCOME_FILE);
}

/** Subject and body with the values filled in; a template error names the file. */
export function renderWelcome(file: string, v: WelcomeValues): { subject: string; body: string } {
  const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const m = /^Subject:[ \t]*(.+)\n\n([\s\S]+)$/.exec(text);
  if (!m) throw new UserError(`${file}: expected a "Subject: …" line, a blank line, then the message`);
  const fill = (s: string) =>
    s.replace(/\{\{\s*([a-z]+)\s*\}\}/g, (_, name: string) => {
      if (!(FIELDS as readonly string[]).includes(name)) throw new UserError(`${file}: unknown placeholder {{${name}}}; expected ${FIELDS.map((f) => `{{${f}}}`).join(', ')}`);
      return v[name as keyof WelcomeValues];
    });
  if (!/\{\{\s*unsubscribe\s*\}\}/.test(m[2])) throw new UserError(`${file}: the message must contain {{unsubscribe}} (every message to a subscriber offers a way out)`);
  return { subject: fill(m[1]).replace(/[\r\n]+/g, ' ').trim(), body: fill(m[2]).trimEnd() + '\n' };
}

export async function sendWelcome(sender: MailSender, config: DigestConfig, to: string, links: { preferences: string; unsubscribe: string }, date = new Date()): Promise<void> {
  const from = parseSender(config.email.from);
  const { subject, body } = renderWelcome(welcomeTemplatePath(config), {
    title: config.title,
    email: to,
    archive: `${config.email.baseUrl.replace(/\/+$/, '')}/archive`,
    preferences: links.preferences,
    unsubscribe: links.unsubscribe,
  });
  const html = `<!doctype html><html><body>${body
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split('\n').map((l) => (/^https?:\/\/\S+$/.test(l.trim()) ? `<a href="${escapeHtml(l.trim())}">${escapeHtml(l.trim())}</a>` : escapeHtml(l))).join('<br>')}</p>`)
    .join('')}</body></html>`;
  const raw = await composeMessage({
    from: config.email.from,
    to,
    subject,
    html,
    text: body,
    date,
    messageId: `<welcome.${randomBytes(12).toString('hex')}@${from.domain}>`,
    headers: { 'Auto-Submitted': 'auto-generated', 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
  await sender.send({ envelope: { from: from.address, to: [to] }, raw });
}

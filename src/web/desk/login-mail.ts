// The sign-in mail of the desk: one link, valid once for 15 minutes.
import { randomBytes } from 'node:crypto';
import type { DigestConfig } from '../../types.js';
import { composeMessage } from '../../render/index.js';
import { parseSender } from '../../deliver/headers.js';
import type { MailSender } from '../../deliver/transport.js';
import { escapeHtml } from '../http.js';

export async function sendLoginLink(sender: MailSender, config: DigestConfig, to: string, link: string): Promise<void> {
  const from = parseSender(config.email.from);
  const lines = [`To sign in to the editor's desk of ${config.title}, open this link:`, link, 'It works once, for 15 minutes. If you did not ask for it, ignore this message.'];
  const raw = await composeMessage({
    from: config.email.from,
    to,
    subject: `Sign in to the desk of ${config.title}`,
    html: `<!doctype html><html><body>${lines.map((l) => (l === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : `<p>${escapeHtml(l)}</p>`)).join('')}</body></html>`,
    text: lines.join('\n\n') + '\n',
    date: new Date(),
    messageId: `<desk.${randomBytes(12).toString('hex')}@${from.domain}>`,
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
  await sender.send({ envelope: { from: from.address, to: [to] }, raw });
}

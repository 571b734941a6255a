// The one-off messages `serve` sends: "confirm your subscription" and "you are already subscribed".
// Plain and short; they go straight to SMTP, not through the edition ledger.
import { randomBytes } from 'node:crypto';
import { composeMessage } from '../render/index.js';
import type { DigestConfig } from '../types.js';
import { parseSender } from '../text/sender.js';
import { escapeHtml } from '../text/escape.js';
import type { MailSender } from './transport.js';

export type NoticeKind = 'confirm' | 'already-subscribed';

export async function sendNotice(sender: MailSender, config: DigestConfig, to: string, kind: NoticeKind, link: string, date = new Date()): Promise<void> {
  const from = parseSender(config.email.from);
  const { subject, lines } =
    kind === 'confirm'
      ? {
          subject: `Confirm your subscription to ${config.title}`,
          lines: [`Someone (hopefully you) asked to receive ${config.title} at this address.`, 'To confirm, open this link:', link, 'If it was not you, ignore this message: nothing will be sent.'],
        }
      : {
          subject: `You are already subscribed to ${config.title}`,
          lines: [`This address already receives ${config.title}.`, 'To choose your sections, open this link:', link, 'If you did not ask, ignore this message.'],
        };
  const html = `<!doctype html><html><body>${lines
    .map((l) => (l === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : `<p>${escapeHtml(l)}</p>`))
    .join('')}</body></html>`;
  const raw = await composeMessage({
    from: config.email.from,
    to,
    subject,
    html,
    text: lines.join('\n\n') + '\n',
    date,
    messageId: `<notice.${randomBytes(12).toString('hex')}@${from.domain}>`,
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
  await sender.send({ envelope: { from: from.address, to: [to] }, raw });
}

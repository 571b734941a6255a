// The one-off messages `serve` sends: "confirm your subscription" and "you are already subscribed", the
// "unsubscribe?" link `digest mail` sends for a request by mail it cannot trust, and the short automatic mail
// of the editors' desk. Plain and short; they go straight to SMTP, not through the edition ledger.
import { randomBytes } from 'node:crypto';
import { composeMessage } from '../render/index.js';
import type { DigestConfig } from '../types.js';
import { parseSender } from '../text/sender.js';
import { replyToHeader } from './headers.js';
import { escapeHtml } from '../text/escape.js';
import { fill, isRtl, messages } from '../text/catalogue.js';
import type { MailSender } from './transport.js';

export type NoticeKind = 'confirm' | 'already-subscribed' | 'confirm-leave';

export async function sendNotice(sender: MailSender, config: DigestConfig, to: string, kind: NoticeKind, link: string, date = new Date()): Promise<void> {
  const m = messages(config.locale);
  const [subject, lines] = kind === 'confirm' ? [m.confirmSubject, m.confirmLines] : kind === 'confirm-leave' ? [m.leaveSubject, m.leaveLines] : [m.alreadySubject, m.alreadyLines];
  const values = { title: config.title, link };
  await sendPlainNotice(sender, config, to, { subject: fill(subject, values), lines: lines.map((l) => fill(l, values)), link, date, headers: replyToHeader(config.email.replyTo) });
}

/** A short automatic message: one paragraph per line, `link` (one of the lines) made a link in the HTML part. */
export async function sendPlainNotice(
  sender: MailSender,
  config: DigestConfig,
  to: string,
  m: {
    subject: string;
    lines: string[];
    link: string;
    date?: Date;
    idPrefix?: string;
    headers?: Record<string, string>;
    /** the language the lines are in (default the digest's locale); the editors' mails are in English */
    locale?: string;
  },
): Promise<void> {
  const from = parseSender(config.email.from);
  const locale = m.locale ?? config.locale ?? 'en';
  const html = `<!doctype html><html lang="${escapeHtml(locale)}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}"><body>${m.lines
    .map((l) => (l === m.link ? `<p><a href="${escapeHtml(m.link)}">${escapeHtml(m.link)}</a></p>` : `<p>${escapeHtml(l)}</p>`))
    .join('')}</body></html>`;
  const raw = await composeMessage({
    from: config.email.from,
    to,
    subject: m.subject,
    html,
    text: m.lines.join('\n\n') + '\n',
    date: m.date ?? new Date(),
    messageId: `<${m.idPrefix ?? 'notice'}.${randomBytes(12).toString('hex')}@${from.domain}>`,
    headers: { ...m.headers, 'Auto-Submitted': 'auto-generated' },
  });
  await sender.send({ envelope: { from: from.address, to: [to] }, raw });
}

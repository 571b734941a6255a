// The one-off messages `serve` sends: "confirm your subscription" and "you are already subscribed", the
// "unsubscribe?" link `digest mail` sends for a request by mail it cannot trust, and the short automatic mail
// of the editors' desk. Plain and short; they go straight to SMTP, not through the edition ledger.
import { randomBytes } from 'node:crypto';
import { composeMessage } from '../render/index.js';
import type { DigestConfig } from '../types.js';
import { parseSender } from '../text/sender.js';
import { replyToHeader } from './headers.js';
import { fill, messages } from '../text/catalogue.js';
import { shortMailHtml } from './short-mail-html.js';
import type { MailSender } from './transport.js';

export type NoticeKind = 'confirm' | 'already-subscribed' | 'confirm-leave';

export async function sendNotice(sender: MailSender, config: DigestConfig, to: string, kind: NoticeKind, link: string, date = new Date()): Promise<void> {
  const m = messages(config.locale);
  const [subject, lines] = kind === 'confirm' ? [m.confirmSubject, m.confirmLines] : kind === 'confirm-leave' ? [m.leaveSubject, m.leaveLines] : [m.alreadySubject, m.alreadyLines];
  const values = { title: config.title, link };
  await sendPlainNotice(sender, config, to, { subject: fill(subject, values), lines: lines.map((l) => fill(l, values)), link, date, headers: replyToHeader(config.email.replyTo) });
}

/** One paragraph per line, but a list's lines ("- Arms: 4") one paragraph together, as a list is read. */
function asParagraphs(lines: string[]): string[][] {
  const paragraphs: string[][] = [];
  for (const line of lines) {
    const last = paragraphs[paragraphs.length - 1];
    if (line.startsWith('- ') && last?.[last.length - 1].startsWith('- ')) last.push(line);
    else paragraphs.push([line]);
  }
  return paragraphs;
}

/** A short automatic message: one paragraph per line (a list's lines together), `link` (one of the lines) a link in the HTML part. */
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
  const paragraphs = asParagraphs(m.lines);
  const html = shortMailHtml(locale, paragraphs);
  const raw = await composeMessage({
    from: config.email.from,
    to,
    subject: m.subject,
    html,
    text: paragraphs.map((p) => p.join('\n')).join('\n\n') + '\n',
    date: m.date ?? new Date(),
    messageId: `<${m.idPrefix ?? 'notice'}.${randomBytes(12).toString('hex')}@${from.domain}>`,
    headers: { ...m.headers, 'Auto-Submitted': 'auto-generated' },
  });
  await sender.send({ envelope: { from: from.address, to: [to] }, raw });
}

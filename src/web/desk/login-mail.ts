// The sign-in mail of the desk: one link, valid once for 15 minutes.
import type { DigestConfig } from '../../types.js';
import { sendPlainNotice } from '../../deliver/notices.js';
import type { MailSender } from '../../deliver/transport.js';

export function sendLoginLink(sender: MailSender, config: DigestConfig, to: string, link: string): Promise<void> {
  return sendPlainNotice(sender, config, to, {
    subject: `Sign in to the desk of ${config.title}`,
    lines: [`To sign in to the editor's desk of ${config.title}, open this link:`, link, 'It works once, for 15 minutes. If you did not ask for it, ignore this message.'],
    link,
    idPrefix: 'desk',
    // written in English, whatever the digest's locale: not marked as, say, Arabic (right to left)
    locale: 'en',
  });
}

// The mail that asks a reader to confirm an unsubscribe request by mail (./confirm-leave.ts): the one-click
// unsubscribe link of `digest serve`, signed with DIGEST_SECRET like the link in every edition, sent over
// DIGEST_SMTP_URL (DKIM-signed when email.dkim is set). The connection opens with the first such mail only.
import { requireMailSettings } from '../config/mail-ready.js';
import { unsubscribeUrl } from '../deliver/headers.js';
import { sendNotice } from '../deliver/notices.js';
import { Tokens, type TokenScope } from '../deliver/tokens.js';
import { createPoolSender, requireSmtpUrl, type MailSender } from '../deliver/transport.js';
import { oneLine } from '../errors.js';
import type { DigestConfig } from '../types.js';
import type { LinkSender } from './confirm-leave.js';

export function leaveLinkSender(config: DigestConfig, secret: string, scope: TokenScope, env: NodeJS.ProcessEnv): LinkSender & { close(): void } {
  let smtpUrl: string;
  try {
    if (!env.DIGEST_SMTP_URL) return { unavailable: 'DIGEST_SMTP_URL is not set', close: () => {} };
    smtpUrl = requireSmtpUrl(env);
    requireMailSettings(config, 'a link to confirm');
  } catch (err) {
    return { unavailable: oneLine(err), close: () => {} };
  }
  const tokens = new Tokens(secret, scope);
  let mailer: MailSender | null = null;
  return {
    async send(s) {
      mailer ??= createPoolSender({ smtpUrl, rate: 0, connections: 1, dkim: config.email.dkim });
      await sendNotice(mailer, config, s.email, 'confirm-leave', unsubscribeUrl(config.email.baseUrl, tokens.sign(s.id, 'unsubscribe')));
    },
    close: () => mailer?.close(),
  };
}

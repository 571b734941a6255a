// One RFC 5322 message, multipart/alternative (text first, then HTML), UTF-8. Nodemailer's MailComposer
// encodes and folds the headers (RFC 2047 words, 76 columns) and picks quoted-printable for the bodies.

import MailComposer from 'nodemailer/lib/mail-composer';
import { createHash } from 'node:crypto';
import { oneLineText } from './clean.js';
import { smallestEncoding } from './html.js';

export interface MessageInput {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  date: Date;
  messageId: string;
  headers?: Record<string, string>;
}

export async function composeMessage(m: MessageInput): Promise<Buffer> {
  // Boundaries derive from the Message-ID so the same message is byte-identical every time.
  const baseBoundary = createHash('sha256').update(m.messageId).digest('hex').slice(0, 16);
  const headers: Record<string, string> = {};
  // Header values must be one line: a CR/LF here would let a value add headers of its own.
  for (const [key, value] of Object.entries(m.headers ?? {})) headers[key] = oneLineText(value, 2000);
  const composer = new MailComposer({
    from: oneLineText(m.from, 500),
    to: oneLineText(m.to, 500),
    subject: oneLineText(m.subject, 500),
    // nodemailer picks quoted-printable for anything with markup; base64 is far smaller for, say, Cyrillic
    text: { content: m.text, contentTransferEncoding: smallestEncoding(m.text).encoding },
    html: { content: m.html, contentTransferEncoding: smallestEncoding(m.html).encoding },
    date: m.date,
    messageId: m.messageId,
    headers,
    baseBoundary,
  });
  return composer.compile().build();
}

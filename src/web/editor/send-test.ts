// `digest preview --send-test ADDRESS`: one copy of the previewed edition through DIGEST_SMTP_URL.
import nodemailer from 'nodemailer';
import { UserError, oneLine } from '../../errors.js';
import { checkEmail } from '../../store/index.js';
import type { PreviewSnapshot } from './snapshot.js';

/** The address, checked; a UserError (exit 2) names what is wrong. */
export function checkTestAddress(input: string): string {
  const c = checkEmail(input);
  if (!c.ok) throw new UserError(`--send-test: ${JSON.stringify(input)} is not an email address (${c.reason})`, 2);
  return c.email;
}

/** Send the preview to one address; resolves with the Message-ID. */
export async function sendTestCopy(snap: PreviewSnapshot, to: string, smtpUrl: string): Promise<string> {
  const { sampleMessage } = await import('../../pipeline/write.js');
  const domain = /@([^>\s]+)/.exec(snap.config.email.from)?.[1] ?? 'localhost';
  // a fresh Message-ID each time, so mail clients do not fold repeated tests into one
  const messageId = `<${snap.edition.edition.id}.test.${Date.now().toString(36)}@${domain}>`;
  const msg = await sampleMessage(snap.edition, snap.rendered, snap.config, { to, subjectPrefix: '[test] ', messageId });
  const envelopeFrom = /<([^>]+)>/.exec(snap.config.email.from)?.[1] ?? snap.config.email.from;
  const transport = nodemailer.createTransport({ url: smtpUrl } as Parameters<typeof nodemailer.createTransport>[0]);
  try {
    await transport.sendMail({ envelope: { from: envelopeFrom, to: [to] }, raw: msg.eml });
  } catch (err) {
    throw new UserError(`--send-test: could not send to ${to}: ${oneLine(err)}`, 1);
  } finally {
    transport.close();
  }
  return messageId;
}

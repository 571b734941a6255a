// One raw message from the mailbox, taken apart into what the classifier looks at: the top headers, the
// addresses it was delivered to, and the machine-readable parts of a report (RFC 3462/6522 multipart/report):
// the delivery status (RFC 3464/6533), the feedback report (RFC 5965) and the headers of the returned original.
import { simpleParser, type AddressObject } from 'mailparser';
import { fieldGroups, headerBlock, type Fields } from './fields.js';

export interface Notice {
  messageId: string | null;
  subject: string;
  /** the From address, lower-case (the first, if it names several) */
  from: string | null;
  /** every From address, lower-case */
  fromAddresses: string[];
  /** top-level header fields (lower-case names) */
  headers: Fields;
  /** every address it was delivered to or addressed to: Delivered-To, X-Original-To, Envelope-To, To, Cc */
  deliveredTo: string[];
  /** `report-type` of a multipart/report, lower-case */
  reportType: string | null;
  deliveryStatus: Fields[] | null;
  feedbackReport: Fields | null;
  /** headers of the returned original message (message/rfc822 or text/rfc822-headers) */
  original: Fields | null;
  /** the human-readable text */
  text: string;
}

const DSN_TYPES = ['message/delivery-status', 'message/global-delivery-status'];
const ORIGINAL_TYPES = ['message/rfc822', 'text/rfc822-headers', 'message/global', 'message/global-headers'];

export async function readNotice(raw: Buffer): Promise<Notice> {
  const m = await simpleParser(raw, { keepDeliveryStatus: true, skipHtmlToText: true, skipTextLinks: true, skipImageLinks: true });
  const headers = fieldGroups(m.headerLines.map((h) => h.line).join('\n'))[0] ?? new Map();
  const ct = m.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const reportType = ct?.value?.toLowerCase() === 'multipart/report' ? (ct.params?.['report-type'] ?? '').toLowerCase() || null : null;
  let deliveryStatus: Fields[] | null = null;
  let feedbackReport: Fields | null = null;
  let original: Fields | null = null;
  for (const a of m.attachments) {
    const type = a.contentType.toLowerCase();
    const body = a.content.toString('utf8');
    if (DSN_TYPES.includes(type) && !deliveryStatus) deliveryStatus = fieldGroups(body);
    else if (type === 'message/feedback-report' && !feedbackReport) feedbackReport = fieldGroups(body)[0] ?? new Map();
    else if (ORIGINAL_TYPES.includes(type) && !original) original = headerBlock(body);
  }
  const delivered = ['delivered-to', 'x-original-to', 'envelope-to', 'x-envelope-to'].flatMap((n) => headers.get(n) ?? []);
  const addressed = [...addressesOf(m.to), ...addressesOf(m.cc)];
  const froms = addressesOf(m.from).map((a) => a.toLowerCase());
  return {
    messageId: m.messageId ?? null,
    subject: m.subject ?? '',
    from: froms[0] ?? null,
    fromAddresses: froms,
    headers,
    deliveredTo: [...new Set([...delivered.map((a) => a.replace(/^<|>$/g, '').trim()), ...addressed])],
    reportType,
    deliveryStatus,
    feedbackReport,
    original,
    text: m.text ?? '',
  };
}

function addressesOf(a: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(a) ? a : a ? [a] : [];
  const out: string[] = [];
  const walk = (v: { address?: string; group?: { address?: string }[] }[]) => {
    for (const x of v) {
      if (x.address) out.push(x.address);
      if (x.group) walk(x.group);
    }
  };
  for (const o of list) walk(o.value);
  return out;
}

// What a message in the bounce mailbox is, from its own content alone (no store): a delivery status
// notification (RFC 3464), a complaint (RFC 5965 ARF), an unsubscribe request (mail to the List-Unsubscribe
// address), an automatic reply (RFC 3834), or unknown. ./identify.ts then finds whose delivery it is about.
import type { BounceAddresses } from '../deliver/verp.js';
import { severityOf } from '../deliver/status-severity.js';
import { first, typedAddress, type Fields } from './fields.js';
import type { Notice } from './parse.js';

export type Verdict =
  /** a final failure: hard (the address is bad) or soft (counted: full mailbox, policy, gave up after 4.x.x) */
  | { kind: 'bounce'; severity: 'hard' | 'soft'; recipient: string | null; status: string; evidence: string }
  /** a report that asks nothing of us: delayed, delivered, relayed, or a "not spam" feedback report */
  | { kind: 'no-action'; evidence: string }
  | { kind: 'complaint'; recipient: string | null; evidence: string }
  /** `tagged`: sent to the subscriber's own unsubscribe address; else to the plain address, by its From */
  | { kind: 'unsubscribe'; tagged: boolean; evidence: string }
  | { kind: 'auto-reply'; evidence: string }
  | { kind: 'unknown'; why: string };

export function classify(n: Notice, bounces: BounceAddresses): Verdict {
  if (n.deliveryStatus || n.reportType === 'delivery-status') return deliveryStatus(n);
  if (n.feedbackReport || n.reportType === 'feedback-report') return feedback(n);
  if (n.deliveredTo.some((a) => bounces.read(a)?.kind === 'unsubscribe')) {
    return { kind: 'unsubscribe', tagged: true, evidence: `mail to the List-Unsubscribe address${n.subject ? `, subject ${JSON.stringify(n.subject.slice(0, 60))}` : ''}` };
  }
  const auto = autoReply(n);
  if (auto) return { kind: 'auto-reply', evidence: auto };
  if (n.deliveredTo.some((a) => bounces.isPlain(a)) && /^\s*(re:\s*)?unsubscribe\b/i.test(n.subject)) {
    return { kind: 'unsubscribe', tagged: false, evidence: `"unsubscribe" mailed to ${bounces.address} by ${n.from ?? 'an unknown sender'}` };
  }
  return { kind: 'unknown', why: 'not a delivery report, complaint, unsubscribe request or automatic reply' };
}

interface DsnRecipient {
  recipient: string | null;
  action: string;
  status: string | null;
  diagnostic: string | null;
}

function deliveryStatus(n: Notice): Verdict {
  const groups = n.deliveryStatus ?? [];
  // the first group is about the message; each later one about one recipient (RFC 3464 §2.2, §2.3)
  const recipients: DsnRecipient[] = groups.slice(1).map((g) => ({
    recipient: typedAddress(first(g, 'final-recipient') ?? first(g, 'original-recipient')) ?? null,
    action: (first(g, 'action') ?? '').toLowerCase().replace(/\s*\(.*$/, ''),
    status: statusOf(g),
    diagnostic: first(g, 'diagnostic-code') ?? null,
  }));
  if (recipients.length === 0) return { kind: 'unknown', why: 'a delivery status report without any recipient fields (RFC 3464 Final-Recipient, Action, Status)' };
  const failed = recipients.filter((r) => r.action === 'failed');
  if (failed.length === 0) {
    return { kind: 'no-action', evidence: `delivery report: ${recipients.map((r) => `${r.action || 'no action'}${r.status ? ` ${r.status}` : ''}`).join(', ')}` };
  }
  const ranked = failed.map((r) => ({ r, severity: severityOf(r.status) }));
  const worst = ranked.find((x) => x.severity === 'hard') ?? ranked.find((x) => x.severity === 'soft');
  if (!worst) return { kind: 'unknown', why: `a failed delivery without a status code (RFC 3463 x.y.z) in Status or Diagnostic-Code` };
  const r = worst.r;
  return {
    kind: 'bounce',
    severity: worst.severity as 'hard' | 'soft',
    recipient: r.recipient,
    status: r.status!,
    evidence: `DSN ${r.status}${r.diagnostic ? `: ${r.diagnostic.slice(0, 200)}` : ''}`,
  };
}

/** RFC 3463 status from Status, or else the first x.y.z in the diagnostic. */
function statusOf(g: Fields): string | null {
  const s = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(first(g, 'status') ?? '')?.[1];
  return s ?? /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(first(g, 'diagnostic-code') ?? '')?.[1] ?? null;
}

function feedback(n: Notice): Verdict {
  const f = n.feedbackReport ?? new Map();
  const type = (first(f, 'feedback-type') ?? '').toLowerCase();
  if (!type) return { kind: 'unknown', why: 'a feedback report without Feedback-Type (RFC 5965 §3.1)' };
  const agent = first(f, 'user-agent');
  const evidence = `ARF ${type}${agent ? ` from ${agent}` : ''}`;
  // not-spam is a reader rescuing the digest from their spam folder: nothing to do
  if (type === 'not-spam') return { kind: 'no-action', evidence };
  return { kind: 'complaint', recipient: typedAddress(first(f, 'original-rcpt-to')) ?? null, evidence };
}

/** RFC 3834 §5 and the usual non-standard marks (Exchange, old vacation programs); null when it is not one. */
function autoReply(n: Notice): string | null {
  const h = n.headers;
  const auto = (first(h, 'auto-submitted') ?? '').toLowerCase().split(';')[0].trim();
  if (auto && auto !== 'no') return `Auto-Submitted: ${auto}`;
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponse']) if (h.has(name)) return `${name} header`;
  const precedence = (first(h, 'precedence') ?? '').toLowerCase();
  if (precedence === 'auto_reply') return 'Precedence: auto_reply';
  if (h.has('x-ms-exchange-inbox-rules-loop') || /^(automatic reply|auto(matic)?[- ]?(reply|response)|out of (the )?office)\b/i.test(n.subject)) {
    return `automatic reply: ${JSON.stringify(n.subject.slice(0, 60))}`;
  }
  return null;
}

// Amazon SES bounce and complaint notifications, delivered through SNS (./sns.ts verifies them). Both the
// notification shape (`notificationType`) and the event-publishing shape (`eventType`) are read.
import type { ProviderEvent } from './provider-event.js';
import { WebhookRefusal, eventTime } from './provider-event.js';

interface SesRecipient {
  emailAddress?: string;
  status?: string;
  diagnosticCode?: string;
}

interface SesNotification {
  notificationType?: string;
  eventType?: string;
  bounce?: { bounceType?: string; bounceSubType?: string; feedbackId?: string; timestamp?: string; bouncedRecipients?: SesRecipient[] };
  complaint?: { feedbackId?: string; complaintFeedbackType?: string; complainedRecipients?: SesRecipient[] };
  /** `messageId` is SES's own; the original's headers (`commonHeaders`, `headers` when SES is told to include them) may carry ours */
  mail?: { messageId?: string; commonHeaders?: { messageId?: string }; headers?: { name?: string; value?: string }[] };
}

/** What the notification gives as the original's Message-ID header: SES rewrites the header it sends, so it may be SES's own. */
function originalMessageIds(n: SesNotification): string[] {
  const out: string[] = [];
  const common = n.mail?.commonHeaders?.messageId;
  if (typeof common === 'string') out.push(common);
  for (const h of Array.isArray(n.mail?.headers) ? n.mail!.headers : []) {
    if (typeof h?.name === 'string' && h.name.toLowerCase() === 'message-id' && typeof h.value === 'string') out.push(h.value);
  }
  return out;
}

export function sesEvents(message: string): ProviderEvent[] {
  let n: SesNotification;
  try {
    n = JSON.parse(message) as SesNotification;
  } catch {
    throw new WebhookRefusal(400, 'SNS Message is not an SES notification (not JSON)');
  }
  const type = n.notificationType ?? n.eventType;
  if (type === 'Bounce' && n.bounce) {
    const b = n.bounce;
    // Permanent: the address is bad (or on a suppression list); Transient and Undetermined count as soft
    const kind = b.bounceType === 'Permanent' ? 'hard' : 'soft';
    return (b.bouncedRecipients ?? [])
      .filter((r) => r.emailAddress)
      .map((r) => ({
        kind,
        email: r.emailAddress!,
        evidence: `SES ${b.bounceType}/${b.bounceSubType}${r.status ? ` ${r.status}` : ''}${r.diagnosticCode ? `: ${r.diagnosticCode.slice(0, 200)}` : ''}; feedback ${b.feedbackId}`,
        eventKey: `ses:${b.feedbackId ?? n.mail?.messageId}:${r.emailAddress!.toLowerCase()}`,
        messageIds: originalMessageIds(n),
        at: eventTime(b.timestamp),
      }));
  }
  if (type === 'Complaint' && n.complaint) {
    const c = n.complaint;
    if (c.complaintFeedbackType === 'not-spam') return [];
    return (c.complainedRecipients ?? [])
      .filter((r) => r.emailAddress)
      .map((r) => ({
        kind: 'complaint' as const,
        email: r.emailAddress!,
        evidence: `SES complaint${c.complaintFeedbackType ? ` (${c.complaintFeedbackType})` : ''}; feedback ${c.feedbackId}`,
        eventKey: `ses:${c.feedbackId ?? n.mail?.messageId}:${r.emailAddress!.toLowerCase()}`,
        messageIds: originalMessageIds(n),
      }));
  }
  // deliveries, sends, opens …: nothing to do
  return [];
}

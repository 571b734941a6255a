// Amazon SES bounce and complaint notifications, delivered through SNS (./sns.ts verifies them). Both the
// notification shape (`notificationType`) and the event-publishing shape (`eventType`) are read.
import type { ProviderEvent } from './provider-event.js';
import { WebhookRefusal } from './provider-event.js';

interface SesRecipient {
  emailAddress?: string;
  status?: string;
  diagnosticCode?: string;
}

interface SesNotification {
  notificationType?: string;
  eventType?: string;
  bounce?: { bounceType?: string; bounceSubType?: string; feedbackId?: string; bouncedRecipients?: SesRecipient[] };
  complaint?: { feedbackId?: string; complaintFeedbackType?: string; complainedRecipients?: SesRecipient[] };
  mail?: { messageId?: string };
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
      }));
  }
  // deliveries, sends, opens …: nothing to do
  return [];
}

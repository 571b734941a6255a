// RFC 3463 enhanced status codes: how bad one is for the address it names (the bounce mailbox, src/mailbox, and the
// providers' webhooks count a refusal the same way), and the one an SMTP reply gives (./classify.ts).

/**
 * 5.x.x is hard, except what is not the address's fault: 5.7.x (policy: spam filters, DMARC, blocks, a relay that
 * will not relay — a broken DKIM key or relay setting must not empty the list), 5.2.2 (mailbox full) and 5.3.4
 * (message too big); those and 4.x.x count as soft. A 2.x.x "failed" is nonsense and ignored.
 */
export function severityOf(status: string | null): 'hard' | 'soft' | null {
  if (!status) return null;
  const [cls, subject, detail] = status.split('.').map(Number);
  if (cls === 4) return 'soft';
  if (cls !== 5) return null;
  if (subject === 7 || (subject === 2 && detail === 2) || (subject === 3 && detail === 4)) return 'soft';
  return 'hard';
}

/** The enhanced status code an SMTP reply gives after its code ("550 5.1.1 No such user" → "5.1.1"), or null. */
export function enhancedStatusOf(reply: string | undefined): string | null {
  return /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(reply ?? '')?.[1] ?? null;
}

// Named queries on the subscriber history (table `subscriber_events`, migration 4): every status change with
// why and the evidence, and the soft bounces counted before they change anything.
export const subscriberEvents = {
  insert: `
    INSERT OR IGNORE INTO subscriber_events (subscriber_id, email_key, at, from_status, to_status, reason, source, edition_id, evidence, event_key)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  seen: `SELECT 1 FROM subscriber_events WHERE event_key = ?`,
  // one per edition: the notices about one delivery (a duplicate, a second relay's, a provider's report of each
  // retry) are one soft bounce; those tied to no edition count once per UTC day (`at` is ISO UTC). Only those since the
  // subscriber last became active: a reader who comes back (after a drop, or after leaving) starts from none, as the
  // hard failures do. Parameters: subscriber, since, subscriber.
  softBouncesSince: `
    SELECT COUNT(DISTINCT COALESCE('edition ' || edition_id, 'day ' || substr(at, 1, 10))) AS n FROM subscriber_events
    WHERE subscriber_id = ? AND reason = 'soft-bounce' AND to_status IS NULL AND at >= ?
      AND id > COALESCE((SELECT MAX(id) FROM subscriber_events WHERE subscriber_id = ? AND to_status = 'active'), 0)`,
  softBounceOn: `
    SELECT 1 FROM subscriber_events
    WHERE subscriber_id = ? AND reason = 'soft-bounce' AND to_status IS NULL AND edition_id = ? LIMIT 1`,
  softBounceUntiedSince: `
    SELECT 1 FROM subscriber_events
    WHERE subscriber_id = ? AND reason = 'soft-bounce' AND to_status IS NULL AND edition_id IS NULL AND at >= ? LIMIT 1`,
  latestSince: `
    SELECT at FROM subscriber_events WHERE subscriber_id = ? AND reason = ? AND at >= ? ORDER BY at DESC LIMIT 1`,
  history: `SELECT * FROM subscriber_events WHERE subscriber_id = ? ORDER BY id`,
  // by address, so it outlives the subscriber's row: did it last leave (unsubscribed, bounced) or come back (active)?
  lastLeftOrBack: `
    SELECT to_status, at FROM subscriber_events
    WHERE email_key = ? AND to_status IN ('unsubscribed','bounced','active') ORDER BY id DESC LIMIT 1`,
  // the change that put each subscriber where they are now
  lastChanges: `
    SELECT e.* FROM subscriber_events e
    JOIN (SELECT subscriber_id, MAX(id) AS id FROM subscriber_events WHERE to_status IS NOT NULL GROUP BY subscriber_id) m ON m.id = e.id`,
  countsSince: `
    SELECT COALESCE(to_status, 'counted') AS status, reason, COUNT(*) AS n FROM subscriber_events
    WHERE at >= ? AND (to_status IN ('bounced','unsubscribed') OR reason = 'soft-bounce') GROUP BY 1, 2`,
  // which delivery a returned message was: its Message-ID in the send ledger
  deliveryByMessageId: `SELECT edition_id, subscriber_id FROM deliveries WHERE message_id = ? LIMIT 1`,
  /** when the subscriber last became active (signed up, confirmed, re-activated) */
  lastActivated: `SELECT at FROM subscriber_events WHERE subscriber_id = ? AND to_status = 'active' ORDER BY id DESC LIMIT 1`,
  /** when the copy of an edition to an address was recorded as sent */
  sentAt: `SELECT updated_at AS at FROM deliveries WHERE edition_id = ? AND email_key = ? AND status = 'sent'`,
  // the edition a subscriber was last sent (handed to the SMTP server, or to the provider) by a time
  lastEditionSentTo: `
    SELECT edition_id FROM deliveries WHERE subscriber_id = ? AND status = 'sent' AND updated_at <= ?
    ORDER BY updated_at DESC, edition_id DESC LIMIT 1`,
} as const;

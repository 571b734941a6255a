// Named queries on the delivery ledger (table `deliveries`): one row per edition and address, the only
// record of what was sent to whom. Rows are keyed by address (`email_key`), not subscriber id.
export const deliveries = {
  /** every active subscriber, queued in SQL: planning 10,000 recipients loads none of them into memory */
  planActive: `
    INSERT OR IGNORE INTO deliveries (edition_id, email_key, email, subscriber_id, status, created_at, updated_at)
    SELECT ?, email_key, email, id, 'queued', ?, ? FROM subscribers WHERE status = 'active' ORDER BY id`,
  planOne: `
    INSERT OR IGNORE INTO deliveries (edition_id, email_key, email, subscriber_id, status, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'queued', ?, ?)`,
  ofEdition: `SELECT * FROM deliveries WHERE edition_id = ? ORDER BY rowid`,
  /** the statuses as a JSON array, e.g. '["queued","failed"]' */
  ofEditionWithStatus: `
    SELECT * FROM deliveries
    WHERE edition_id = ? AND status IN (SELECT value FROM json_each(?))
    ORDER BY rowid`,
  /** only a pending row (queued, or failed and to be tried again) may be attempted */
  markAttempt: `
    UPDATE deliveries SET status = 'queued', attempts = attempts + 1, message_id = ?, updated_at = ?
    WHERE edition_id = ? AND email_key = ? AND status IN ('queued','failed')`,
  /** a claim whose message never reached the server (the session was refused): the row as it was before */
  undoAttempt: `
    UPDATE deliveries SET status = ?, attempts = ?, message_id = ?, updated_at = ?
    WHERE edition_id = ? AND email_key = ? AND status = 'queued'`,
  /** a permanent outcome here is the address refused (5xx at RCPT TO): no longer a message given up after refusals */
  setOutcome: `
    UPDATE deliveries SET status = ?, last_error = ?, permanent = ?, refusals = CASE WHEN ? = 1 THEN 0 ELSE refusals END,
      message_id = COALESCE(?, message_id), updated_at = ?
    WHERE edition_id = ? AND email_key = ?`,
  /** one more run refused this failed message; permanent once `limit` runs did */
  countRefusal: `
    UPDATE deliveries SET refusals = refusals + 1, permanent = (refusals + 1 >= ?), updated_at = ?
    WHERE edition_id = ? AND email_key = ? AND status = 'failed'
    RETURNING refusals`,
  /** the first deferral by the reader's server is when its lifetime starts */
  markDeferred: `
    UPDATE deliveries SET deferred_since = COALESCE(deferred_since, ?)
    WHERE edition_id = ? AND email_key = ? AND status = 'failed'`,
  /** failed for good: deferred since the cutoff or before */
  expire: `
    UPDATE deliveries SET permanent = 1, expired_at = ?, updated_at = ?
    WHERE edition_id = ? AND email_key = ? AND status = 'failed' AND permanent = 0 AND deferred_since <= ?
    RETURNING deferred_since`,
  expired: `SELECT COUNT(*) AS n FROM deliveries WHERE edition_id = ? AND status = 'failed' AND permanent = 1 AND expired_at IS NOT NULL`,
  /**
   * given up (refused on several runs, or deferred past the lifetime) and to be tried once more: pending again, with its
   * count and since-when kept, so one more refusal or deferral gives it up again at once
   */
  reopenGivenUp: `
    UPDATE deliveries SET permanent = 0, expired_at = NULL, updated_at = ?
    WHERE edition_id = ? AND status = 'failed' AND permanent = 1 AND (refusals > 0 OR expired_at IS NOT NULL)`,
  /** given up: failed for good after refusals, not because the address was refused */
  givenUp: `SELECT COUNT(*) AS n, MAX(refusals) AS runs FROM deliveries WHERE edition_id = ? AND status = 'failed' AND permanent = 1 AND refusals > 0`,
  countsByStatus: `SELECT status, COUNT(*) AS n FROM deliveries WHERE edition_id = ? GROUP BY status`,
  /** all rows, and those still to try (queued, or failed but not permanently) */
  pending: `
    SELECT COUNT(*) AS total,
      SUM(CASE WHEN status = 'queued' OR (status = 'failed' AND permanent = 0) THEN 1 ELSE 0 END) AS pending
    FROM deliveries WHERE edition_id = ?`,
} as const;

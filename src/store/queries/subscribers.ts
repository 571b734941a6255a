// Named queries on the subscriber list (table `subscribers`, migration 1). Addresses are looked up by
// `email_key` (the address lower-cased, see ../email.ts), never by the address as typed.
export const subscribers = {
  insert: `
    INSERT INTO subscribers (email, email_key, name, status, sections, created_at, updated_at, confirmed_at, unsubscribed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  byId: `SELECT * FROM subscribers WHERE id = ?`,
  byKey: `SELECT * FROM subscribers WHERE email_key = ?`,
  /** asked once per message of a send, right before it is handed over: the status alone */
  statusById: `SELECT status FROM subscribers WHERE id = ?`,
  update: `
    UPDATE subscribers SET name = ?, status = ?, sections = ?, updated_at = ?,
      confirmed_at = ?, unsubscribed_at = ?, hard_failures = ?
    WHERE id = ?`,
  deleteByKey: `DELETE FROM subscribers WHERE email_key = ?`,
  all: `SELECT * FROM subscribers ORDER BY id`,
  withStatus: `SELECT * FROM subscribers WHERE status = ? ORDER BY id`,
  addHardFailure: `UPDATE subscribers SET hard_failures = hard_failures + 1, updated_at = ? WHERE id = ?`,
  hardFailures: `SELECT hard_failures FROM subscribers WHERE id = ?`,
  resetHardFailures: `UPDATE subscribers SET hard_failures = 0, updated_at = ? WHERE id = ? AND hard_failures > 0`,
} as const;

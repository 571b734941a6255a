// Named queries on editions (table `editions`), the items each sent edition carried (`edition_items`),
// the approved bytes (`edition_snapshots`) and this digest's id (`meta`). The lifecycle they serve is
// drawn in ../lifecycle.ts.
export const editions = {
  /** a send records the edition it sends; a later record never forgets when it was built */
  record: `
    INSERT INTO editions (id, built_at) VALUES (?, ?)
    ON CONFLICT(id) DO UPDATE SET built_at = COALESCE(excluded.built_at, built_at)`,
  /** a draft row if there is none yet (approve, skip) */
  ensure: `INSERT INTO editions (id, built_at, state) VALUES (?, ?, 'draft') ON CONFLICT(id) DO NOTHING`,
  byId: `SELECT * FROM editions WHERE id = ?`,
  /** newest (by window end, then id) first */
  newestFirst: `SELECT * FROM editions ORDER BY COALESCE(window_end, id) DESC, id DESC`,
  markSent: `UPDATE editions SET sent_at = COALESCE(sent_at, ?) WHERE id = ?`,
  addItem: `INSERT OR IGNORE INTO edition_items (edition_id, feed, guid, link, title) VALUES (?, ?, ?, ?, ?)`,
  /** items of every sent edition but one (NULL: all); \`i.*\`: a database opened read-only may predate link and title */
  sentItems: `
    SELECT i.* FROM edition_items i JOIN editions e ON e.id = i.edition_id
    WHERE e.sent_at IS NOT NULL AND e.id IS NOT ?`,

  /** where the newest edition before one (by id) that went out or was skipped ended; NULL window_end: not known */
  lastClosedEnd: `
    SELECT window_end FROM editions
    WHERE (sent_at IS NOT NULL OR state IN ('sent', 'skipped')) AND id < ? AND window_end IS NOT NULL
    ORDER BY id DESC LIMIT 1`,

  // ---- the desk's lifecycle ----
  /** a build: a new draft, or an existing edition keeps its state … */
  recordDraft: `
    INSERT INTO editions (id, built_at, state, window_start, window_end, dir, stories) VALUES (?, ?, 'draft', ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET state = COALESCE(state, 'draft')`,
  /** … and only a draft takes the new build's window, folder and count */
  refreshDraft: `UPDATE editions SET built_at = ?, window_start = ?, window_end = ?, dir = ?, stories = ? WHERE id = ? AND state = 'draft'`,
  approve: `
    UPDATE editions SET state = 'approved', approved_at = ?, approved_by = ?, window_start = COALESCE(?, window_start),
      window_end = COALESCE(?, window_end), dir = COALESCE(?, dir), stories = COALESCE(?, stories)
    WHERE id = ?`,
  unapprove: `UPDATE editions SET state = 'draft', approved_at = NULL, approved_by = NULL WHERE id = ?`,
  /** the 3rd and 4th parameters: when it closed (sent or skipped), or NULL */
  setState: `
    UPDATE editions SET state = ?, note = ?, closed_at = CASE WHEN ? IS NULL THEN closed_at ELSE COALESCE(closed_at, ?) END
    WHERE id = ?`,
  markNotified: `UPDATE editions SET notified_at = COALESCE(notified_at, ?) WHERE id = ?`,

  // ---- approved bytes ----
  saveSnapshot: `
    INSERT INTO edition_snapshots (edition_id, edition_json, email_json, sha256, created_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(edition_id) DO UPDATE SET edition_json = excluded.edition_json, email_json = excluded.email_json,
      sha256 = excluded.sha256, created_at = excluded.created_at`,
  snapshot: `SELECT edition_json, email_json, sha256, created_at FROM edition_snapshots WHERE edition_id = ?`,
  deleteSnapshot: `DELETE FROM edition_snapshots WHERE edition_id = ?`,

  digestId: `SELECT value FROM meta WHERE key = 'digest_id'`,
  unscopedLinksUpTo: `SELECT value FROM meta WHERE key = 'unscoped_links_up_to'`,
  /** what the scheduler last said of an edition, under 'said:<what>:<edition id>' */
  said: `SELECT value FROM meta WHERE key = ?`,
  markSaid: `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
} as const;

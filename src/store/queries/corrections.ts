// Named queries on the editors' corrections (table `corrections`). A correction is pending while
// `edition_id` is NULL (it applies to every draft built) and bound to an edition once that is approved.
export const corrections = {
  insert: `INSERT INTO corrections (kind, items, other, value, made_by, made_at) VALUES (?, ?, ?, ?, ?, ?)`,
  byId: `SELECT *, withdrawn_at IS NOT NULL AS withdrawn FROM corrections WHERE id = ?`,
  /** bind one correction to the edition approved with it (2nd: its id; 3rd: the edition again) */
  bind: `UPDATE corrections SET edition_id = ? WHERE id = ? AND (edition_id IS NULL OR edition_id = ?)`,
  unbindAll: `UPDATE corrections SET edition_id = NULL WHERE edition_id = ?`,
  /** undo: only a pending correction can be taken back */
  withdraw: `UPDATE corrections SET withdrawn_at = ? WHERE id = ? AND edition_id IS NULL AND withdrawn_at IS NULL`,
  ofEdition: `SELECT * FROM corrections WHERE edition_id = ? AND withdrawn_at IS NULL ORDER BY id`,
  pending: `SELECT * FROM corrections WHERE edition_id IS NULL AND withdrawn_at IS NULL ORDER BY id`,
} as const;

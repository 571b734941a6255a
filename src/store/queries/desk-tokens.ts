// Named queries on the desk's sign-in state: editor sessions and used sign-in links (migration 3), kept by
// the SHA-256 of their secret.
export const deskTokens = {
  insertSession: `INSERT INTO desk_sessions (token_hash, email, created_at, expires_at) VALUES (?, ?, ?, ?)`,
  findSession: `SELECT email, expires_at FROM desk_sessions WHERE token_hash = ? AND expires_at > ?`,
  deleteSession: `DELETE FROM desk_sessions WHERE token_hash = ?`,
  purgeSessions: `DELETE FROM desk_sessions WHERE expires_at <= ?`,
  /** a link is used once: the second insert of the same nonce changes nothing */
  useLink: `INSERT INTO desk_used_links (nonce_hash, email, used_at, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (nonce_hash) DO NOTHING`,
  linkUsed: `SELECT 1 FROM desk_used_links WHERE nonce_hash = ?`,
  purgeLinks: `DELETE FROM desk_used_links WHERE expires_at <= ?`,
} as const;

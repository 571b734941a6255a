// Every SQL statement the store runs, named and kept together, one module per concern (the schema
// itself is in ../migrations.ts, versioned). They are TypeScript modules rather than .sql files so
// that a misspelt name is a compile error and nothing has to be copied into dist/ or read at start;
// test/store/queries.test.ts prepares each one against a freshly migrated database.
import type Database from 'better-sqlite3';

export { subscribers } from './subscribers.js';
export { deliveries } from './deliveries.js';
export { editions } from './editions.js';
export { corrections } from './corrections.js';
export { deskTokens } from './desk-tokens.js';

/** Statements prepared once per SQL text: preparing costs more than running these small statements. */
export function preparedStatements(db: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let st = cache.get(sql);
    if (!st) {
      st = db.prepare(sql);
      cache.set(sql, st);
    }
    return st;
  };
}

// The store's named queries (src/store/queries/): each one prepares against a freshly migrated database, so
// a typo in SQL no behavioural test reaches still fails here; and SQL is written nowhere else in src/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/index.js';
import * as queries from '../../src/store/queries/index.js';

const SRC = path.resolve(import.meta.dirname, '../../src');

const named = Object.entries(queries).flatMap(([concern, set]) =>
  typeof set === 'object' ? Object.entries(set).map(([name, sql]) => [`${concern}.${name}`, sql] as const) : [],
);

describe('named queries', () => {
  it('are found (one set per concern, dozens of queries)', () => {
    expect([...new Set(named.map(([n]) => n.split('.')[0]))]).toEqual(expect.arrayContaining(['subscribers', 'deliveries', 'editions', 'corrections']));
    expect(named.length).toBeGreaterThan(30);
  });

  it.each(named)('%s prepares against the migrated schema', (_name, sql) => {
    const store = new SqliteStore(':memory:');
    try {
      expect(() => store.db.prepare(sql)).not.toThrow();
    } finally {
      store.close();
    }
  });

  it('the deliveries of some statuses are filtered by the JSON list of them', () => {
    const store = new SqliteStore(':memory:');
    try {
      const a = store.addSubscriber({ email: 'a@example.org' });
      const b = store.addSubscriber({ email: 'b@example.org' });
      store.planDeliveries('2026-11-23', [a, b]);
      store.markAttempt('2026-11-23', 'b@example.org', '<m1@example.org>');
      store.markSent('2026-11-23', 'b@example.org', '<m1@example.org>');
      expect(store.deliveries('2026-11-23', ['queued']).map((d) => d.email)).toEqual(['a@example.org']);
      expect(store.deliveries('2026-11-23', ['queued', 'sent']).map((d) => d.email)).toEqual(['a@example.org', 'b@example.org']);
      expect(store.deliveries('2026-11-23', ['failed'])).toEqual([]);
    } finally {
      store.close();
    }
  });
});

describe('SQL lives in src/store/queries/ and src/store/migrations.ts only', () => {
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
  const allowed = (f: string) => f.startsWith(path.join('store', 'queries') + path.sep) || f === path.join('store', 'migrations.ts');
  // a string literal that opens with an SQL statement
  const SQL = /[`'"]\s*(SELECT\s+[\w*]|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|CREATE\s+(TABLE|INDEX)\s)/;

  it.each(files.filter((f) => !allowed(f)))('%s has no SQL of its own', (f) => {
    const text = readFileSync(path.join(SRC, f), 'utf8');
    expect(text.match(SQL)?.[0]).toBeUndefined();
    expect(text.includes('.prepare(')).toBe(f === path.join('store', 'queries', 'index.ts'));
  });
});

// The SQLite store through its interface: addresses, migrations, ledger guards, sent items.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkEmail, openStore, readSentItemKeys, DB_FILE } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations.js';

const freshDir = () => mkdtempSync(path.join(tmpdir(), 'roundup-store-'));

describe('checkEmail', () => {
  it.each([
    ['Reader@Example.ORG', 'Reader@example.org'],
    ['x@bücher.de', 'x@xn--bcher-kva.de'],
    ['  pad@example.org ', 'pad@example.org'],
    ["o'brien+digest@example.co.uk", "o'brien+digest@example.co.uk"],
  ])('accepts %j as %j', (input, expected) => {
    const r = checkEmail(input);
    expect(r).toEqual({ ok: true, email: expected, key: expected.toLowerCase() });
  });

  it.each([
    ['a@example.org\r\nBcc: victim@example.net', /line break/],
    ['a@example.org\nb@example.org', /line break/],
    ['a@example.org, b@example.org', /single plain address/],
    ['a@example.org b@example.org', /single plain address/],
    ['Name <a@example.org>', /single plain address/],
    ['"quoted"@example.org', /single plain address/],
    ['a@b@example.org', /more than one "@"/],
    ['no-at-sign', /missing "@"/],
    ['a@localhost', /not a valid domain/],
    ['a@192.168.0.1', /IP address/],
    ['a..b@example.org', /dots/],
    ['', /empty/],
  ])('rejects %j', (input, reason) => {
    const r = checkEmail(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('SqliteStore', () => {
  it('keeps addresses unique case-insensitively, IDN domains included', () => {
    const store = openStore(freshDir());
    const s = store.addSubscriber({ email: 'Reader@Bücher.de', name: 'R', sections: ['arms'] });
    expect(s).toMatchObject({ email: 'Reader@xn--bcher-kva.de', status: 'active', sections: ['arms'] });
    expect(() => store.addSubscriber({ email: 'reader@BÜCHER.DE' })).toThrow(/already a subscriber/);
    expect(store.findSubscriber('READER@xn--bcher-kva.de')?.id).toBe(s.id);
    expect(() => store.addSubscriber({ email: 'bad@@example.org' })).toThrow(/more than one "@"/);
    store.close();
  });

  it('migrates a new database to the latest version and reopens it unchanged', () => {
    const dir = freshDir();
    openStore(dir).close();
    const db = new Database(path.join(dir, DB_FILE));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openStore(dir)).toThrow(/newer than this program knows/);
  });

  it('never lets a terminal ledger row be attempted again', () => {
    const store = openStore(freshDir());
    const s = store.addSubscriber({ email: 'reader@example.org' });
    expect(store.planDeliveries('e1', [s])).toBe(1);
    store.markAttempt('e1', s.email, '<m@x>');
    store.markSent('e1', s.email, '<m@x>');
    expect(() => store.markAttempt('e1', s.email, '<m@x>')).toThrow(/not pending/);
    expect(store.deliveryCounts('e1')).toEqual({ queued: 0, sent: 1, failed: 0, skipped: 0 });
    store.close();
  });

  it('remembers an address that was removed and added again as already planned', () => {
    const store = openStore(freshDir());
    const s = store.addSubscriber({ email: 'reader@example.org' });
    store.planDeliveries('e1', [s]);
    store.markAttempt('e1', s.email, '<m@x>');
    store.markSent('e1', s.email, '<m@x>');
    expect(store.removeSubscriber('READER@example.org')).toBe(true);
    const again = store.addSubscriber({ email: 'Reader@example.org' });
    expect(store.planDeliveries('e1', [again])).toBe(0);
    expect(store.deliveries('e1')[0]).toMatchObject({ status: 'sent', subscriberId: null });
    store.close();
  });

  it('reports item keys only for editions that were sent', () => {
    const dir = freshDir();
    expect(readSentItemKeys(dir).size).toBe(0); // no database yet: nothing sent, nothing created
    const store = openStore(dir);
    store.recordEdition('e1', null);
    const a = { feed: 'wire', guid: 'a', link: 'https://wire.example/a', title: 'Talks resume' };
    store.recordSentItems('e1', [a, { feed: 'brief', guid: 'with:colon', link: null, title: null }]);
    expect(store.sentItemKeys().size).toBe(0);
    store.markEditionSent('e1', '2026-11-23T07:00:00Z');
    store.recordSentItems('e2', [{ feed: 'wire', guid: 'b', link: null, title: 'Not sent' }]);
    expect([...store.sentItemKeys()].sort()).toEqual(['brief:with:colon', 'wire:a']);
    expect(store.sentItems().find((r) => r.guid === 'a')).toEqual(a);
    expect(store.sentItemKeys('e1').size).toBe(0);
    store.close();
    expect([...readSentItemKeys(dir)].sort()).toEqual(['brief:with:colon', 'wire:a']);
  });

  it('reads the sent items of a database made before links and titles were kept, read-only and after migrating', () => {
    const dir = freshDir();
    const db = new Database(path.join(dir, DB_FILE));
    for (const step of MIGRATIONS.slice(0, 4)) db.exec(step);
    db.pragma('user_version = 4');
    db.prepare(`INSERT INTO editions (id, sent_at, state) VALUES ('e1', '2026-11-23T07:00:00Z', 'sent')`).run();
    db.prepare(`INSERT INTO edition_items (edition_id, feed, guid) VALUES ('e1', 'wire', 'a')`).run();
    db.close();
    expect([...readSentItemKeys(dir)]).toEqual(['wire:a']); // `build` reads without migrating
    const store = openStore(dir);
    expect(store.sentItems()).toEqual([{ feed: 'wire', guid: 'a', link: null, title: null }]);
    store.close();
  });

  it('imports all or nothing and never re-activates an unsubscribed address', () => {
    const store = openStore(freshDir());
    const gone = store.addSubscriber({ email: 'gone@example.org', status: 'unsubscribed' });
    const r = store.importSubscribers([
      { email: 'new@example.org', name: 'New' },
      { email: 'GONE@example.org', status: 'active', name: 'Back?' },
    ]);
    expect(r).toEqual({ added: 1, updated: 1, unchanged: 0 });
    expect(store.getSubscriber(gone.id)).toMatchObject({ status: 'unsubscribed', name: 'Back?' });
    expect(() => store.importSubscribers([{ email: 'third@example.org' }, { email: 'not an address' }])).toThrow();
    expect(store.findSubscriber('third@example.org')).toBeNull();
    store.close();
  });
});

// Sets labelled locally (a week of real feeds labelled by hand, never committed) are read from
// $ROUNDUP_EVAL_DATA/local: every directory there with a set.json is a set named `local-` and its directory's name.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localSets } from './sets.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'roundup-local-sets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writeSet(name: string, role: string): void {
  const dir = path.join(root, 'local', name);
  mkdirSync(dir, { recursive: true });
  const meta = {
    name: 'whatever the file says',
    role,
    about: 'A week of two feeds.',
    now: '2027-03-09T00:00:00Z',
    window: '7d',
    title: 'The Week',
    themes: [{ id: 'economy', title: 'Economy', description: 'Prices and jobs.', keywords: ['prices'] }],
    other: 'Other news',
  };
  writeFileSync(path.join(dir, 'set.json'), JSON.stringify(meta));
  const item = (id: string, outlet: string, title: string) =>
    JSON.stringify({ id, outlet, title, text: '', published: '2027-03-05T08:00:00Z', event: 'one', theme: null });
  writeFileSync(path.join(dir, 'items.jsonl'), [item('1', 'Ledger', 'Prices rise'), item('2', 'Courier', 'Prices climb')].join('\n'));
}

describe('local sets', () => {
  it('reads every directory with a set.json under local/, named after the directory, with its own role', () => {
    writeSet('week-two', 'held-out');
    writeSet('week-one', 'tuning');
    mkdirSync(path.join(root, 'local', 'notes'), { recursive: true });
    const sources = localSets(root);
    expect(sources.map((s) => s.name)).toEqual(['local-week-one', 'local-week-two']);
    const set = sources[1].load();
    expect(set.meta.name).toBe('local-week-two');
    expect(set.meta.role).toBe('held-out');
    expect(set.items.map((i) => i.title)).toEqual(['Prices rise', 'Prices climb']);
  });

  it('finds none where there is no local/ folder', () => {
    expect(localSets(path.join(root, 'nowhere'))).toEqual([]);
  });
});

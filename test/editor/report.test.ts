// The explain-and-cut report: written by `digest build` next to the edition, accounts for every item,
// names the story a duplicate belongs to, escapes feed text, and is the same for the same edition.
// Also `build --print` (stdout is exactly the text edition).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { explainEdition, renderReport } from '../../src/report/index.js';
import type { Edition } from '../../src/types.js';
import { DUPLICATE_TITLE, ID, MISSILES_TITLE, NOW, makeWorkspace, type Workspace } from './workspace.js';

let ws: Workspace;
let edition: Edition;
let reportFile: string;

beforeAll(async () => {
  ws = makeWorkspace();
  const r = await runCli(['build', '--config', ws.configFile, '--now', NOW, '--out', ws.outDir]);
  expect(besidesDatedAhead(r.stderr)).toEqual([]);
  expect(r.code).toBe(0);
  edition = JSON.parse(readFileSync(path.join(ws.outDir, ID, 'digest.json'), 'utf8')) as Edition;
  reportFile = path.join(ws.outDir, ID, 'report.html');
});

afterAll(() => ws?.remove());

/** stderr's lines but the notes that the workspace's two items of next week are dated ahead of a build of this week */
function besidesDatedAhead(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '' && !/^note: feed "(wire|brief)": ok \(1 item dated ahead of now, /.test(l));
}

function rows(html: string) {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('#rows tbody tr')].map((tr) => ({
    feed: tr.getAttribute('data-feed'),
    outcome: tr.getAttribute('data-outcome'),
    text: tr.textContent ?? '',
  }));
}

describe('report.html', () => {
  it('is written into the edition folder and lists every item each feed returned, once', () => {
    const html = readFileSync(reportFile, 'utf8');
    const listed = rows(html);
    const returned = edition.feeds.reduce((n, f) => n + f.items, 0);
    expect(listed).toHaveLength(returned);
    for (const f of edition.feeds) expect(listed.filter((r) => r.feed === f.id)).toHaveLength(f.items);
    const stories = edition.sections.flatMap((s) => s.stories.flatMap((st) => st.items));
    expect(listed.filter((r) => r.outcome === 'story')).toHaveLength(stories.length);
    for (const e of edition.excluded) expect(listed.some((r) => r.outcome === e.reason && r.text.includes(e.title))).toBe(true);
  });

  it('shows the story and section that hold the item a duplicate copies', () => {
    const dup = rows(readFileSync(reportFile, 'utf8')).find((r) => r.outcome === 'duplicate');
    expect(dup?.text).toContain(DUPLICATE_TITLE);
    expect(dup?.text).toContain(`told in story “${MISSILES_TITLE}” (Weapons & strikes)`);
  });

  it('puts feed health at the top: status and counts per feed', () => {
    const { document } = parseHTML(readFileSync(reportFile, 'utf8'));
    const health = document.querySelector('#health')!;
    expect(health.compareDocumentPosition(document.querySelector('#items')!) & 4).toBe(4); // health comes first
    const wire = health.querySelector('tr[data-feed="wire"]')!.textContent!;
    expect(wire).toContain('ok');
    expect(wire).toContain(String(edition.feeds.find((f) => f.id === 'wire')!.items));
  });

  it('is byte-identical for the same edition and across builds; build --print writes the text edition to stdout', async () => {
    const first = readFileSync(reportFile, 'utf8');
    expect(renderReport(edition)).toBe(first);
    const again = await runCli(['build', '--config', ws.configFile, '--now', NOW, '--out', ws.outDir, '--print']);
    expect(again.code).toBe(0);
    expect(readFileSync(reportFile, 'utf8')).toBe(first);
    // --print: stdout is exactly digest.txt, and nothing but the feeds' notes goes to stderr when it is not a terminal
    expect(besidesDatedAhead(again.stderr)).toEqual([]);
    expect(again.stdout).toBe(readFileSync(path.join(ws.outDir, ID, 'digest.txt'), 'utf8'));
    expect(again.stdout).toContain(MISSILES_TITLE);
  });
});

describe('report of a hand-made edition', () => {
  const hostile: Edition = {
    edition: { id: '2026-01-05', title: 'T <b>', timezone: 'UTC', start: '2025-12-29T00:00:00.000Z', end: '2026-01-05T00:00:00.000Z', generatedAt: 'x' },
    sections: [
      {
        id: 'arms',
        title: 'Arms & <i>',
        stories: [
          {
            id: 's1', title: 'Story <script>alert(1)</script>', url: 'javascript:alert(2)', summary: '', published: '2026-01-02T00:00:00.000Z',
            sources: ['F'], why: ['keyword: <img src=x onerror=alert(3)>'],
            items: [{ feed: 'f', guid: 'g1', url: 'javascript:alert(4)', title: 'Item <script>alert(5)</script>', published: '2026-01-02T00:00:00.000Z' }],
          },
        ],
      },
    ],
    excluded: [
      { feed: 'f', guid: 'g2', title: 'Copy "one"', url: 'https://x.test/2', reason: 'duplicate', detail: 'duplicate of f:g3' },
      { feed: 'f', guid: 'g3', title: 'Copy "zero"', url: 'https://x.test/3', reason: 'duplicate', detail: 'duplicate of f:g1' },
      { feed: 'f', guid: 'g4', title: 'Lost', url: null, reason: 'duplicate', detail: 'duplicate of f:nowhere' },
    ],
    feeds: [{ id: 'f', name: 'Feed <x>', status: 'ok', items: 5, error: null }],
  };

  it('escapes every feed string and never links a non-web URL', () => {
    const html = renderReport(hostile);
    expect(html).not.toMatch(/<script>alert|<img src=x|<i>|<x>|javascript:/);
    expect(html).toContain('Story &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('keyword: &lt;img src=x onerror=alert(3)&gt;');
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script')).toHaveLength(1); // the report's own filter script
  });

  it('follows a chain of duplicates to the story, says when the original is missing, and flags unaccounted items', () => {
    const m = explainEdition(hostile);
    const byGuid = new Map(m.rows.map((r) => [r.guid, r]));
    expect(byGuid.get('g2')!.duplicateOf!.story?.storyTitle).toBe('Story <script>alert(1)</script>');
    expect(byGuid.get('g3')!.duplicateOf!.story?.sectionTitle).toBe('Arms & <i>');
    expect(byGuid.get('g4')!.duplicateOf).toMatchObject({ key: 'f:nowhere', story: null, title: null });
    expect(m.feeds[0]).toMatchObject({ items: 5, accounted: 4, inStories: 1, excluded: 3 });
    expect(renderReport(hostile)).toContain('5 returned but 4 accounted for');
  });

  it('shows how long a feed has been failing when the caller knows its health', () => {
    const failing: Edition = { ...hostile, feeds: [{ id: 'f', name: 'F', status: 'error', items: 0, error: 'HTTP 503' }] };
    const html = renderReport(failing, { health: { f: { consecutiveFailures: 4, lastSuccess: '2025-12-20T10:00:00.000Z' } } });
    expect(html).toContain('HTTP 503');
    expect(html).toContain('failing 4 runs in a row, last success 2025-12-20 10:00');
  });
});

describe('explainEdition on generated editions', () => {
  it('gives every item of the edition exactly one row, with the outcome the edition says', () => {
    const reasons = ['outside-window', 'duplicate', 'out-of-scope', 'no-theme', 'already-sent', 'invalid'] as const;
    const ref = fc.record({ feed: fc.constantFrom('a', 'b', 'c'), guid: fc.string({ minLength: 1, maxLength: 6 }) });
    const arb = fc.record({
      stories: fc.array(fc.array(ref, { minLength: 1, maxLength: 3 }), { maxLength: 6 }),
      cuts: fc.array(fc.record({ ref, reason: fc.constantFrom(...reasons), target: fc.nat(20) }), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(arb, ({ stories, cuts }) => {
        // item keys are unique within an edition
        const seen = new Set<string>();
        const uniq = (r: { feed: string; guid: string }) => !seen.has(`${r.feed}:${r.guid}`) && !!seen.add(`${r.feed}:${r.guid}`);
        const storyRefs = stories.map((s) => s.filter(uniq)).filter((s) => s.length > 0);
        const cutRefs = cuts.filter((c) => uniq(c.ref));
        const keys = [...seen];
        const e: Edition = {
          edition: { id: 'x', title: 'T', timezone: 'UTC', start: '2026-01-01T00:00:00.000Z', end: '2026-01-08T00:00:00.000Z', generatedAt: '' },
          sections: [{ id: 's', title: 'S', stories: storyRefs.map((items, i) => ({
            id: `st${i}`, title: `Story ${i}`, url: null, summary: '', published: '2026-01-02T00:00:00.000Z', sources: [], why: [],
            items: items.map((r) => ({ ...r, url: null, title: `t ${r.guid}`, published: '2026-01-02T00:00:00.000Z' })),
          })) }],
          excluded: cutRefs.map((c) => ({ ...c.ref, title: 'c', url: null, reason: c.reason, detail: c.reason === 'duplicate' ? `duplicate of ${keys[c.target % keys.length]}` : undefined })),
          feeds: ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), status: 'ok' as const, items: 0, error: null })),
        };
        const m = explainEdition(e);
        expect(m.rows.map((r) => r.key).sort()).toEqual(keys.sort());
        for (const r of m.rows) {
          const cut = e.excluded.find((x) => `${x.feed}:${x.guid}` === r.key);
          expect(r.outcome).toBe(cut ? cut.reason : 'story');
          if (r.outcome === 'duplicate') {
            const target = cut!.detail!.slice('duplicate of '.length);
            expect(r.duplicateOf?.key).toBe(target);
            const holder = e.sections[0].stories.find((st) => st.items.some((i) => `${i.feed}:${i.guid}` === target));
            if (holder) expect(r.duplicateOf?.story?.storyTitle).toBe(holder.title);
          }
        }
        expect(m.feeds.reduce((n, f) => n + f.accounted, 0)).toBe(keys.length);
      }),
      { numRuns: 200 },
    );
  });
});

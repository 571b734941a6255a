// What real feeds put in front of the reader (issue 20), through `digest build` on fixture feeds in the
// shapes outlets publish: captioned WordPress items, live-blog entries and navigation, newsletters and
// daily lists, standfirsts without a full stop, two outlets' paraphrased leads. Reads digest.json,
// digest.txt, digest.eml and report.html as a reader or script would.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SHAPES_DIR, SHAPES_FEEDS, SHAPES_NOW, writeShapesConfig } from '../fixtures/real-shapes/config.js';
import type { Edition, Story } from '../../src/types.js';

interface Labels {
  captions: string[];
  captionScope: { feed: string; guid: string };
  notArticles: string[];
  roundups: string[];
  standfirsts: Record<string, string>;
  paraphrases: [string, string][];
  leadStory: string;
}

const labels = JSON.parse(readFileSync(path.join(SHAPES_DIR, 'labels.json'), 'utf8')) as Labels;
const dir = mkdtempSync(path.join(tmpdir(), 'roundup-shapes-'));
let edition: Edition;
let stories: Story[];
let out: string;

const storyOf = (guid: string) => stories.find((s) => s.items.some((i) => i.guid === guid));
const exclusionOf = (guid: string) => edition.excluded.find((e) => e.guid === guid);

beforeAll(async () => {
  const config = writeShapesConfig(dir);
  const r = await runCli(['build', '--config', config, '--now', SHAPES_NOW, '--out', path.join(dir, 'out'), '--offline'], { timeoutMs: 230_000 });
  expect(r.code, r.stderr).toBe(0);
  out = path.join(dir, 'out', '2026-11-23');
  edition = JSON.parse(readFileSync(path.join(out, 'digest.json'), 'utf8')) as Edition;
  stories = edition.sections.flatMap((s) => s.stories);
  // one build of 28 items; generous for a busy shared machine
}, 240_000);

describe('photo captions', () => {
  it('are in no summary and no title, in digest.json or digest.txt', () => {
    const txt = readFileSync(path.join(out, 'digest.txt'), 'utf8');
    for (const caption of labels.captions) {
      for (const s of stories) {
        expect(s.summary, s.title).not.toContain(caption);
        expect(s.title).not.toContain(caption);
      }
      expect(txt).not.toContain(caption);
    }
    expect(txt).not.toMatch(/\((?:C|L|R)\)|Photo by|REUTERS\//);
  });

  it('leave the article sentence after them as the summary', () => {
    expect(storyOf('https://ledger.test.example/?p=9107')?.summary).toMatch(/^The Kremlin said on Thursday that its envoy would meet US negotiators/);
    expect(storyOf('https://ledger.test.example/?p=9121')?.summary).toMatch(/^Ukraine and Russia exchanged 150 prisoners of war/);
    expect(storyOf('https://ledger.test.example/?p=9115')?.summary).toMatch(/^Rail traffic to the port of Odesa resumed/);
  });

  it('do not decide scope: an item in scope only through its photo is out of scope', () => {
    expect(exclusionOf(labels.captionScope.guid)).toMatchObject({ feed: labels.captionScope.feed, reason: 'out-of-scope' });
  });

  it('do not keep an item out of the story its article belongs to', () => {
    const story = storyOf('https://ledger.test.example/?p=9101');
    expect(story?.items.map((i) => i.guid).sort()).toEqual(['https://ledger.test.example/?p=9101', 'standard-long-range-1', 'standard-long-range-2']);
  });
});

describe('fragments and navigation', () => {
  it('are excluded as not-an-article with a detail, and never become a story or its title', () => {
    for (const guid of labels.notArticles) {
      expect(storyOf(guid), guid).toBeUndefined();
      const e = exclusionOf(guid);
      expect(e?.reason, guid).toBe('not-an-article');
      expect(e?.detail, guid).toBeTruthy();
    }
    const titles = stories.map((s) => s.title);
    for (const junk of ['More »', 'Here’s the latest.', 'What we know so far', '14:05 GMT']) expect(titles).not.toContain(junk);
  });

  it('leave a live-blog entry with a real headline as a story', () => {
    expect(storyOf('live-entry-6')?.title).toBe('Air raid alert lifted in Kyiv after overnight drone attack');
  });
});

describe('newsletters and roundups', () => {
  it('are excluded as roundup, by title, by sections, by a "Plus," teaser or by a list of unrelated items', () => {
    for (const guid of labels.roundups) {
      expect(storyOf(guid), guid).toBeUndefined();
      expect(exclusionOf(guid)?.reason, guid).toBe('roundup');
    }
    expect(exclusionOf('post-seven-days')?.detail).toMatch(/list of 6 items/);
    expect(exclusionOf('post-the-morning')?.detail).toMatch(/Plus/);
    expect(exclusionOf('post-this-week')?.detail).toMatch(/in other news/);
  });

  it('bring none of their other events into any summary', () => {
    for (const s of stories) expect(s.summary).not.toMatch(/borscht|Flamin|heatwave|frog|accordion|marathon|volcano/i);
  });
});

describe('standfirsts', () => {
  it('become the summary: a complete thought gets its full stop, an "It …" or "The former …" lead is kept', () => {
    for (const [guid, summary] of Object.entries(labels.standfirsts)) expect(storyOf(guid)?.summary, guid).toBe(summary);
  });

  it('leave no story without a summary', () => {
    expect(stories.filter((s) => !s.summary).map((s) => s.title)).toEqual([]);
  });
});

describe('two outlets telling the same thing', () => {
  it('give one of the two paraphrased leads, not both', () => {
    for (const pair of labels.paraphrases) {
      const story = stories.find((s) => pair.some((p) => s.summary.includes(p)));
      expect(story?.sources).toHaveLength(2);
      expect(pair.filter((p) => story!.summary.includes(p))).toHaveLength(1);
    }
  });
});

describe('the subject line', () => {
  it('leads with the top story by sources, then items — not the most recent of equals', async () => {
    const mail = await simpleParser(readFileSync(path.join(out, 'digest.eml')));
    const lead = storyOf(labels.leadStory)!;
    expect(lead.sources.length).toBe(Math.max(...stories.map((s) => s.sources.length)));
    expect(lead.items.length).toBe(Math.max(...stories.map((s) => s.items.length)));
    // a story with as many sources but fewer items is more recent: it must not lead
    const newerEqual = stories.find((s) => s !== lead && s.sources.length === lead.sources.length && s.published > lead.published);
    expect(newerEqual).toBeDefined();
    expect(mail.subject).toContain(`: ${lead.title.slice(0, 40)}`);
  });
});

describe('accounting', () => {
  it('keeps every item of every feed exactly once, in a story or excluded', () => {
    const keys = [
      ...stories.flatMap((s) => s.items.map((i) => `${i.feed}:${i.guid}`)),
      ...edition.excluded.map((e) => `${e.feed}:${e.guid}`),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of SHAPES_FEEDS) {
      const report = edition.feeds.find((r) => r.id === f.id)!;
      expect(keys.filter((k) => k.startsWith(`${f.id}:`)), f.id).toHaveLength(report.items);
    }
  });

  it('shows the new reasons in the editors’ report', () => {
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/<option value="not-an-article">not an article \(6\)<\/option>/);
    expect(html).toMatch(/<option value="roundup">roundup \(7\)<\/option>/);
  });
});

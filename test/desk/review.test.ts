// `review: required` with a real SMTP sink: at the firing the scheduler builds a draft and tells the
// editors, sends nothing before an editor approves, sends once approved; at the review deadline it
// sends the draft as it stands, or skips the edition (onDeadline: skip).
import { UNSIGNED } from '../helpers/unsigned.js';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import { SECRET, makeDeskWorkspace, type DeskWorkspace, CLI_TIMEOUT } from './workspace.js';

let sink: Sink;
let ws: DeskWorkspace;
const REVIEW = 'schedule: "0 7 * * 1"\nreview: required\neditors: [ed@desk.test]\nreviewDeadline: 4h\n';

beforeAll(async () => {
  sink = await startSink();
  ws = makeDeskWorkspace(REVIEW);
  const store = openStore(ws.stateDir);
  store.addSubscriber({ email: 'ann@reader.test' });
  store.close();
});
afterAll(async () => {
  await sink.close();
  ws.remove();
});

const cli = (args: string[]) => runCli([...args, '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, timeoutMs: CLI_TIMEOUT });
const tick = (now: string) => cli(['tick', '--now', now]);
const to = (who: string) => sink.received.filter((m) => m.to.includes(who));

/** One invented wire item a week, so later editions have news in their window. */
const weekly = (id: string, date: string, title: string) => ({
  id,
  title,
  link: `https://wire.test/a/${id}`,
  date,
  body: `${title}, officials in Kyiv said, as Ukraine and its allies discussed the next steps.`,
});

describe('review: required', () => {
  it('at the firing builds a draft, tells the editors, and sends nothing', async () => {
    const r = await tick('2026-11-23T07:05:00+02:00');
    expect(r.stderr).toBe(UNSIGNED);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'edition 2026-11-23 is due; draft built, editors told (ed@desk.test); nothing is sent before it is approved ' +
        '(review deadline 2026-11-23T11:05:00.000+02:00); next edition at 2026-11-30T07:00:00.000+02:00\n',
    );
    expect(to('ann@reader.test')).toHaveLength(0);
    const notes = to('ed@desk.test');
    expect(notes).toHaveLength(1);
    const mail = await simpleParser(notes[0].raw);
    expect(mail.subject).toBe('Draft ready for review: Desk Watch · 2026-11-23 (5 stories)');
    expect(mail.text).toContain('https://desk.test/desk');
    expect(mail.text).toContain('If nobody approves it by Mon 23 Nov 11:05');
    // the sections' list reads as one list, a line each, not as paragraphs apart
    expect(mail.text).toMatch(/\n\n(- [^\n]+: \d+\n){2,}\n/);
    expect(mail.html).toMatch(/<p>- [^<]+: \d+<br>- /);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  }, 240_000);

  it('waits for an approval, then sends what was approved', async () => {
    const wait = await tick('2026-11-23T08:00:00+02:00');
    expect(wait.code).toBe(0);
    expect(wait.stdout).toMatch(/^edition 2026-11-23 is due; waiting for an editor to approve it; nothing is sent before it is approved/);
    expect(sink.received).toHaveLength(1);

    expect((await cli(['edit', 'drop', 'Ukraine budget', '--by', 'ed@desk.test'])).code).toBe(0);
    const approve = await cli(['approve', '--by', 'ed@desk.test']);
    expect(approve.code, approve.stderr).toBe(0);
    const sent = await tick('2026-11-23T08:30:00+02:00');
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/^edition 2026-11-23 is due: sent 1, failed 0/);
    const [mail] = await Promise.all(to('ann@reader.test').map((m) => simpleParser(m.raw)));
    expect(mail.text).toContain('Ukraine receives first long-range missiles');
    expect(mail.text).not.toContain('Ukraine budget');
    const again = await tick('2026-11-23T09:00:00+02:00');
    expect(again.stdout).toMatch(/^nothing due: edition 2026-11-23 was already sent/);
    expect(to('ann@reader.test')).toHaveLength(1);
  }, 480_000);

  it('at the deadline sends the draft as it stands', async () => {
    ws.addWireItems([weekly('w-week2', '2026-11-27T09:00:00Z', 'Ukraine signs air defence deal with allies')]);
    const built = await tick('2026-11-30T07:01:00+02:00');
    expect(built.stdout).toMatch(/draft built, editors told/);
    expect(to('ed@desk.test')).toHaveLength(2);
    const early = await tick('2026-11-30T10:59:00+02:00');
    expect(early.stdout).toMatch(/waiting for an editor to approve it/);
    expect(to('ann@reader.test')).toHaveLength(1);
    const late = await tick('2026-11-30T11:02:00+02:00');
    expect(late.code, late.stderr).toBe(0);
    expect(late.stdout).toMatch(/^nobody approved edition 2026-11-30 by the review deadline \(2026-11-30T11:01:00\.000\+02:00\); sending the draft as it stands: sent 1, failed 0/);
    const mails = await Promise.all(to('ann@reader.test').map((m) => simpleParser(m.raw)));
    expect(mails[1].text).toContain('Ukraine signs air defence deal with allies');
  }, 480_000);

  it('with onDeadline: skip, skips the edition at the deadline', async () => {
    writeFileSync(ws.configFile, readFileSync(ws.configFile, 'utf8').replace('reviewDeadline: 4h\n', 'reviewDeadline: 4h\nonDeadline: skip\n'));
    ws.addWireItems([weekly('w-week3', '2026-12-03T09:00:00Z', 'Ukraine and Poland agree on border crossing hours')]);
    expect((await tick('2026-12-07T07:00:00+02:00')).stdout).toMatch(/draft built, editors told/);
    expect((await cli(['edit', 'intro', 'Border talks dominate the week.', '--by', 'ed@desk.test'])).code).toBe(0);
    const skipped = await tick('2026-12-07T12:00:00+02:00');
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/^nobody approved edition 2026-12-07 by the review deadline \(2026-12-07T11:00:00\.000\+02:00\); skipped; next edition at 2026-12-14/);
    expect(to('ann@reader.test')).toHaveLength(2);
    expect((await tick('2026-12-07T13:00:00+02:00')).stdout).toMatch(/^nothing due: edition 2026-12-07 was skipped/);
  }, 480_000);

  it("the corrections of a skipped edition stay with it: the next week's draft does not carry its introduction", async () => {
    ws.addWireItems([weekly('w-week4', '2026-12-10T09:00:00Z', 'Ukraine opens new rail link to Poland')]);
    expect((await tick('2026-12-14T07:00:00+02:00')).stdout).toMatch(/^edition 2026-12-14 is due; draft built, editors told/);
    const next = JSON.parse(readFileSync(path.join(ws.outDir, '2026-12-14', 'digest.json'), 'utf8')) as Edition;
    expect(next.sections.flatMap((s) => s.stories.map((st) => st.title))).toContain('Ukraine opens new rail link to Poland');
    expect(next.intro).toBeUndefined();
    expect(next.corrections).toBeUndefined();
    // the introduction (#2) is the skipped edition's, on the record there
    expect((await cli(['edit', 'undo', '2'])).stderr).toBe('digest: correction #2 belongs to edition 2026-12-07, which is skipped; it can no longer be undone\n');
    expect((await cli(['edit', 'list'])).stdout).not.toContain('Border talks');
  }, 480_000);
});

describe('review settings in the config', () => {
  const base = 'title: T\nfeeds:\n  - name: F\n    path: f.xml\nthemes:\n  - id: a\n    title: A\n';
  const load = async (extra: string) => {
    const { parseConfig } = await import('../../src/config/index.js');
    return parseConfig(base + extra, '/tmp/digest.config.yaml');
  };

  it('are optional: an old config means no review', async () => {
    expect((await load('')).review).toEqual({ mode: 'none', editors: [], deadlineMs: null, onDeadline: 'send' });
    expect((await load('review: required\neditors: [a@b.test]\nreviewDeadline: 2h\n')).review).toEqual({
      mode: 'required',
      editors: ['a@b.test'],
      deadlineMs: 7_200_000,
      onDeadline: 'send',
    });
  });

  it('name the key and what is expected', async () => {
    const cases: [string, string][] = [
      ['review: always\n', 'review: expected "none" or "required"'],
      ['review: required\n', 'editors: expected at least one editor address when `review: required`'],
      ['review: required\neditors: [someone]\n', 'editors[0]: expected an email address, got "someone"'],
      ['review: required\neditors: [a@b.test]\nreviewDeadline: soon\n', 'reviewDeadline: expected a duration such as 4h or 1d, got "soon"'],
      ['review: required\neditors: [a@b.test]\nonDeadline: skip\n', 'onDeadline: needs `reviewDeadline`'],
      ['reviewDeadline: 4h\n', 'reviewDeadline: only used with `review: required`'],
    ];
    for (const [extra, message] of cases) await expect(load(extra), extra).rejects.toThrow(message);
  });
});

// Only `send` records what went out: later editions exclude those items as `already-sent`,
// while rebuilding the sent edition itself still gives the same edition.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import type { Edition } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-sent-'));
const cfg = path.join(dir, 'digest.config.yaml');
const out = path.join(dir, 'out');
let sink: Sink;
let env: Record<string, string>;

beforeAll(async () => {
  sink = await startSink();
  env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'sent-test-secret-0123456789abcdef' };
  writeFileSync(
    cfg,
    `title: Sent Watch
timezone: Europe/Kyiv
window: 7d
feeds:
  - name: Test Wire
    id: wire
    path: ${path.join(ROOT, 'test/fixtures/build/wire.xml')}
themes:
  - id: arms
    title: Arms
    keywords: [F-16]
email:
  from: "Sent Watch <digest@sent.example>"
  baseUrl: https://sent.example
  address: "1 Example Street, Kyiv"
state: state
`,
  );
  expect((await runCli(['subscribers', 'add', 'eve@reader.example', '--config', cfg], { env })).code).toBe(0);
});
afterAll(() => sink.close());

const build = async (now: string, name: string) => {
  const r = await runCli(['build', '--config', cfg, '--now', now, '--out', path.join(out, name)], { env });
  expect(r.code, r.stderr).toBe(0);
  const [id] = r.stdout.match(/edition (\d{4}-\d{2}-\d{2})/)!.slice(1);
  return { id, edition: JSON.parse(readFileSync(path.join(out, name, id, 'digest.json'), 'utf8')) as Edition };
};
const storyKeys = (e: Edition) => e.sections.flatMap((s) => s.stories.flatMap((st) => st.items.map((i) => `${i.feed}:${i.guid}`))).sort();

describe('already-sent', () => {
  it('build alone records nothing; send does, and later editions leave those items out', async () => {
    const first = await build('2026-11-21T07:00:00+02:00', 'a');
    const again = await build('2026-11-22T07:00:00+02:00', 'b');
    // two builds, nothing sent: no item is already-sent
    expect(again.edition.excluded.filter((e) => e.reason === 'already-sent')).toEqual([]);

    const sent = await runCli(['send', '--config', cfg, '--edition', first.id, '--out', path.join(out, 'a')], { env });
    expect(sent.code, sent.stderr).toBe(0);
    expect(sink.received).toHaveLength(1);

    const later = await build('2026-11-23T07:00:00+02:00', 'c');
    const already = later.edition.excluded.filter((e) => e.reason === 'already-sent').map((e) => `${e.feed}:${e.guid}`).sort();
    // everything the sent edition carried that is still in the later window
    expect(already.length).toBeGreaterThan(0);
    for (const k of already) expect(storyKeys(first.edition)).toContain(k);
    for (const k of storyKeys(later.edition)) expect(storyKeys(first.edition)).not.toContain(k);

    // rebuilding the sent edition gives the same edition
    const rebuilt = await build('2026-11-21T07:00:00+02:00', 'd');
    expect(storyKeys(rebuilt.edition)).toEqual(storyKeys(first.edition));
    expect(rebuilt.edition.excluded.filter((e) => e.reason === 'already-sent')).toEqual([]);
  }, 240_000); // six CLI runs: seconds each on an idle machine, up to a minute on a busy shared one
});

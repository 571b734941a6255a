// An edition's lifecycle through the command line, with a real SMTP sink: what was approved is what
// goes out (whatever is built afterwards), `send` without an approved edition says so, an edition of
// another digest is refused, zero subscribers leave the edition approved, `send --edition` approves
// what is on disk, and `digest status` tells where things stand.
import { UNSIGNED } from '../helpers/unsigned.js';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import { ID, LATE_ITEM, NOW, SECRET, makeDeskWorkspace, type DeskWorkspace, CLI_TIMEOUT } from './workspace.js';

let sink: Sink;
const made: DeskWorkspace[] = [];
beforeAll(async () => {
  sink = await startSink();
});
afterAll(async () => {
  await sink.close();
  for (const ws of made) ws.remove();
});

function workspace(extra = ''): DeskWorkspace {
  const ws = makeDeskWorkspace(extra);
  made.push(ws);
  return ws;
}

const cli = (ws: DeskWorkspace, args: string[]) =>
  runCli([...args, '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, timeoutMs: CLI_TIMEOUT });

function subscribe(ws: DeskWorkspace, ...emails: string[]): void {
  const store = openStore(ws.stateDir);
  for (const email of emails) store.addSubscriber({ email });
  store.close();
}

const readEdition = (dir: string): Edition => JSON.parse(readFileSync(path.join(dir, 'digest.json'), 'utf8')) as Edition;
const storyTitles = (e: Edition) => e.sections.flatMap((s) => s.stories.map((st) => st.title));
const mailsTo = (who: string) => sink.received.filter((m) => m.to.includes(who));

describe('approve, then send', () => {
  it('sends exactly the approved bytes, though a feed changed and the edition was built again', async () => {
    const ws = workspace();
    subscribe(ws, 'ann@reader.test');
    expect((await cli(ws, ['build', '--now', NOW])).code).toBe(0);

    const none = await cli(ws, ['send']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('digest: no approved edition to send: approve the draft first (`digest approve`), or build and send at once with `digest send --build`\n');

    const approve = await cli(ws, ['approve', '--by', 'ed@desk.test']);
    expect(approve.stderr).toBe('');
    expect(approve.code).toBe(0);
    expect(approve.stdout).toMatch(/^approved edition 2026-11-23: 5 stories in 3 sections/);
    const approvedJson = readFileSync(path.join(ws.editionDir, 'digest.json'), 'utf8');
    const approvedText = readFileSync(path.join(ws.editionDir, 'digest.txt'), 'utf8');

    // a late story arrives; building again neither changes the approved folder nor what is sent
    ws.addLateItem();
    const rebuilt = await cli(ws, ['build', '--now', NOW]);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).toMatch(/^note: edition 2026-11-23 is approved; .* keeps the approved copy and this build was not written/);
    expect(readFileSync(path.join(ws.editionDir, 'digest.json'), 'utf8')).toBe(approvedJson);
    const elsewhere = await cli(ws, ['build', '--now', NOW, '--out', path.join(ws.dir, 'compare')]);
    expect(elsewhere.code).toBe(0);
    expect(storyTitles(readEdition(path.join(ws.dir, 'compare', ID)))).toContain(LATE_ITEM.title); // the feed did change

    const sent = await cli(ws, ['send']);
    expect(sent.stderr).toBe(UNSIGNED);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/^edition 2026-11-23: sent 1, skipped 0, failed 0/);
    const [mail] = await Promise.all(mailsTo('ann@reader.test').map((m) => simpleParser(m.raw)));
    expect(mail.text).not.toContain(LATE_ITEM.title);
    // the message is the approved text, with the reader's own links in place of the sample's
    const personal = (t: string) => t.replace(/https:\/\/desk\.test\/(u|preferences)\/\S+/g, '<link>').replace(/reader@example\.org|ann@reader\.test/g, '<address>');
    expect(personal(mail.text!.replace(/\r\n/g, '\n')).trim()).toBe(personal(approvedText).trim());

    const again = await cli(ws, ['send']);
    expect(again.code).toBe(2); // nothing approved is left to send
    // not "approve the draft first": there is no draft, and `digest approve` says so
    expect(again.stderr).toBe(
      'digest: nothing to send: edition 2026-11-23, the newest, was already sent; build the next one (`digest build`) and approve it, or build and send at once with `digest send --build`\n',
    );
    expect(mailsTo('ann@reader.test')).toHaveLength(1);

    const status = await cli(ws, ['status', '--now', '2026-11-23T09:00:00+02:00']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Desk Watch\n  schedule    0 7 * * 1 (Europe/Kyiv); next firing Mon 30 Nov 2026 07:00 +02:00\n');
    expect(status.stdout).toMatch(/\n {2}draft {7}none\n/);
    expect(status.stdout).toMatch(/\n {2}last sent {3}edition 2026-11-23 at .*: 1 sent, 0 failed, 0 skipped\n/);
    expect(status.stdout).toContain('\n  subscribers 1 active (0 pending, 0 unsubscribed, 0 bounced)\n');
  }, 720_000);

  it('refuses an edition that another digest built, with one line', async () => {
    const mine = workspace();
    const theirs = workspace();
    writeFileSync(theirs.configFile, readFileSync(theirs.configFile, 'utf8').replace('title: Desk Watch', 'title: Other Watch'));
    expect((await cli(theirs, ['build', '--now', NOW])).code).toBe(0);
    for (const args of [['send', '--edition', ID], ['approve', '--edition', ID]]) {
      const r = await cli(mine, [...args, '--out', theirs.outDir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^digest: .*2026-11-23\/digest\.json: edition 2026-11-23 was built by another digest \("Other Watch", id [0-9a-f]{16}\), not by .*digest\.config\.yaml \("Desk Watch", id [0-9a-f]{16}\); refusing it\n$/);
    }
    expect(sink.received.filter((m) => m.raw.toString().includes('Other Watch'))).toHaveLength(0);
  }, 480_000);

  it('with zero subscribers sends nothing and keeps the edition approved; refuses to approve a stale draft', async () => {
    const ws = workspace();
    expect((await cli(ws, ['build', '--now', NOW])).code).toBe(0);
    // the config changed since the build: the email on disk is not what would be sent
    writeFileSync(ws.configFile, readFileSync(ws.configFile, 'utf8').replace('baseUrl: https://desk.test', 'baseUrl: https://elsewhere.test'));
    const stale = await cli(ws, ['approve']);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/^digest: .*digest\.html is not what .*digest\.json renders to with the current config and templates .*; rebuild it \(`digest build --now 2026-11-23T07:00:00\.000\+02:00`\)/);
    ws.writeConfig();

    expect((await cli(ws, ['approve'])).code).toBe(0);
    const nobody = await cli(ws, ['send']);
    expect(nobody.code).toBe(1);
    expect(nobody.stdout).toMatch(/^edition 2026-11-23: not sent: no active subscribers.*\nedition 2026-11-23 stays approved for the next send\n$/);
    expect((await cli(ws, ['status'])).stdout).toMatch(/\n {2}draft {7}edition 2026-11-23: approved; by .*; 5 stories\n/);

    subscribe(ws, 'bo@reader.test');
    const later = await cli(ws, ['send']);
    expect(later.code).toBe(0);
    expect(later.stdout).toMatch(/sent 1, skipped 0, failed 0/);
    expect(mailsTo('bo@reader.test')).toHaveLength(1);
  }, 720_000);

  it('send --edition of an unapproved draft approves it as it is on disk, corrections included', async () => {
    const ws = workspace();
    subscribe(ws, 'cy@reader.test');
    expect((await cli(ws, ['build', '--now', NOW])).code).toBe(0);
    expect((await cli(ws, ['edit', 'drop', 'Ukraine budget'])).code).toBe(0);
    const r = await cli(ws, ['send', '--edition', ID]);
    expect(r.stderr).toBe(UNSIGNED);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^approved edition 2026-11-23 as it is on disk \(out\/2026-11-23\)\nedition 2026-11-23: sent 1,/);
    const [mail] = await Promise.all(mailsTo('cy@reader.test').map((m) => simpleParser(m.raw)));
    expect(mail.text).toContain('Ukraine receives first long-range missiles');
    expect(mail.text).not.toContain('Ukraine budget');
    const store = openStore(ws.stateDir);
    expect([...store.sentItemKeys()]).not.toContain('wire:w-budget');
    store.close();
  }, 480_000);

  it("an approved edition older than one already sent stays unsent by `digest send`: last week's news never follows this week's", async () => {
    const ws = workspace();
    subscribe(ws, 'di@reader.test');
    expect((await cli(ws, ['build', '--now', NOW])).code).toBe(0);
    expect((await cli(ws, ['approve'])).code).toBe(0);
    // a later build is approved and sent first (toSend takes the newest approved)
    ws.addWireItems([{ id: 'w-next', title: 'Ukraine opens new rail link to Poland', link: 'https://wire.test/a/rail', date: '2026-11-27T09:00:00Z', body: 'Ukraine opened a new rail link to Poland on Friday, officials in Kyiv said.' }]);
    expect((await cli(ws, ['build', '--now', '2026-11-30T07:00:00+02:00'])).code).toBe(0);
    expect((await cli(ws, ['approve'])).code).toBe(0);
    const sent = await cli(ws, ['send']);
    expect(sent.stdout).toMatch(/^edition 2026-11-30: sent 1,/);
    const again = await cli(ws, ['send']);
    expect(again.stderr).toBe(
      'digest: edition 2026-11-23 is approved, but edition 2026-11-30, newer, was already sent: it is not sent after it ' +
        '(`digest send --edition 2026-11-23` sends it all the same; `digest approve --edition 2026-11-23 --withdraw` clears it)\n',
    );
    expect(again.code).toBe(2);
    expect(mailsTo('di@reader.test')).toHaveLength(1);
    // named, it goes
    const named = await cli(ws, ['send', '--edition', ID]);
    expect(named.stdout).toMatch(/^edition 2026-11-23: sent 1,/);
    expect(mailsTo('di@reader.test')).toHaveLength(2);
  }, 720_000);

  it('an edition built before another with the same stories went out is not approved or sent as it is: readers would get them twice', async () => {
    const ws = workspace();
    subscribe(ws, 'ed@reader.test');
    expect((await cli(ws, ['build', '--now', NOW])).code).toBe(0);
    expect((await cli(ws, ['approve'])).code).toBe(0);
    // a day later the draft is built again (a new edition, the same week's news), then the first goes out
    const TUESDAY = '2026-11-24T10:00:00.000+02:00';
    expect((await cli(ws, ['build', '--now', TUESDAY])).code).toBe(0);
    expect((await cli(ws, ['send', '--edition', ID])).stdout).toMatch(/^edition 2026-11-23: sent 1,/);
    const refused = await cli(ws, ['approve']);
    expect(refused.stderr).toBe(
      'digest: edition 2026-11-24: 5 of its 5 stories went out in another edition after it was built (readers would get them twice); ' +
        `rebuild it (\`digest build --now ${TUESDAY}\`), which leaves them out, read it, then approve\n`,
    );
    expect(refused.code).toBe(2);
    // one approved before the other went out is not sent either
    const ws2 = workspace();
    subscribe(ws2, 'fi@reader.test');
    expect((await cli(ws2, ['build', '--now', NOW])).code).toBe(0);
    expect((await cli(ws2, ['build', '--now', TUESDAY])).code).toBe(0);
    expect((await cli(ws2, ['approve'])).code).toBe(0);
    expect((await cli(ws2, ['send', '--edition', ID])).stdout).toMatch(/^approved edition 2026-11-23 as it is on disk .*\nedition 2026-11-23: sent 1,/);
    const held = await cli(ws2, ['send']);
    expect(held.stderr).toMatch(
      /^digest: edition 2026-11-24: 5 of its stories went out in another edition after it was approved \(readers would get them twice\); withdraw the approval \(`digest approve --edition 2026-11-24 --withdraw`\), rebuild it/m,
    );
    expect(held.code).toBe(2);
    expect(mailsTo('ed@reader.test')).toHaveLength(1);
    expect(mailsTo('fi@reader.test')).toHaveLength(1);
  }, 720_000);
});

// A reader's chosen sections are theme ids from the config of the day they chose. When the config later renames or
// drops a theme, the choices it no longer has are ignored: a reader left with none gets every section (as one who never
// chose), instead of being skipped as "chosen sections empty" every week with nobody told.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { SECRET, makeEdition, makeWorkspace, startSink, writeEditionFile, type Sink } from './support.js';

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

describe('sections a reader chose that the config no longer has', () => {
  it('are ignored: the reader gets the sections still chosen, or every section when none is left', async () => {
    const ws = makeWorkspace(); // themes arms, diplomacy, aid
    writeEditionFile(ws.outDir, makeEdition());
    const store = openStore(ws.stateDir);
    // chosen under an older config that had an "economy" theme
    store.addSubscriber({ email: 'alice@example.net', sections: ['economy'] });
    store.addSubscriber({ email: 'bob@example.net', sections: ['economy', 'diplomacy'] });
    store.addSubscriber({ email: 'carol@example.net', sections: ['aid'] }); // still a theme, empty this week
    store.close();
    sink = await startSink();
    const r = await runCli(['send', '--config', ws.configFile, '--edition', '2026-11-23'], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/sent 2, skipped 1, failed 0/);
    expect(r.stdout).toMatch(/skipped 1: chosen sections empty this edition/);
    const mails = new Map((await sink.parsed()).map((m) => [m.to && 'text' in m.to ? m.to.text : '', m]));
    expect([...mails.keys()].sort()).toEqual(['alice@example.net', 'bob@example.net']);
    const alice = mails.get('alice@example.net')!;
    for (const title of ['Coalition pledges more radar units', 'Debate continues over range limits', 'Mediators host a quiet round']) expect(alice.text).toContain(title);
    const bob = mails.get('bob@example.net')!;
    expect(bob.text).toContain('Mediators host a quiet round');
    expect(bob.text).not.toContain('Coalition pledges more radar units');
  }, 30_000);
});

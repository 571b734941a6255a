// A reader who chose sections gets a subject led by a story they receive, not by the edition's top story in a
// section they left out (what `digest send` hands the SMTP server). Invented sample text (support.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { SECRET, makeEdition, makeWorkspace, startSink, writeEditionFile, type Sink } from './support.js';

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

describe('the subject of a reader who chose sections', () => {
  it('names a story from the sections they get', async () => {
    const ws = makeWorkspace();
    const edition = makeEdition();
    // the edition's top story (most outlets) is in arms
    edition.sections[0].stories[0].sources = ['Wire One', 'Global Brief', 'Harbour Times'];
    writeEditionFile(ws.outDir, edition);
    const store = openStore(ws.stateDir);
    store.addSubscriber({ email: 'alice@example.net' });
    store.addSubscriber({ email: 'bob@example.net', sections: ['diplomacy'] });
    store.close();
    sink = await startSink();
    const r = await runCli(['send', '--config', ws.configFile, '--edition', '2026-11-23'], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const mails = await sink.parsed();
    const subjectOf = (to: string) => mails.find((m) => m.to && !Array.isArray(m.to) && m.to.text === to)!.subject;
    expect(subjectOf('alice@example.net')).toContain('Coalition pledges more radar units before winter');
    expect(subjectOf('bob@example.net')).toContain('Mediators host a quiet round of prisoner talks');
    expect(subjectOf('bob@example.net')).not.toContain('radar');
  }, 60_000);
});

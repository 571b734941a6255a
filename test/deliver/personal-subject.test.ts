// A reader who chose sections gets a subject led by a story they receive, not by the edition's top story in a
// section they left out (what `digest send` hands the SMTP server). Invented sample text (support.ts).
import { UNSIGNED } from '../helpers/unsigned.js';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEdition, makeWorkspace, sendThroughSink, type Sink } from './support.js';

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
    const r = await sendThroughSink(ws, edition, [{ email: 'alice@example.net' }, { email: 'bob@example.net', sections: ['diplomacy'] }]);
    sink = r.sink;
    expect(r.stderr).toBe(UNSIGNED);
    expect(r.code).toBe(0);
    const mails = await sink.parsed();
    const subjectOf = (to: string) => mails.find((m) => m.to && !Array.isArray(m.to) && m.to.text === to)!.subject;
    expect(subjectOf('alice@example.net')).toContain('Coalition pledges more radar units before winter');
    expect(subjectOf('bob@example.net')).toContain('Mediators host a quiet round of prisoner talks');
    expect(subjectOf('bob@example.net')).not.toContain('radar');
  }, 60_000);
});

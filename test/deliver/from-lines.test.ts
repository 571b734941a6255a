// A line of a message that begins with "From " is rewritten as ">From " where mail is stored in mbox files: the
// reader sees a stray ">" and the DKIM body hash fails. A headline such as "From Kyiv to Kherson" must not put one
// on the wire, in either part, and must still read as written.
import { afterEach, describe, expect, it } from 'vitest';
import { makeEdition, makeWorkspace, sendThroughSink, type Sink } from './support.js';

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

describe('lines beginning with "From "', () => {
  it('are never sent as such, and decode back to the text as written', async () => {
    const ws = makeWorkspace();
    const edition = makeEdition();
    const title = 'From Kyiv to Kherson: the long road south';
    edition.sections[0].stories[0].title = title;
    // long enough for the HTML line to be soft-wrapped, with "From " where the wrap may fall
    edition.sections[0].stories[0].summary = Array.from({ length: 12 }, (_, i) => `From day ${i} the convoy moved on.`).join(' ');
    const r = await sendThroughSink(ws, edition, [{ email: 'alice@example.net' }]);
    sink = r.sink;
    expect(r.code, r.stderr).toBe(0);
    const raw = sink.received[0].raw.toString('latin1');
    const body = raw.slice(raw.indexOf('\r\n\r\n'));
    expect(body.split('\r\n').filter((line) => line.startsWith('From '))).toEqual([]);
    const [mail] = await sink.parsed();
    expect(mail.text!.split('\n')).toContain(title);
    expect(mail.text!.replace(/\s+/g, ' ')).toContain('From day 10 the convoy moved on. From day 11 the convoy moved on.');
    expect(mail.html).toContain(`>${title}</a>`);
    expect(mail.html).toContain('From day 0 the convoy moved on. From day 1 the convoy moved on.');
  }, 30_000);
});

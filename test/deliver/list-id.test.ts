// The List-Id (RFC 2919) of what `digest send` puts on the wire, for titles in any script: its id is a dot-atom of
// ASCII characters at most 255 octets long, and two digests on one host never share it (mail filters and
// mailbox providers tell lists apart by it); its phrase still names the list by its title.
import { readFileSync, writeFileSync } from 'node:fs';
import libmime from 'libmime';
import type { ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEdition, makeWorkspace, sendThroughSink, type Sink } from './support.js';

const sinks: Sink[] = [];
afterEach(async () => {
  for (const s of sinks.splice(0)) await s.close();
});

/** The List-Id a digest of this title sends, as its header line reads on the wire (unfolded). */
async function listIdOf(title: string): Promise<{ raw: string; mail: ParsedMail }> {
  const ws = makeWorkspace();
  writeFileSync(ws.configFile, readFileSync(ws.configFile, 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`));
  const edition = makeEdition();
  edition.edition.title = title;
  const { sink, code, stderr } = await sendThroughSink(ws, edition, [{ email: 'alice@example.net' }]);
  sinks.push(sink);
  expect(code, stderr).toBe(0);
  const [mail] = await sink.parsed();
  const line = mail.headerLines.find((h) => h.key === 'list-id');
  expect(line, 'a List-Id header').toBeDefined();
  return { raw: line!.line.slice(line!.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim(), mail };
}

// RFC 2919 §3: list-id-header = "List-ID:" [phrase] CFWS "<" list-id ">" CRLF; list-id = list-label "." list-id-namespace,
// list-label = dot-atom-text (RFC 5322 atext, ASCII)
const ATEXT = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]";
const LIST_ID = new RegExp(`<(${ATEXT}+(?:\\.${ATEXT}+)*)>$`);

describe('List-Id on the wire', () => {
  const titles = ['Дипломатичний огляд', 'Огляд санкцій', '外交ウォッチ', '制裁ニュース', 'مراقبة الدبلوماسية', 'Kyiv Monitor — Огляд', 'Kyiv Monitor — Новини', 'Diplomacy Watch'];

  it('is ASCII dot-atom for titles in any script, and one per digest', async () => {
    const ids = new Map<string, string>();
    for (const title of titles) {
      const { raw } = await listIdOf(title);
      expect(raw, title).toMatch(/^[\x20-\x7e]+$/);
      const m = LIST_ID.exec(raw);
      expect(m, `${title}: ${raw}`).not.toBeNull();
      expect(m![1].endsWith('.digest.example.org'), raw).toBe(true);
      expect(Buffer.byteLength(m![1]), raw).toBeLessThanOrEqual(255);
      // the phrase names the list to people: the title, as RFC 2047 encoded words where it is not plain ASCII atoms
      expect(libmime.decodeWords(raw.slice(0, raw.lastIndexOf('<')).trim()), raw).toBe(title);
      ids.set(title, m![1]);
    }
    expect(new Set(ids.values()).size, JSON.stringify([...ids])).toBe(titles.length);
    // a title of Latin letters keeps its readable label
    expect(ids.get('Diplomacy Watch')).toBe('diplomacy-watch.digest.example.org');
  }, 120_000);

  it('stays within 255 octets and distinct for long titles that share their start', async () => {
    const long = 'Weekly digest of diplomacy, sanctions, arms deliveries and reconstruction news'.repeat(4);
    const a = LIST_ID.exec((await listIdOf(`${long} A`)).raw)![1];
    const b = LIST_ID.exec((await listIdOf(`${long} B`)).raw)![1];
    expect(a).not.toBe(b);
    for (const id of [a, b]) expect(id.split('.')[0].length).toBeLessThanOrEqual(63);
  }, 60_000);
});

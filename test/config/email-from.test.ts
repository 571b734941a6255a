// `email.from` through the CLI: one mailbox in any of its usual spellings builds an edition whose sample mail is
// from that sender (Message-ID on its domain); lists, groups and addresses without a domain stop with one line.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// a build per case: allow for a busy two-core machine
vi.setConfig({ testTimeout: 120_000 });

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-from-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function buildFrom(from: string | null, title = 'Sender Watch') {
  const name = `from-${++n}`;
  const file = path.join(dir, `${name}.yaml`);
  const out = path.join(dir, name);
  writeFileSync(
    file,
    `title: ${JSON.stringify(title)}
timezone: Europe/Kyiv
feeds:
  - name: Kyiv Wire
    path: ${JSON.stringify(path.join(ROOT, 'feeds/kyiv-wire.xml'))}
themes:
  - id: war
    title: War
    keywords: [missile]
${from === null ? '' : `email:\n  from: ${JSON.stringify(from)}\n`}`,
  );
  const r = await runCli(['build', '--config', file, '--offline', '--out', out, '--now', '2026-11-23T07:00:00+02:00'], { cwd: dir });
  return { ...r, file, out };
}

describe('email.from accepted', () => {
  it.each([
    ['a display name', 'Diplomacy Watch <digest@example.org>', 'Diplomacy Watch', 'digest@example.org', 'example.org'],
    ['a bare address', 'digest@example.org', '', 'digest@example.org', 'example.org'],
    ['a quoted display name with a comma', '"Watch, Diplomacy" <Digest@Sender.Example>', 'Watch, Diplomacy', 'Digest@Sender.Example', 'sender.example'],
    ['a non-ASCII display name', 'Дипломатичний огляд <digest@example.org>', 'Дипломатичний огляд', 'digest@example.org', 'example.org'],
    // a colon outside quotes would make a group of it: the name is quoted when the mail is made
    ['a display name with a colon, unquoted', 'Ukraine: Seven Days <digest@example.org>', 'Ukraine: Seven Days', 'digest@example.org', 'example.org'],
    ['a display name with a full stop, unquoted', 'Watch Ltd. <digest@example.org>', 'Watch Ltd.', 'digest@example.org', 'example.org'],
  ])('%s: the sample mail is from it', async (_name, from, displayName, address, domain) => {
    const r = await buildFrom(from);
    expect(r.code, r.stderr).toBe(0);
    const [edition] = readdirSync(r.out);
    const mail = await simpleParser(readFileSync(path.join(r.out, edition, 'digest.eml')));
    expect(mail.from?.value).toEqual([{ name: displayName, address }]);
    expect(mail.messageId).toBe(`<${edition}.sample@${domain}>`);
  });
});

describe('email.from with a domain in another script', () => {
  // the headers are ASCII: the domain goes as its punycode form, the same address (it went out as mangled bytes)
  it.each([
    ['with a display name', 'Дайджест <digest@пример.укр>', 'Дайджест'],
    ['bare', 'digest@пример.укр', ''],
  ])('%s: the sample mail is from it, written in ASCII', async (_name, from, displayName) => {
    const r = await buildFrom(from);
    expect(r.code, r.stderr).toBe(0);
    const [edition] = readdirSync(r.out);
    const raw = readFileSync(path.join(r.out, edition, 'digest.eml'));
    expect(raw.every((byte) => byte < 0x80)).toBe(true);
    const head = raw.toString('latin1').split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
    expect(head).toMatch(/^From: .*digest@xn--e1afmkfd\.xn--j1amh>?$/m);
    expect(head).toContain(`Message-ID: <${edition}.sample@xn--e1afmkfd.xn--j1amh>`);
    expect(head).toContain('<mailto:digest@xn--e1afmkfd.xn--j1amh?subject=unsubscribe>');
    const mail = await simpleParser(raw);
    expect(mail.from?.value).toEqual([{ name: displayName, address: 'digest@пример.укр' }]);
  });
});

describe('email.from with a mailbox name in another script', () => {
  it('is refused with one line: the headers carry ASCII addresses only', async () => {
    const from = 'Дайджест <дайджест@example.org>';
    const r = await buildFrom(from);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `digest: ${path.basename(r.file)}: email.from: ${JSON.stringify(from)}: the part before the @ must be in ASCII letters; expected one sender like "Diplomacy Watch <digest@example.org>"`,
    ]);
  });
});

describe('no email.from', () => {
  it('the digest title names the sender, quoted when it holds a colon', async () => {
    const r = await buildFrom(null, 'Ukraine: Seven Days');
    expect(r.code, r.stderr).toBe(0);
    const [edition] = readdirSync(r.out);
    const mail = await simpleParser(readFileSync(path.join(r.out, edition, 'digest.eml')));
    expect(mail.from?.value).toEqual([{ name: 'Ukraine: Seven Days', address: 'digest@localhost' }]);
  });
});

describe('email.from rejected', () => {
  it.each([
    ['two addresses', 'a@x.example, b@y.example'],
    ['two named addresses', 'Digest <a@x.example>, Other <b@y.example>'],
    ['a group', 'Editors: a@x.example, b@y.example;'],
    ['a group of one', 'Editors: a@x.example;'],
    ['no @', 'Diplomacy Watch <digest.example.org>'],
    ['an empty domain', 'Diplomacy Watch <digest@>'],
    ['a bare address with an empty domain', 'digest@'],
  ])('%s: exit 2, one line naming email.from', async (_name, from) => {
    const r = await buildFrom(from);
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toBe(
      `digest: ${path.basename(r.file)}: email.from: expected one sender like "Diplomacy Watch <digest@example.org>", got ${JSON.stringify(from)}`,
    );
  });
});

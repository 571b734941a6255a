// What a careless or unlucky operator gives the CLI (session 45's probe): a config section written as a list, a
// config saved in another encoding, a config path that is a folder or unreadable, another program's SQLite file
// where digest.db belongs, a DIGEST_SMTP_URL without a server, a spreadsheet's CSV. Each gets one line naming the
// thing and what is expected, and changes nothing.
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

// several CLI runs per test: allow for a busy two-core machine
vi.setConfig({ testTimeout: 180_000 });

const FEEDS = `feeds:
  - name: Wire
    path: wire.xml
themes:
  - id: arms
    title: Arms
`;

function workspace(config: string | Buffer = `title: T\n${FEEDS}`): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-bad-input-'));
  const file = path.join(dir, 'digest.config.yaml');
  writeFileSync(file, config);
  writeFileSync(path.join(dir, 'wire.xml'), '<rss version="2.0"><channel><title>w</title></channel></rss>');
  return { dir, file };
}

function build(ws: { dir: string; file: string }): Promise<CliResult> {
  return runCli(['build', '--config', ws.file, '--offline', '--now', '2026-11-23T08:00:00Z', '--out', path.join(ws.dir, 'out')], { cwd: ws.dir });
}

/** exit `code`, and stderr one line without a stack trace, matching `pattern` */
function expectOneLine(r: CliResult, code: number, pattern: RegExp | string): void {
  expect(r.code, r.stderr).toBe(code);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error|Invalid input/);
  if (typeof pattern === 'string') expect(lines[0]).toContain(pattern);
  else expect(lines[0]).toMatch(pattern);
}

describe('a config section of the wrong shape', () => {
  const cases: [string, string, string][] = [
    ['email as a list', `title: T\nemail: [digest@example.org]\n${FEEDS}`, 'email: expected a mapping of keys such as from, subject, baseUrl, replyTo …, got a list'],
    ['email left empty', `title: T\nemail:\n${FEEDS}`, 'email: expected a mapping of keys such as from, subject, baseUrl, replyTo …, got nothing'],
    ['fetch as a number', `title: T\nfetch: 20\n${FEEDS}`, 'fetch: expected a mapping of keys such as timeout, connectTimeout, maxSize, maxRedirects …, got the number 20'],
    ['a feed as a bare path', `title: T\nfeeds:\n  - wire.xml\nthemes:\n  - id: arms\n    title: Arms\n`, 'feeds[0]: expected a mapping of keys such as name, id, url, path …, got the text "wire.xml"'],
    ['dkim as a word', `title: T\nemail:\n  from: "W <w@example.org>"\n  dkim: on\n${FEEDS}`, 'email.dkim: expected a mapping of keys such as domain, selector, keyFile, got the text "on"'],
  ];
  it.each(cases)('%s: named with the keys it expects, exit 2', async (_name, yaml, expected) => {
    expectOneLine(await build(workspace(yaml)), 2, `digest.config.yaml: ${expected}`);
  });
});

describe('a key whose indentation was lost', () => {
  const cases: [string, string, string][] = [
    ['email\'s keys written flush left', `title: T\nemail:\nfrom: "W <w@example.org>"\nbaseurl: https://digest.example.org\n${FEEDS}`, 'unknown keys `from` (did you mean `email.from`? indent it under `email:`), `baseurl` (did you mean `email.baseUrl`? indent it under `email:`)'],
    ['a fetch setting at the top', `title: T\nallowPrivateNetworks: true\n${FEEDS}`, 'unknown key `allowPrivateNetworks` (did you mean `fetch.allowPrivateNetworks`? indent it under `fetch:`)'],
    ['a DKIM setting beside it', `title: T\nemail:\n  from: "W <w@example.org>"\n  selector: s2026\n${FEEDS}`, 'email: unknown key `selector` (did you mean `email.dkim.selector`? indent it under `dkim:`)'],
  ];
  it.each(cases)('%s: the line names where it belongs', async (_name, yaml, expected) => {
    expectOneLine(await build(workspace(yaml)), 2, `digest.config.yaml: ${expected}`);
  });
});

describe('a config file that cannot be read as one', () => {
  it('saved in Windows-1252, not UTF-8: refused where it stops being UTF-8, not built with "�" in the title', async () => {
    const ws = workspace(Buffer.concat([Buffer.from('title: Caf'), Buffer.from([0xe9]), Buffer.from(` Digest\n${FEEDS}`)]));
    const r = await build(ws);
    expectOneLine(r, 2, 'digest.config.yaml:1:11: not UTF-8 text (byte 0xE9); expected the file saved as UTF-8');
    // and UTF-8 with a byte-order mark, as Windows' Notepad saves it, still reads
    writeFileSync(ws.file, `\uFEFFtitle: Café\n${FEEDS}`);
    const ok = await build(ws);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(path.join(ws.dir, 'out/2026-11-23/digest.txt'), 'utf8')).toContain('Café');
  });

  it('megabytes of it (a log or a dump passed as --config): refused at once, not parsed until the memory runs out', async () => {
    const ws = workspace(`title: ${'x'.repeat(2 * 1024 * 1024)}\n${FEEDS}`);
    const started = Date.now();
    expectOneLine(await build(ws), 2, 'digest.config.yaml: the file is 2.0 MB; expected a config file under 1 MB');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a folder, or a file this user may not read: said in words, not as EISDIR or EACCES', async () => {
    const ws = workspace();
    const folder = await runCli(['build', '--config', ws.dir, '--offline'], { cwd: ws.dir });
    expectOneLine(folder, 2, `${ws.dir}: config file is a folder; expected a file`);
    // `--config "$DIGEST_CONFIG"` with the variable unset names the option, not the working folder
    const empty = await runCli(['build', '--config', '', '--offline'], { cwd: ws.dir });
    expectOneLine(empty, 2, 'digest: --config: expected a config file, got ""');
    const secret = path.join(ws.dir, 'secret.yaml');
    writeFileSync(secret, `title: T\n${FEEDS}`, { mode: 0o000 });
    const unreadable = await runCli(['build', '--config', secret, '--offline'], { cwd: tmpdir(), asNobody: true });
    expectOneLine(unreadable, 2, 'secret.yaml: config file is not readable by the user running digest (permission denied)');
  });
});

describe('a draft whose digest.json was damaged or edited by hand', () => {
  it('digest edit list says so in one line, as digest edit does, not "internal error" or "no draft"', async () => {
    const ws = workspace();
    const built = await build(ws);
    expect(built.code, built.stderr).toBe(0);
    const file = path.join(ws.dir, 'out/2026-11-23/digest.json');
    for (const damaged of ['{}', '{"edition": {"id": "2026-11-23"}, "sections": [null]}', '{"edition": trunc']) {
      writeFileSync(file, damaged);
      for (const args of [['edit', 'list'], ['edit', 'drop', 'Missiles']]) {
        const r = await runCli([...args, '--config', ws.file, '--out', path.join(ws.dir, 'out')], { cwd: ws.dir });
        expectOneLine(r, 2, `the draft's folder ${path.join(ws.dir, 'out/2026-11-23')} has no readable digest.json; run \`digest build\` again`);
      }
    }
  });
});

describe("another program's SQLite file where digest.db belongs", () => {
  for (const [name, schema] of [
    ['a database of other tables', 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'keep me\');'],
    ['one with a table called subscribers and a schema version of its own', 'CREATE TABLE subscribers (address TEXT); PRAGMA user_version = 3;'],
  ] as const) {
    it(`${name}: refused in one line, and the file is left as it was`, async () => {
      const ws = workspace();
      mkdirSync(path.join(ws.dir, '.digest'));
      const file = path.join(ws.dir, '.digest/digest.db');
      const db = new Database(file);
      db.exec(schema);
      db.close();
      const before = readFileSync(file);
      for (const args of [['subscribers', 'add', 'reader@example.org'], ['subscribers', 'list'], ['status'], ['build', '--offline', '--now', '2026-11-23T08:00:00Z']]) {
        const r = await runCli([...args, '--config', ws.file], { cwd: ws.dir });
        expectOneLine(r, 1, `${file}: not Roundup's database (it holds another program's tables:`);
        expect(r.stderr).toContain("expected Roundup's own digest.db: point `state:` at a folder of its own, or move the file away");
      }
      expect(readFileSync(file).equals(before), 'the other program’s database was written to').toBe(true);
    });
  }
});

describe('DIGEST_SMTP_URL without a server', () => {
  it('is refused before anything is sent, not taken as this machine’s port 587', async () => {
    const ws = workspace(`title: T\nemail:\n  from: "W <w@example.org>"\n  baseUrl: https://digest.example.org\n  address: "1 Example Street"\n${FEEDS}`);
    for (const url of ['smtp://', 'smtp:relay.example.org']) {
      const r = await runCli(['send', '--config', ws.file, '--edition', '2026-11-23'], {
        cwd: ws.dir,
        env: { DIGEST_SECRET: 'a'.repeat(32), DIGEST_SMTP_URL: url },
      });
      expectOneLine(r, 2, 'DIGEST_SMTP_URL names no server: expected e.g. smtps://user:password@smtp.example.org:465');
    }
  });
});

describe('a send lock with no pid in it', () => {
  it('is named with why and what to do, not only "cannot take the send lock"', async () => {
    const ws = workspace(`title: T\nemail:\n  from: "W <w@example.org>"\n  baseUrl: https://digest.example.org\n  address: "1 Example Street"\n${FEEDS}`);
    mkdirSync(path.join(ws.dir, '.digest'));
    const lock = path.join(ws.dir, '.digest/send.lock');
    // garbage, as a crash or a full disk leaves a lock part-written; its time in the future keeps it "being written"
    writeFileSync(lock, '\u0000\u0007garbage');
    const later = new Date(Date.now() + 3_600_000);
    utimesSync(lock, later, later);
    const r = await runCli(['send', '--config', ws.file, '--edition', '2026-11-23'], {
      cwd: ws.dir,
      env: { DIGEST_SECRET: 'a'.repeat(32), DIGEST_SMTP_URL: 'smtp://127.0.0.1:1' },
    });
    expectOneLine(r, 1, `cannot take the send lock ${lock}: another "digest send" is taking it right now, or left it unfinished; run the command again in a minute`);
  });
});

describe('DIGEST_IMAP_URL with a "%" that is no escape', () => {
  it('a password such as 50%off is named in one line (never shown), not an internal error', async () => {
    const ws = workspace(`title: T\nemail:\n  from: "W <w@example.org>"\n  baseUrl: https://digest.example.org\n  address: "1 Example Street"\nmailbox:\n  address: bounces@example.org\n${FEEDS}`);
    const r = await runCli(['mail', '--config', ws.file], {
      cwd: ws.dir,
      env: { DIGEST_SECRET: 'a'.repeat(32), DIGEST_SMTP_URL: 'smtp://127.0.0.1:1', DIGEST_IMAP_URL: 'imaps://bounces%40example.org:50%off@127.0.0.1:1' },
    });
    expectOneLine(r, 2, 'DIGEST_IMAP_URL: the password holds a "%" that starts no escape; expected each "%" in it written as %25');
    expect(r.stderr).not.toContain('50%off');
  });
});

describe('a subscriber CSV from a spreadsheet', () => {
  const cases: [string, Buffer | string, string][] = [
    ['without a header row', 'reader@example.org\nother@example.org\n', 'no "email" column in the header (found: reader@example.org); expected a first row naming the columns, such as email,name'],
    ['saved as UTF-16', Buffer.from('\uFEFFemail,name\nreader@example.org,Reader\n', 'utf16le'), 'no "email" column in the header: the file is not UTF-8 (UTF-16?); expected a CSV saved as UTF-8'],
  ];
  it.each(cases)('%s: the line says what is expected, nothing is imported', async (_name, csv, expected) => {
    const ws = workspace();
    writeFileSync(path.join(ws.dir, 'list.csv'), csv);
    const r = await runCli(['subscribers', 'import', 'list.csv', '--config', ws.file], { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`list.csv:1: ${expected}`, 'digest: list.csv: 1 bad row; nothing imported']);
    const list = await runCli(['subscribers', 'list', '--config', ws.file], { cwd: ws.dir });
    expect(list.stdout).toBe('');
  });

  it('a file that is not there, or a folder: said in words, not as ENOENT or EISDIR (also an OPML file to import)', async () => {
    const ws = workspace();
    const missing = await runCli(['subscribers', 'import', 'nothere.csv', '--config', ws.file], { cwd: ws.dir });
    expectOneLine(missing, 2, 'digest: nothere.csv: subscriber CSV not found');
    const folder = await runCli(['subscribers', 'import', '.', '--config', ws.file], { cwd: ws.dir });
    expectOneLine(folder, 2, 'digest: .: subscriber CSV is a folder; expected a file');
    // and an OPML file of feeds the same way
    const opml = await runCli(['feeds', 'import', 'nothere.opml', '--config', ws.file], { cwd: ws.dir });
    expectOneLine(opml, 2, 'digest: nothere.opml: OPML file not found');
  });
});

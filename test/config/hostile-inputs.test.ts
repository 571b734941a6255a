// Inputs that used to slip past validation (issue 16, item 12) and commands that mail without a real
// sender (item 6): each gets exit 2 and one line naming the key and what is expected.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

// several CLI runs per test: allow for a busy two-core machine
vi.setConfig({ testTimeout: 180_000 });

const BODY = `feeds:
  - name: Wire
    path: wire.xml
themes:
  - id: arms
    title: Arms
`;

function configWith(yaml: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-inputs-'));
  const file = path.join(dir, 'digest.config.yaml');
  writeFileSync(file, yaml);
  writeFileSync(path.join(dir, 'wire.xml'), '<rss version="2.0"><channel><title>w</title></channel></rss>');
  return { dir, file };
}

function expectOneLine(r: CliResult, pattern: RegExp) {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0].length).toBeLessThan(400);
}

/** an alias bomb: nine levels of nine references, 9^9 strings if expanded */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let prev = 'a';
  for (const n of 'bcdefghi') {
    lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]`);
    prev = n;
  }
  return `${lines.join('\n')}\ntitle: T\n${BODY}`;
}

const cases: [string, string, RegExp][] = [
  ['a YAML alias bomb', aliasBomb(), /not valid YAML \(Excessive alias count/],
  ['a window of a billion years', `title: T\nwindow: P999999999Y\n${BODY}`, /window: expected a duration .* up to 366 days, got "P999999999Y"/],
  ['a 400-digit window', `title: T\nwindow: ${'9'.repeat(400)}d\n${BODY}`, /window: expected a duration .* got "9{50,}…$/],
  ['a fetch timeout past Node’s timers', `title: T\nfetch:\n  timeout: 2200000s\n${BODY}`, /fetch\.timeout: expected seconds up to 3600/],
  ['a line break in the title', `title: "Watch\\r\\nBcc: someone@example.org"\n${BODY}`, /title: expected a digest title on one line/],
  ['a line break in email.from', `title: T\nemail:\n  from: "W <w@example.org>\\nBcc: x@example.org"\n${BODY}`, /email\.from: expected .* on one line/],
  ['an unknown subject placeholder', `title: T\nemail:\n  from: "W <w@example.org>"\n  subject: "{title}: {headline}"\n${BODY}`, /email\.subject: unknown placeholder \{headline\}; expected \{title\}, \{date\}, \{lead\}, \{count\}/],
  ['a misspelt key', `titel: T\n${BODY}`, /unknown key `titel` \(did you mean `title`\?\)/],
  ['a misspelt nested key', `title: T\nfetch:\n  timout: 20s\n${BODY}`, /fetch: unknown key `timout` \(did you mean `timeout`\?\)/],
  ['a state folder that is a file', `title: T\nstate: wire.xml\n${BODY}`, /: state: ".*wire\.xml" is a file; expected a folder/],
  ['a state folder inside a file', `title: T\nstate: wire.xml/state\n${BODY}`, /: state: ".*wire\.xml\/state" is inside ".*wire\.xml", a file; expected a folder/],
];

describe('hostile or mistaken config input', () => {
  it.each(cases)('%s: exit 2, one line', async (_name, yaml, pattern) => {
    const { dir, file } = configWith(yaml);
    const started = Date.now();
    const r = await runCli(['build', '--config', file, '--offline', '--out', path.join(dir, 'out')], { cwd: dir });
    expectOneLine(r, pattern);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('refuses --now with an impossible offset and --out that is a file or inside one', async () => {
    const { dir, file } = configWith(`title: T\n${BODY}`);
    expectOneLine(await runCli(['build', '--config', file, '--now', '2026-11-23T07:00:00+99:00'], { cwd: dir }), /--now: expected an ISO 8601 time/);
    expectOneLine(await runCli(['build', '--config', file, '--out', file], { cwd: dir }), /--out: ".*digest\.config\.yaml" is a file; expected a folder/);
    expectOneLine(await runCli(['build', '--config', file, '--out', 'digest.config.yaml/out'], { cwd: dir }), /^digest: --out: "digest\.config\.yaml\/out" is inside "digest\.config\.yaml", a file; expected a folder/);
  });
});

describe('--out must name a folder in every command that takes it', () => {
  it.each([['build'], ['preview'], ['send'], ['tick'], ['run'], ['serve'], ['approve'], ['edit', 'list']])('digest %s: --out "" and --out FILE are refused, exit 2', async (...command) => {
    const { dir, file } = configWith(`title: T\n${BODY}`);
    expectOneLine(await runCli([...command, '--config', file, '--out', ''], { cwd: dir }), /^digest: --out: expected a folder for the editions, got ""$/);
    expectOneLine(await runCli([...command, '--config', file, '--out', file], { cwd: dir }), /^digest: --out: ".*digest\.config\.yaml" is a file; expected a folder/);
  });
});

describe('commands that mail need a real sender, an https address and a postal address', () => {
  const env = { DIGEST_SECRET: 'inputs-test-secret-0123456789', DIGEST_SMTP_URL: 'smtp://127.0.0.1:9' };
  it.each([['send'], ['tick'], ['run'], ['serve']])('digest %s without email: refuses to start, naming the keys', async (command) => {
    const { dir, file } = configWith(`title: T\n${BODY}`);
    const r = await runCli([command, '--config', file], { cwd: dir, env });
    expectOneLine(r, new RegExp(`digest ${command} needs email\\.from .*, email\\.baseUrl .*, email\\.address`));
  });

  it('an http baseUrl is refused; with from, https baseUrl and address the check passes', async () => {
    const { dir, file } = configWith(`title: T\nemail:\n  from: "W <w@example.org>"\n  baseUrl: http://digest.example.org\n  address: 1 Example Street\n${BODY}`);
    expectOneLine(await runCli(['tick', '--config', file], { cwd: dir, env }), /email\.baseUrl as an https:\/\/ URL \(got "http:\/\/digest\.example\.org"\)/);
    const ok = configWith(`title: T\nschedule: "0 7 1 1 *"\nemail:\n  from: "W <w@example.org>"\n  baseUrl: https://digest.example.org\n  address: 1 Example Street\n${BODY}`);
    const r = await runCli(['tick', '--config', ok.file], { cwd: ok.dir, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/nothing due/);
  });
});

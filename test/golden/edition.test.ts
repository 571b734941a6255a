// Golden files: a whole edition built from local feeds with a fixed clock, its digest.json and digest.txt compared
// byte for byte with test/golden/<case>/expected/. After an intended change of output, refresh them with
//   UPDATE_GOLDEN=1 npx vitest run test/golden
// and read the diff (git diff test/golden) before committing it. See test/golden/README.md.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../helpers/cli.js';

const GOLDEN = path.join(ROOT, 'test/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const FILES = ['digest.json', 'digest.txt'];
const cases = readdirSync(GOLDEN).filter((d) => existsSync(path.join(GOLDEN, d, 'config.yaml')));
const scratch = mkdtempSync(path.join(tmpdir(), 'roundup-golden-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The two values that differ from run to run (the wall clock, the new store's id) as placeholders, once checked. */
function normalise(json: string): string {
  const edition = (JSON.parse(json) as { edition: { generatedAt: string; digestId: string } }).edition;
  expect(edition.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(edition.digestId).toMatch(/^[0-9a-f]{16}$/);
  return json.replace(`"generatedAt": "${edition.generatedAt}"`, '"generatedAt": "<generatedAt>"').replace(`"digestId": "${edition.digestId}"`, '"digestId": "<digestId>"');
}

describe.each(cases)('golden edition %s', (name) => {
  const source = path.join(GOLDEN, name);
  const expectedDir = path.join(source, 'expected');

  it('builds the same digest.json and digest.txt as its golden files', async () => {
    // the config's state folder and out/ are relative to it: build from a copy, so nothing is written into test/
    const work = path.join(scratch, name);
    cpSync(source, work, { recursive: true, filter: (f) => f !== expectedDir });
    const now = readFileSync(path.join(source, 'now.txt'), 'utf8').trim();
    const out = path.join(work, 'out');
    const run = await runCli(['build', '--config', path.join(work, 'config.yaml'), '--now', now, '--out', out, '--offline']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [edition] = readdirSync(out);
    for (const file of FILES) {
      let actual = readFileSync(path.join(out, edition, file), 'utf8');
      if (file === 'digest.json') actual = normalise(actual);
      const golden = path.join(expectedDir, file);
      if (UPDATE) {
        mkdirSync(expectedDir, { recursive: true });
        writeFileSync(golden, actual);
        continue;
      }
      expect(existsSync(golden), `${path.relative(ROOT, golden)} is missing: make it with UPDATE_GOLDEN=1 npx vitest run test/golden`).toBe(true);
      expect.soft(actual, `${name}/${file} differs from ${path.relative(ROOT, golden)} (- golden, + now). If the change is intended: UPDATE_GOLDEN=1 npx vitest run test/golden, then read git diff test/golden`).toBe(
        readFileSync(golden, 'utf8'),
      );
    }
  });
});

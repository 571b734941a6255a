// Small things an operator meets with `digest subscribers`: export safe to open in a spreadsheet (and
// re-importable as it was), `list | head` without an EPIPE crash, removing an unknown address is a no-op.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { BIN, runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../deliver/support.js';

// several CLI runs per test: allow for a busy two-core machine
vi.setConfig({ testTimeout: 180_000 });

describe('digest subscribers edges', () => {
  it('export neutralises cells a spreadsheet would run as formulas (addresses and names), and import restores them', async () => {
    const ws = makeWorkspace();
    const risky = ['=cmd|calc@example.org', '+sum@example.org', '-dash@example.org', 'plain@example.org'];
    const store = openStore(ws.stateDir);
    for (const email of risky) store.addSubscriber({ email, name: email === 'plain@example.org' ? 'Plain' : email.slice(0, 4) });
    store.close();
    const r = await runCli(['subscribers', 'export', '--config', ws.configFile], { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(0);
    const cells = r.stdout.split('\r\n').slice(1, -1).map((line) => line.split(',')[0]);
    expect(cells).toEqual(["'=cmd|calc@example.org", "'+sum@example.org", "'-dash@example.org", 'plain@example.org']);
    for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);

    const other = makeWorkspace();
    const file = path.join(other.dir, 'export.csv');
    writeFileSync(file, r.stdout);
    const imported = await runCli(['subscribers', 'import', file, '--config', other.configFile], { cwd: other.dir });
    expect(imported.code, imported.stderr).toBe(0);
    const back = openStore(other.stateDir);
    expect(back.listSubscribers().map((s) => s.email)).toEqual(risky);
    // names too come back as they were, not with the export's leading '
    expect(back.listSubscribers().map((s) => s.name)).toEqual(['=cmd', '+sum', '-das', 'Plain']);
    back.close();
    expect(readFileSync(file, 'utf8')).toContain("'=cmd");
  });

  it('`subscribers list | head` ends quietly when the reader goes away', async () => {
    const ws = makeWorkspace();
    const store = openStore(ws.stateDir);
    store.transaction(() => {
      for (let i = 0; i < 3000; i++) store.addSubscriber({ email: `reader${i}@example.net` });
    });
    store.close();
    const child = spawn(process.execPath, [BIN, 'subscribers', 'list', '--config', ws.configFile], { cwd: ws.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    // read one chunk, then close the pipe, as `head -1` does
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(err).not.toMatch(/EPIPE|internal error|\n\s+at /);
    expect(code).toBe(0);
  });

  it('removing an address that is not on the list says so and exits 0', async () => {
    const ws = makeWorkspace();
    const r = await runCli(['subscribers', 'remove', 'nobody@example.net', '--config', ws.configFile], { cwd: ws.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('nobody@example.net is not a subscriber; nothing to remove\n');
  });
});

// The operator's mistakes when starting `digest serve` and `digest preview`: each one gets a single line on stderr
// that names the thing and what is expected, a non-zero exit, and no stack trace.
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SECRET, makeWorkspace, type Workspace } from '../deliver/support.js';

let ws: Workspace;
let taken: Server;
let port: number;

beforeAll(async () => {
  ws = makeWorkspace();
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
  port = (taken.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((r) => taken.close(r));
  rmSync(ws.dir, { recursive: true, force: true });
});

/** `digest ARGS…` without DIGEST_SMTP_URL (whose warning must not come before the reason it stopped) */
const digest = (args: string[], env: Record<string, string | undefined> = {}) =>
  runCli(args, { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: undefined, ...env } });

const oneLine = (stderr: string) => {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0];
};

describe('digest serve and preview refuse to start with one clear line', () => {
  it('serve on a port already in use', async () => {
    const r = await digest(['serve', '--config', ws.configFile, '--host', '127.0.0.1', '--port', String(port)]);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe(
      `digest: cannot listen on 127.0.0.1:${port}: port ${port} is already in use (another digest serve or preview?): stop that program or choose another --port`,
    );
  });

  it('serve on an address this machine does not have', async () => {
    const r = await digest(['serve', '--config', ws.configFile, '--host', '203.0.113.7', '--port', '0']);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe(
      'digest: cannot listen on 203.0.113.7:0: this machine has no address 203.0.113.7; expected an address of this machine (--host 127.0.0.1, or 0.0.0.0 for every address)',
    );
  });

  it('preview on a port already in use', async () => {
    const r = await digest(['preview', '--config', ws.configFile, '--host', '127.0.0.1', '--port', String(port), '--offline', '--no-watch']);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(new RegExp(`^digest: cannot listen on 127\\.0\\.0\\.1:${port}: port ${port} is already in use .* choose another --port$`));
  });

  it('serve with a DIGEST_SECRET of blanks', async () => {
    const r = await digest(['serve', '--config', ws.configFile, '--port', '0'], { DIGEST_SECRET: ' '.repeat(32) });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe('digest: DIGEST_SECRET is too short: expected at least 16 characters of random text, not spaces');
  });
});

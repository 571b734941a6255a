// `digest preview` under odd requests: a body too large or not parseable is the request's fault (its status,
// not 500), a wrong method names the methods the path takes, and `//x` is a path, not a host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Listening } from '../helpers/serve.js';
import { NOW, makeWorkspace, type Workspace } from './workspace.js';

let ws: Workspace;
let preview: Listening;

beforeAll(async () => {
  ws = makeWorkspace();
  preview = await startPreview(['--config', ws.configFile, '--now', NOW, '--offline', '--no-watch']);
});
afterAll(async () => {
  await preview?.stop();
  ws?.remove();
});

describe('digest preview over HTTP, odd requests', () => {
  it('answers a too large or unreadable desk form with 413 or 400, not a preview error', async () => {
    const big = await fetch(`${preview.url}edit`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `text=${'a'.repeat(100_000)}` });
    expect(big.status).toBe(413);
    expect(await big.text()).toBe('request body too large: expected at most 64 KB\n');
    const json = await fetch(`${preview.url}approve`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(json.status).toBe(400);
  });

  it('405 names the methods the path takes', async () => {
    const get = await fetch(`${preview.url}approve`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await fetch(`${preview.url}digest.txt`, { method: 'DELETE' })).headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${preview.url.replace(/\/$/, '')}//nothing.example/`)).status).toBe(404);
  });
});

// Worker thread for the corpus run: parses one file at a time through the same path as `build`.
import { parentPort } from 'node:worker_threads';
import fs from 'node:fs';
import { parseFeedBody } from '../../src/parse/index.js';
import { declaredHttpContext } from './expect.js';

export interface WorkerRequest {
  id: number;
  file: string;
}

export type WorkerReply =
  | { id: number; status: 'ok'; format: string; feedTitle: string | null; titles: string[]; invalid: number; ms: number }
  | { id: number; status: 'error'; error: string; ms: number }
  | { id: number; status: 'crash'; error: string; ms: number };

const port = parentPort;
if (port) {
  port.on('message', async ({ id, file }: WorkerRequest) => {
    const t0 = performance.now();
    let reply: WorkerReply;
    try {
      const body = fs.readFileSync(file);
      const outcome = await parseFeedBody(body, declaredHttpContext(body));
      const ms = performance.now() - t0;
      reply = outcome.ok
        ? { id, status: 'ok', format: outcome.format, feedTitle: outcome.feed.title, titles: outcome.feed.items.map((i) => i.title), invalid: outcome.feed.items.filter((i) => i.invalid).length, ms }
        : { id, status: 'error', error: outcome.error, ms };
    } catch (e) {
      reply = { id, status: 'crash', error: e instanceof Error ? `${e.name}: ${e.message}` : String(e), ms: performance.now() - t0 };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true });
}

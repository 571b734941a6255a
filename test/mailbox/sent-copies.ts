// An edition sent through a real SMTP sink to a workspace's readers, as the mailbox tests need it: what each copy
// went out with (its envelope sender, Message-ID and List-Unsubscribe mailto:), so the notices that would come back
// can be written from it.
import { expect } from 'vitest';
import { simpleParser } from 'mailparser';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { SECRET, makeEdition, startSink, writeEditionFile, type Sink, type Workspace } from '../deliver/support.js';

export interface SentCopy {
  verp: string;
  messageId: string;
  unsubscribe: string;
  raw: Buffer;
}

/**
 * Adds `readers` to the workspace, sends it the support edition; the sink (for the caller to close), each copy by
 * address, and what `digest send` wrote on stderr.
 */
export async function sendToReaders(ws: Workspace, readers: string[]): Promise<{ sink: Sink; sent: Map<string, SentCopy>; stderr: string }> {
  const store = openStore(ws.stateDir);
  for (const email of readers) store.addSubscriber({ email });
  store.close();
  const sink = await startSink();
  return { sink, ...(await sendEdition(ws, sink, '2026-11-23')) };
}

/** Sends the support edition under `editionId` to the workspace's active readers through `sink`; each copy by address. */
export async function sendEdition(ws: Workspace, sink: Sink, editionId: string): Promise<{ sent: Map<string, SentCopy>; stderr: string }> {
  // each week its own news: an edition whose items already went out in another is refused (readers would get them twice)
  const edition = makeEdition(editionId);
  for (const section of edition.sections) {
    for (const story of section.stories) story.items = story.items.map((i) => ({ ...i, guid: `${i.guid}-${editionId}`, url: i.url && `${i.url}?week=${editionId}` }));
  }
  writeEditionFile(ws.outDir, edition);
  const before = sink.received.length;
  const send = await runCli(['send', '--config', ws.configFile, '--edition', editionId], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
  expect(send.code, send.stderr).toBe(0);
  const sent = new Map<string, SentCopy>();
  for (const r of sink.received.slice(before)) {
    const m = await simpleParser(r.raw);
    const header = m.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.replace(/\r?\n[ \t]+/g, ' ');
    const unsubscribe = /<mailto:([^?>]+)\?subject=unsubscribe>/.exec(header)![1];
    sent.set(r.to[0], { verp: r.from, messageId: m.messageId!, unsubscribe, raw: r.raw });
  }
  return { sent, stderr: send.stderr };
}

/** Each reader's status in the workspace's store, by address. */
export function statuses(ws: Workspace): Record<string, string> {
  const store = openStore(ws.stateDir);
  try {
    return Object.fromEntries(store.listSubscribers().map((s) => [s.email, s.status]));
  } finally {
    store.close();
  }
}

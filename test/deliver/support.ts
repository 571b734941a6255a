// Real parts for delivery tests: an SMTP sink (smtp-server) on 127.0.0.1, a config file on disk,
// and a hand-made edition. All sample text here is invented.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Edition, Story } from '../../src/types.js';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { BIN, runCli } from '../helpers/cli.js';

export const SECRET = 'test-secret-0123456789abcdef';

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  /** when the sink accepted it (ms since epoch) */
  at: number;
}

export interface SinkOptions {
  /** wait this long before answering 250 to the end of DATA; a client that disconnects meanwhile has delivered nothing */
  delayMs?: number;
  /** answer 250 to this many messages, then hold every later one without answering */
  acceptLimit?: number;
  /** cut the TCP connection once a message's data has arrived, before answering: the client cannot know the outcome */
  dropAfterData?: (recipient: string, attempt: number) => boolean;
  /** return an SMTP error (code + text) to reject a recipient, given how often it was tried */
  rejectRcpt?: (address: string, attempt: number) => { code: number; text: string } | null;
  /** return an SMTP error to reject the sender (MAIL FROM) */
  rejectMailFrom?: (address: string) => { code: number; text: string } | null;
  /** answer this message's DATA only once the returned promise settles (the test says go); `held` counts it meanwhile */
  holdUntil?: (recipient: string) => Promise<void> | null;
  /** return an SMTP error to refuse a message at the end of DATA */
  rejectData?: (recipient: string) => { code: number; text: string } | null;
  /** require AUTH (PLAIN/LOGIN over the plain connection) with these credentials; fixed when the sink starts */
  auth?: { user: string; pass: string };
  /** at most this many connections at once; one more is greeted with 421 and closed (fixed when the sink starts) */
  maxClients?: number;
}

function smtpError(e: { code: number; text: string }): Error {
  return Object.assign(new Error(e.text), { responseCode: e.code });
}

export interface Sink {
  port: number;
  url: string;
  received: Received[];
  /** messages whose DATA arrived but got no answer yet */
  held: number;
  rcptAttempts: Map<string, number>;
  /** connection errors other than a client's reset (those come with killed clients and are expected) */
  errors: Error[];
  set(opts: SinkOptions): void;
  waitFor(pred: () => boolean, timeoutMs?: number): Promise<void>;
  parsed(): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSink(initial: SinkOptions = {}): Promise<Sink> {
  let opts = initial;
  let answered = 0; // messages we decided to answer 250 (some may still be waiting for their delay)
  const closed = new Set<string>();
  const sink: Partial<Sink> & { received: Received[]; held: number; rcptAttempts: Map<string, number>; errors: Error[] } = {
    received: [],
    held: 0,
    rcptAttempts: new Map(),
    errors: [],
  };
  const auth = initial.auth;
  const server = new SMTPServer({
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    ...(auth
      ? {
          authOptional: false,
          allowInsecureAuth: true,
          onAuth(a, _s, cb) {
            // smtp-server answers a failed login with 535 5.7.8
            if (a.username === auth.user && a.password === auth.pass) cb(null, { user: a.username });
            else cb(new Error('Invalid username or password'));
          },
        } satisfies Partial<SMTPServerOptions>
      : {}),
    logger: false,
    size: 10 * 1024 * 1024,
    ...(initial.maxClients ? { maxClients: initial.maxClients } : {}),
    onClose(session: SMTPServerSession) {
      closed.add(session.id);
    },
    onMailFrom(address, _session, cb) {
      const reject = opts.rejectMailFrom?.(address.address);
      cb(reject ? smtpError(reject) : undefined);
    },
    onRcptTo(address, _session, cb) {
      const n = (sink.rcptAttempts.get(address.address) ?? 0) + 1;
      sink.rcptAttempts.set(address.address, n);
      const reject = opts.rejectRcpt?.(address.address, n);
      if (reject) {
        const err = new Error(reject.text) as Error & { responseCode: number };
        err.responseCode = reject.code;
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const msg: Received = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          at: 0,
        };
        const rcpt = msg.to[0] ?? '';
        const refuse = opts.rejectData?.(rcpt);
        if (refuse) return cb(smtpError(refuse));
        if (opts.dropAfterData?.(rcpt, sink.rcptAttempts.get(rcpt) ?? 0)) {
          // smtp-server has no public way to hang up; its connection objects keep the socket here
          for (const conn of (server as unknown as { connections: Set<{ session: unknown; _socket: { destroy(): void } }> }).connections) {
            if (conn.session === session) conn._socket.destroy();
          }
          return;
        }
        const answer = () => {
          if (opts.acceptLimit !== undefined && answered >= opts.acceptLimit) {
            sink.held++;
            return; // never answered: the client cannot know whether it was accepted
          }
          answered++;
          const accept = () => {
            if (closed.has(session.id)) return void answered--; // the client went away before our 250: not delivered
            msg.at = Date.now();
            sink.received.push(msg);
            cb();
          };
          if (opts.delayMs) setTimeout(accept, opts.delayMs);
          else accept();
        };
        const hold = opts.holdUntil?.(rcpt);
        if (!hold) return answer();
        sink.held++;
        void hold.then(() => {
          sink.held--;
          answer();
        });
      });
    },
  });
  // A client killed mid-session (the crash tests) resets its connections; smtp-server reports that as an 'error'
  // event, which must have a listener or it is thrown. Any other error is kept for the test to see.
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') sink.errors.push(err);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return Object.assign(sink, {
    port,
    url: `smtp://127.0.0.1:${port}`,
    set(o: SinkOptions) {
      opts = o;
    },
    async waitFor(pred: () => boolean, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (!pred()) {
        if (Date.now() > until) throw new Error('timed out waiting for the SMTP sink');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    parsed: () => Promise.all(sink.received.map((m) => simpleParser(m.raw))),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // smtp-server waits for clients to quit; held connections never will
        for (const conn of (server as unknown as { connections: Set<{ close(): void }> }).connections ?? []) conn.close();
      }),
  }) as Sink;
}

export interface Workspace {
  dir: string;
  configFile: string;
  outDir: string;
  stateDir: string;
}

const DEFAULT_EMAIL = `email:
  from: "Diplomacy Watch <digest@watch.example.org>"
  baseUrl: https://digest.example.org
  address: "1 Example Street, Kyiv"
`;

/** A config file in a fresh temp folder (themes arms, diplomacy, aid; plus other); `extra` is more YAML. */
export function makeWorkspace(extra = '', email = DEFAULT_EMAIL): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-deliver-'));
  mkdirSync(path.join(dir, 'feeds'));
  writeFileSync(path.join(dir, 'feeds/sample.xml'), '<rss version="2.0"><channel><title>x</title></channel></rss>');
  const configFile = path.join(dir, 'digest.config.yaml');
  writeFileSync(
    configFile,
    `title: Diplomacy Watch
timezone: Europe/Kyiv
feeds:
  - name: Local sample
    path: feeds/sample.xml
themes:
  - id: arms
    title: Weapons & strikes
    keywords: [missiles]
  - id: diplomacy
    title: Peace diplomacy
    keywords: [talks]
  - id: aid
    title: Aid & reconstruction
    keywords: [aid]
${email}state: .digest
${extra}`,
  );
  return { dir, configFile, outDir: path.join(dir, 'out'), stateDir: path.join(dir, '.digest') };
}

function story(id: string, title: string, summary: string, feed: string, guid: string): Story {
  return {
    id,
    title,
    url: `https://news.example.org/${id}`,
    summary,
    published: '2026-11-20T10:00:00.000+02:00',
    sources: ['Wire One'],
    why: ['keyword: test'],
    items: [{ feed, guid, url: `https://news.example.org/${id}`, title, published: '2026-11-20T08:00:00.000Z' }],
  };
}

/** Two sections with stories (arms, diplomacy); `aid` is empty this week. Invented text. */
export function makeEdition(id = '2026-11-23'): Edition {
  return {
    edition: {
      id,
      title: 'Diplomacy Watch',
      timezone: 'Europe/Kyiv',
      start: '2026-11-16T07:00:00.000+02:00',
      end: '2026-11-23T07:00:00.000+02:00',
      generatedAt: '2026-11-23T05:00:00.000Z',
    },
    sections: [
      {
        id: 'arms',
        title: 'Weapons & strikes',
        stories: [
          story('s1', 'Coalition pledges more radar units before winter', 'Ministers agreed to ship extra radar units within a month, officials said.', 'wire', 'w-1'),
          story('s2', 'Debate continues over range limits for donated rockets', 'Lawmakers again failed to settle how far donated rockets may be fired.', 'brief', 'b-7'),
        ],
      },
      {
        id: 'diplomacy',
        title: 'Peace diplomacy',
        stories: [story('s3', 'Mediators host a quiet round of prisoner talks', 'A third country hosted talks on a prisoner swap; a new round is planned.', 'wire', 'w-2')],
      },
    ],
    excluded: [],
    feeds: [{ id: 'wire', name: 'Wire One', status: 'ok', items: 2, error: null }],
  };
}

/** Write out/<id>/digest.json as `digest build` would. */
export function writeEditionFile(outDir: string, edition: Edition): void {
  const dir = path.join(outDir, edition.edition.id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'digest.json'), JSON.stringify(edition, null, 2));
}

export function countBy<T>(list: T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of list) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

/**
 * `digest send` of `edition` to these subscribers, through a fresh SMTP sink (the caller closes it). The sink
 * is returned even when the command failed, so the caller's cleanup still finds it.
 */
export async function sendThroughSink(
  ws: Workspace,
  edition: Edition,
  subscribers: Array<{ email: string; sections?: string[] }>,
): Promise<{ sink: Sink; code: number; stderr: string }> {
  writeEditionFile(ws.outDir, edition);
  const store = openStore(ws.stateDir);
  for (const s of subscribers) store.addSubscriber(s);
  store.close();
  const sink = await startSink();
  const r = await runCli(['send', '--config', ws.configFile, '--edition', edition.edition.id], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
  return { sink, code: r.code, stderr: r.stderr };
}

/** A `digest send` started by sendHeldBehindFirst: its process, its output so far, and the rows it works on. */
export interface HeldSend {
  ws: Workspace;
  store: SqliteStore;
  editionId: string;
  emails: string[];
  /** the store's id of each reader */
  ids: Map<string, number>;
  sink: Sink;
  /** the `send` arguments after `node`: BIN first */
  args: string[];
  output: { out: string; err: string };
  exited: Promise<number | null>;
  child: ChildProcess;
  /** the reader whose message was claimed and waits behind the held one */
  waiting: string;
  /** lets the server answer the first reader's message */
  release: () => void;
}

/**
 * `digest send` of the support edition to four readers over one connection, while the server holds the first
 * reader's message: resolved once that message is on the wire, unanswered, and another is claimed behind it.
 * `beforeSend` runs once the sink listens (to start `digest serve` with the same environment).
 */
export async function sendHeldBehindFirst(beforeSend?: (ws: Workspace, env: Record<string, string>) => Promise<void>): Promise<HeldSend> {
  const ws = makeWorkspace('delivery:\n  rate: 1000\n  connections: 1\n');
  const edition = makeEdition();
  const editionId = edition.edition.id;
  writeEditionFile(ws.outDir, edition);
  const emails = ['first', 'second', 'third', 'fourth'].map((n) => `${n}@example.net`);
  const store = openStore(ws.stateDir);
  const ids = new Map(emails.map((email) => [email, store.addSubscriber({ email }).id]));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const sink = await startSink({ holdUntil: (rcpt) => (rcpt === emails[0] ? released : null) });
  const env = { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url };
  await beforeSend?.(ws, env);
  const args = [BIN, 'send', '--config', ws.configFile, '--edition', editionId, '--out', ws.outDir];
  const child = spawn(process.execPath, args, { cwd: ws.dir, env: { ...process.env, ...env }, stdio: 'pipe' });
  const output = { out: '', err: '' };
  child.stdout.on('data', (c) => (output.out += c));
  child.stderr.on('data', (c) => (output.err += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await sink.waitFor(() => sink.held === 1, 30_000).catch((e: Error) => {
    throw new Error(`${e.message}; send said: ${output.err}`);
  });
  const claimedBehind = () => store.deliveries(editionId).find((d) => d.email !== emails[0] && d.attempts > 0)?.email;
  await sink.waitFor(() => claimedBehind() !== undefined, 15_000);
  return { ws, store, editionId, emails, ids, sink, args, output, exited, child, waiting: claimedBehind()!, release };
}

/** The HTML part of a raw message as it travels: its headers, and its body still encoded (what Gmail's clipping counts). */
export function encodedHtmlPart(raw: Buffer): { head: string; body: string } {
  const text = raw.toString('latin1');
  const boundary = /boundary="([^"]+)"/.exec(text)![1];
  const part = text.split(`--${boundary}\r\n`).find((p) => p.startsWith('Content-Type: text/html'))!;
  const [head, ...rest] = part.split('\r\n\r\n');
  // the CRLF before a boundary belongs to it
  return { head, body: rest.join('\r\n\r\n').replace(new RegExp(`\r\n--${boundary}--\r\n$`), '') };
}

/** Five readers at several domains, as a list is: a relay that refuses everything refuses every domain. */
export const READERS = ['ana@example.net', 'ben@example.org', 'cleo@example.net', 'dan@example.com', 'eve@example.org'];

/** A workspace with one edition written and `readers` subscribed, sending over `connections` connections at once. */
export function workspaceWithReaders(connections: number, readers: string[] = READERS): { ws: Workspace; id: string } {
  const ws = makeWorkspace(`delivery:\n  rate: 1000\n  connections: ${connections}\n`);
  const edition = makeEdition();
  writeEditionFile(ws.outDir, edition);
  const store = openStore(ws.stateDir);
  for (const email of readers) store.addSubscriber({ email });
  store.close();
  return { ws, id: edition.edition.id };
}

/** `digest send --edition ID` through the CLI, to the SMTP server at `smtpUrl`. */
export function runSend(ws: Workspace, id: string, smtpUrl: string) {
  return runCli(['send', '--config', ws.configFile, '--edition', id, '--out', ws.outDir], {
    cwd: ws.dir,
    env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: smtpUrl },
  });
}

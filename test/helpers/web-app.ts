// The web app in-process for tests (the server code `digest serve` runs): a workspace on disk, its store, a real
// SMTP sink and a mailer to it, listening on a free port of 127.0.0.1. `stop()` closes all of it and removes the
// workspace; `webAppPerTest()` does that after each test.
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterEach } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { Tokens, tokenScope } from '../../src/deliver/tokens.js';
import { createPoolSender, type MailSender } from '../../src/deliver/transport.js';
import { createWebServer, listen, type WebDeps } from '../../src/web/server.js';
import type { DigestConfig } from '../../src/types.js';
import { SECRET, makeWorkspace, startSink, type Sink, type Workspace } from '../deliver/support.js';

export interface WebAppOptions {
  /** more YAML for the workspace's config (e.g. `locale: uk\n`) */
  extraConfig?: string;
  /** the config's whole `email:` block, when the workspace's default will not do */
  email?: string;
  /** give the app a mailer (default true); without one it cannot send mail, and the sink stays empty */
  mail?: boolean;
  /** the mailer's SMTP connections (default 1) */
  connections?: number;
  /** more dependencies for the server, given the workspace (rate limits, trustProxy, extra routes) */
  deps?: Partial<WebDeps> | ((ws: Workspace) => Partial<WebDeps>);
}

export interface WebApp {
  /** http://127.0.0.1:PORT */
  base: string;
  port: number;
  ws: Workspace;
  config: DigestConfig;
  store: SqliteStore;
  /** the SMTP sink the app's mail goes to */
  sink: Sink;
  mailer?: MailSender;
  server: Server;
  stop(): Promise<void>;
}

export async function startWebApp(o: WebAppOptions = {}): Promise<WebApp> {
  const ws = makeWorkspace(o.extraConfig, o.email);
  const config = loadConfig(ws.configFile);
  const store = openStore(config.state);
  let sink: Sink | undefined;
  let mailer: MailSender | undefined;
  let server: Server | undefined;
  const stop = async () => {
    if (server) {
      const closed = new Promise((r) => server!.close(r));
      server.closeAllConnections();
      await closed;
    }
    mailer?.close();
    store.close();
    await sink?.close();
    rmSync(ws.dir, { recursive: true, force: true });
  };
  try {
    sink = await startSink();
    if (o.mail !== false) mailer = createPoolSender({ smtpUrl: sink.url, rate: 0, connections: o.connections ?? 1 });
    const extra = typeof o.deps === 'function' ? o.deps(ws) : o.deps;
    server = createWebServer({ config, store, tokens: new Tokens(SECRET, tokenScope(store)), mailer, ...extra });
    const { port } = await listen(server, 0, '127.0.0.1');
    return { base: `http://127.0.0.1:${port}`, port, ws, config, store, sink, mailer, server, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** `start(options)` for tests in this file: every app it started is stopped after each test. */
export function webAppPerTest(): (o?: WebAppOptions) => Promise<WebApp> {
  const started: WebApp[] = [];
  afterEach(async () => {
    for (const app of started.splice(0)) await app.stop();
  });
  return async (o) => {
    const app = await startWebApp(o);
    started.push(app);
    return app;
  };
}

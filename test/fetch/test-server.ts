// A local HTTP server on 127.0.0.1 whose routes misbehave on purpose, and which counts what it sees.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void;

export interface TestServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** every request, in arrival order */
  requests: { path: string; host: string; headers: http.IncomingHttpHeaders; at: number }[];
  hits(path: string): number;
  /** most requests open at once, overall and per Host header name (port stripped) */
  maxInFlight: number;
  maxInFlightByHost: Map<string, number>;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler>): Promise<TestServer> {
  const perPath = new Map<string, number>();
  const inFlightByHost = new Map<string, number>();
  let inFlight = 0;
  const state: TestServer = {
    origin: '',
    port: 0,
    requests: [],
    hits: (path) => perPath.get(path) ?? 0,
    maxInFlight: 0,
    maxInFlightByHost: new Map(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const hit = (perPath.get(path) ?? 0) + 1;
    perPath.set(path, hit);
    state.requests.push({ path, host, headers: req.headers, at: Date.now() });

    inFlight++;
    inFlightByHost.set(host, (inFlightByHost.get(host) ?? 0) + 1);
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    state.maxInFlightByHost.set(host, Math.max(state.maxInFlightByHost.get(host) ?? 0, inFlightByHost.get(host)!));
    res.on('close', () => {
      inFlight--;
      inFlightByHost.set(host, inFlightByHost.get(host)! - 1);
    });

    // "/prefix/*" routes match any path below the prefix
    const handler = routes[path] ?? Object.entries(routes).find(([k]) => k.endsWith('*') && path.startsWith(k.slice(0, -1)))?.[1];
    if (handler) return handler(req, res, hit);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.origin = `http://127.0.0.1:${state.port}`;
  return state;
}

/** A small RSS document of our own, with a marker so tests can tell copies apart. */
export function sampleFeed(marker: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire ${marker}</title><link>https://wire.test/</link>
<item><title>Envoys meet in Geneva (${marker})</title><link>https://wire.test/a/${marker}</link>
<guid>${marker}-1</guid><pubDate>Mon, 03 Jun 2024 08:00:00 GMT</pubDate>
<description>Negotiators discussed a ceasefire framework.</description></item>
</channel></rss>`;
}

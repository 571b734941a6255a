// A local HTTP server that serves generated feeds with a per-request latency, for fetch and end-to-end benches.
// Each feed has an ETag; a request that sends it back gets 304 Not Modified (what a well-kept publisher does).
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export interface FeedServer {
  base: string;
  requests: () => number;
  /** requests answered 304 Not Modified */
  notModified: () => number;
  close: () => Promise<void>;
}

/** feeds: path → body; latencyMs(path) → delay before answering */
export async function startFeedServer(feeds: Map<string, string>, latencyMs: (path: string) => number, host = '127.0.0.1'): Promise<FeedServer> {
  let count = 0;
  let notModified = 0;
  const etags = new Map([...feeds].map(([p, body]) => [p, `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`]));
  const server: Server = createServer((req, res) => {
    count++;
    const body = feeds.get(req.url ?? '');
    const etag = etags.get(req.url ?? '');
    setTimeout(() => {
      if (body === undefined || etag === undefined) {
        res.writeHead(404).end();
        return;
      }
      if (req.headers['if-none-match'] === etag) {
        notModified++;
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
      res.end(body);
    }, latencyMs(req.url ?? ''));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, host, r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    base: `http://${host}:${port}`,
    requests: () => count,
    notModified: () => notModified,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

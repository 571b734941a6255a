// A local SMTP server that accepts every message and only counts it: the mail sink for send benches.
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  port: number;
  url: string;
  /** messages accepted so far */
  received: () => number;
  close: () => Promise<void>;
}

export async function startSmtpSink(host = '127.0.0.1'): Promise<SmtpSink> {
  let received = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    // no reverse DNS per connection: rss2email opens one connection per mail, and the lookup would be timed as its cost
    disableReverseLookup: true,
    logger: false,
    maxClients: 200,
    onData(stream, _session, cb) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    url: `smtp://${host}:${port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

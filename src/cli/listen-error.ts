// Why `serve` or `preview` could not listen, in one line that says what to change.
import { UserError } from '../errors.js';

export function listenError(host: string, port: number, err: unknown): UserError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const where = `cannot listen on ${host.includes(':') ? `[${host}]` : host}:${port}`;
  const own = 'expected an address of this machine (--host 127.0.0.1, or 0.0.0.0 for every address)';
  const why: Record<string, string> = {
    EADDRINUSE: `port ${port} is already in use (another digest serve or preview?): stop that program or choose another --port`,
    EACCES: `permission denied: ports below 1024 need privileges; choose --port 1024 or above and put a proxy in front`,
    EADDRNOTAVAIL: `this machine has no address ${host}; ${own}`,
    ENOTFOUND: `no such host name ${JSON.stringify(host)}; ${own}`,
    EAI_AGAIN: `the host name ${JSON.stringify(host)} could not be looked up; ${own}`,
  };
  const text = code && why[code] ? why[code] : `${code ?? (err instanceof Error ? err.message : String(err))}`;
  return new UserError(`${where}: ${text}`, 1);
}

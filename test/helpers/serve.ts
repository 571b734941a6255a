// Start a long-running `digest` command (serve, preview) as users do, a child process on a free port of
// 127.0.0.1, and wait for the line that says where it listens. `stop()` ends it and waits until it has exited.
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from './cli.js';

export interface Listening {
  /** the address as printed: http://127.0.0.1:PORT (serve) or http://127.0.0.1:PORT/ (preview) */
  url: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  stop(): Promise<void>;
}

export interface ListenOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** the CLI to run (default bin/digest.js) */
  bin?: string;
}

/** `digest ARGS…`, ready once it prints "… on http://127.0.0.1:PORT" as a whole line; fails if it exits first. */
export function startListening(args: string[], o: ListenOptions = {}): Promise<Listening> {
  const child = spawn(process.execPath, [o.bin ?? BIN, ...args], {
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c) => {
      out += c;
      const m = / on (http:\/\/127\.0\.0\.1:\d+\/?)\r?\n/.exec(out); // the whole line: never a port cut between two chunks
      if (m) resolve({ url: m[1], child, stdout: () => out, stderr: () => err, stop });
    });
    child.stderr!.on('data', (c) => (err += c));
    child.once('exit', (code, signal) => reject(new Error(`digest ${args[0]} exited (${code ?? signal}) before listening: ${err.trim()}`)));
  });
}

/** `digest serve --config FILE` in `cwd` with `env`; `extraArgs` such as --trust-proxy. */
export function startServe(configFile: string, cwd: string, env: Record<string, string>, o: { bin?: string; extraArgs?: string[] } = {}): Promise<Listening> {
  return startListening(['serve', '--config', configFile, '--port', '0', '--host', '127.0.0.1', ...(o.extraArgs ?? [])], { cwd, env, bin: o.bin });
}

/** `digest preview ARGS…` (add --config, --now, --out …). */
export function startPreview(args: string[], env: Record<string, string> = {}): Promise<Listening> {
  return startListening(['preview', '--port', '0', '--host', '127.0.0.1', ...args], { env });
}

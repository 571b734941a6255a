// Start `digest serve` on a desk workspace as users do (a child process) and read the URL it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from '../helpers/cli.js';
import type { DeskWorkspace } from './workspace.js';

export interface RunningServe {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startServe(ws: DeskWorkspace, env: Record<string, string>): Promise<RunningServe> {
  const child = spawn(process.execPath, [BIN, 'serve', '--config', ws.configFile, '--port', '0', '--trust-proxy'], {
    cwd: ws.dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c) => {
      out += c;
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ url: m[1], child, stop: async () => { if (child.exitCode === null) child.kill('SIGTERM'); await exited; } });
    });
    child.stderr!.on('data', (c) => (err += c));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

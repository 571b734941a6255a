// One parser worker at a time, killed and replaced when a file takes longer than the time limit (a hang).
import { Worker } from 'node:worker_threads';
import type { WorkerReply } from './worker.js';

export type Result = WorkerReply | { id: number; status: 'hang'; ms: number };

/** the worker that parses corpus files through the same path as `build` */
export const PARSER_WORKER = new URL('./worker.ts', import.meta.url);

export class ParserPool {
  private worker: Worker | null = null;
  private pending: { id: number; resolve: (r: Result) => void; timer: NodeJS.Timeout } | null = null;

  /** `workerUrl`: a module that answers WorkerRequest messages with WorkerReply (tests pass their own) */
  constructor(
    private readonly timeoutMs: number,
    private readonly workerUrl: URL = PARSER_WORKER,
  ) {}

  private start(): Promise<void> {
    return new Promise((ready, fail) => {
      // Workers do not inherit tsx's loader: register it inside the worker before importing the .ts file.
      const tsxApi = import.meta.resolve('tsx/esm/api');
      const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(this.workerUrl.href)}); });`;
      const w = new Worker(boot, { eval: true });
      this.worker = w;
      w.on('message', (m: WorkerReply | { ready: true }) => {
        if ('ready' in m) return ready();
        if (this.pending && m.id === this.pending.id) this.settle(m);
      });
      w.on('error', (e) => {
        if (!this.pending) return fail(e);
        this.settle({ id: this.pending.id, status: 'crash', error: `worker error: ${e.message}`, ms: 0 });
        this.worker = null;
      });
      w.on('exit', () => {
        if (this.worker === w) this.worker = null;
        if (this.pending) this.settle({ id: this.pending.id, status: 'crash', error: 'worker exited', ms: 0 });
      });
    });
  }

  private settle(r: Result): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    clearTimeout(p.timer);
    p.resolve(r);
  }

  /** parse one file; the time limit starts once a worker is ready */
  async run(id: number, file: string): Promise<Result> {
    if (!this.worker) await this.start();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const w = this.worker;
        this.worker = null;
        this.settle({ id, status: 'hang', ms: this.timeoutMs });
        w?.removeAllListeners();
        void w?.terminate();
      }, this.timeoutMs);
      this.pending = { id, resolve, timer };
      this.worker!.postMessage({ id, file });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

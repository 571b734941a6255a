// `npm run corpus -- <corpus-dir> [--out results.tsv] [--timeout ms]`: parser robustness over a corpus of
// third-party feeds (what it counts: tools/corpus/run.ts). Exit codes: 0 the run finished, 2 bad usage or no
// MANIFEST.tsv, 1 anything else went wrong.
import path from 'node:path';
import { CorpusUsageError, runCorpus, type CorpusOptions } from './run.js';

const USAGE = 'usage: npm run corpus -- <corpus-dir> [--out results.tsv] [--timeout ms]';

function parseArgs(argv: string[]): CorpusOptions {
  let dir: string | null = null;
  let out: string | null = null;
  let timeoutMs = 5000;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') {
      out = argv[++i] ?? null;
      if (!out) throw new CorpusUsageError('--out needs a file name');
    } else if (a === '--timeout') {
      timeoutMs = Number(argv[++i]);
      if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new CorpusUsageError('--timeout needs a positive number of milliseconds');
    } else if (a.startsWith('-')) throw new CorpusUsageError(`unknown option ${a}`);
    else dir = a;
  }
  if (!dir) throw new CorpusUsageError('missing corpus directory');
  return { dir: path.resolve(dir), out, timeoutMs };
}

try {
  const lines = await runCorpus(parseArgs(process.argv.slice(2)));
  process.stdout.write(lines.join('\n') + '\n');
} catch (e) {
  const usage = e instanceof CorpusUsageError;
  process.stderr.write(`corpus: ${e instanceof Error ? e.message : String(e)}\n${usage ? `${USAGE}\n` : ''}`);
  process.exitCode = usage ? 2 : 1;
}

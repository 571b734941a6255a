#!/usr/bin/env node
// Entry point: runs the compiled CLI in dist/ (built by `npm run build`; `npm ci` builds it as its `prepare` step).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('digest: the compiled CLI (dist/) is missing; run `npm run build` (`npm ci` builds it too)\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);

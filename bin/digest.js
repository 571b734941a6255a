#!/usr/bin/env node
// Entry point: runs the compiled CLI in dist/ (built by `npm run build`; `npm ci` builds it as its `prepare` step).
import { existsSync } from 'node:fs';

// Node 18 (Debian 12's own nodejs) installs with only a warning from npm, then fails somewhere inside: say so first
const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  process.stderr.write(`digest: Roundup needs Node 20 or newer; ${process.execPath} is Node ${process.versions.node} (install Node 20, and name its node in the cron line or ExecStart=)\n`);
  process.exit(1);
}

const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('digest: the compiled CLI (dist/) is missing; run `npm run build` (`npm ci` builds it too)\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);

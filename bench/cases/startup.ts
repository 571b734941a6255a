// CLI start time: `digest --version` and `digest subscribers list` (config read and checked, the store opened,
// 50 subscribers listed), each against `node -e 0` started in alternating rounds of the same run. The compiled
// CLI in dist/ (built first when stale) loads only the module of the command it runs. Goal: ratio ≤ 4.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/index.js';
import { ROOT, buildIfStale } from '../../tools/dist-state.js';
import { emit, result } from '../lib/result.js';
import { alternate } from '../lib/timing.js';

const GOAL = 4;
const ROUNDS = 15;
const BIN = path.join(ROOT, 'bin', 'digest.js');

buildIfStale('bench startup');
const dir = mkdtempSync(path.join(tmpdir(), 'roundup-bench-startup-'));
try {
  const config = path.join(dir, 'digest.config.yaml');
  writeFileSync(
    config,
    [
      'title: Start Watch',
      'timezone: Europe/Kyiv',
      'feeds:',
      '  - name: Wire One',
      '    url: https://wire.example/rss',
      'themes:',
      '  - id: talks',
      '    title: Talks',
      '    keywords: [ceasefire, negotiations]',
      'email:',
      '  from: "Start Watch <digest@example.org>"',
      '  baseUrl: https://digest.example.org',
      'state: state',
      '',
    ].join('\n'),
  );
  const store = openStore(path.join(dir, 'state'));
  for (let i = 1; i <= 50; i++) store.addSubscriber({ email: `reader${i}@example.net` });
  store.close();

  const node = (args: string[]) => () => execFileSync(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const bare = node(['-e', '0']);
  const commands: [string, string[]][] = [
    ['startup-version', ['--version']],
    ['startup-subscribers-list', ['subscribers', 'list', '--config', config]],
  ];
  const results = [];
  for (const [name, args] of commands) {
    const m = await alternate(ROUNDS, node([BIN, ...args]), bare);
    results.push(
      result({
        name,
        value: m.a,
        unit: 'ms',
        baseline: '`node -e 0` (same run, alternating rounds)',
        baselineValue: m.b,
        goal: `ratio ≤ ${GOAL}`,
        ok: (ratio) => ratio !== null && ratio <= GOAL,
        extra: { command: `digest ${args.join(' ').replace(config, 'CONFIG')}`, rounds: ROUNDS },
      }),
    );
  }
  emit(results);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// SpamAssassin (offline rules only) must score the sample digest.eml at 1.0 or less.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSample } from './sample.js';

const SPAMASSASSIN = '/usr/bin/spamassassin';
const haveSpamAssassin = fs.existsSync(SPAMASSASSIN);

describe.skipIf(!haveSpamAssassin)('SpamAssassin on the sample digest.eml', () => {
  it('scores 1.0 or less with local rules', async () => {
    const sample = await writeSample();
    // A throwaway HOME keeps SpamAssassin's per-user files (prefs, bayes) out of the real one.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-sa-'));
    try {
      const report = execFileSync(SPAMASSASSIN, ['-L', '-t', '-x', '--cf=use_bayes 0'], {
        input: sample.eml,
        env: { ...process.env, HOME: home },
        timeout: 60_000,
      }).toString();
      const status = report.match(/^X-Spam-Status: \w+, score=(-?[\d.]+)/m);
      expect(status, 'X-Spam-Status header in the report').not.toBeNull();
      const score = Number(status![1]);
      const rules = report.slice(report.indexOf('Content analysis details'));
      expect(score, rules).toBeLessThanOrEqual(1.0);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);
});

if (!haveSpamAssassin) {
  describe('SpamAssassin on the sample digest.eml', () => {
    it.skip(`skipped: ${SPAMASSASSIN} not found (apt-get install -y spamassassin)`, () => {});
  });
}

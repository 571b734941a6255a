// A scheduled digest with one empty feed, in a temporary folder: for the scheduler's process tests (health, locks),
// where what matters is that `digest run` and `digest tick` start, not what they build.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface QuietDigest {
  dir: string;
  cfg: string;
  /** the digest's state folder */
  state: string;
  /** an SMTP URL nothing answers on, and a secret */
  env: Record<string, string>;
}

export function quietDigest(name: string): QuietDigest {
  const slug = name.toLowerCase();
  const dir = mkdtempSync(path.join(tmpdir(), `roundup-${slug}-`));
  const cfg = path.join(dir, 'digest.config.yaml');
  writeFileSync(path.join(dir, 'feed.xml'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>');
  writeFileSync(
    cfg,
    `title: ${name} Watch
timezone: UTC
schedule: "0 7 * * 1"
feeds:
  - name: Quiet
    path: feed.xml
themes:
  - id: arms
    title: Arms
email:
  from: "${name} Watch <digest@${slug}.example>"
  baseUrl: https://${slug}.example
  address: "1 Example Street, Kyiv"
state: state
`,
  );
  return { dir, cfg, state: path.join(dir, 'state'), env: { DIGEST_SMTP_URL: 'smtp://127.0.0.1:9', DIGEST_SECRET: `${slug}-test-secret-0123456789abcdef` } };
}

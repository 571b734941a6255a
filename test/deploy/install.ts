// A digest ready to run from the deployment recipes: a config whose schedule is due every minute, a
// local feed with one story from today, the recipe's secrets file filled in, and readers of systemd
// units and env files. The recipes' own paths (/srv/roundup, /etc/roundup, /data, /app) are mapped
// onto temporary folders by the tests.
import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/cli.js';

export const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

export function tempDir(label: string): string {
  return mkdtempSync(path.join(tmpdir(), `roundup-${label}-`));
}

/** A folder that looks like a checkout at /srv/roundup: the repository's files, linked. */
export function linkedCheckout(label: string): string {
  const dir = tempDir(label);
  for (const entry of readdirSync(ROOT)) {
    if (['out', '.digest', '.git'].includes(entry)) continue;
    symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  }
  return dir;
}

/** digest.config.yaml + feed.xml in `dir`: due every minute, one story dated now. */
export function writeDigest(dir: string, title = 'Deploy Watch'): string {
  const now = new Date();
  writeFileSync(
    path.join(dir, 'feed.xml'),
    `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Deploy Wire</title><link>https://wire.example/</link><description>Test wire</description>
<item><title>Allies agree to send more air defence systems</title><link>https://wire.example/air-defence</link>
<guid>deploy-1</guid><pubDate>${new Date(now.getTime() - 3600_000).toUTCString()}</pubDate>
<description>Ministers agreed to send more air defence systems before winter, officials said on the day.</description></item>
</channel></rss>
`,
  );
  const file = path.join(dir, 'digest.config.yaml');
  writeFileSync(
    file,
    `title: ${title}
timezone: UTC
schedule: "* * * * *"
feeds:
  - name: Deploy Wire
    path: feed.xml
themes:
  - id: arms
    title: Arms
    keywords: [air defence]
email:
  from: "${title} <digest@deploy.example>"
  baseUrl: https://digest.example.org
  address: "1 Example Street, Kyiv"
delivery:
  rate: 100
`,
  );
  return file;
}

/** The recipe's example secrets file with its values replaced, same layout. */
export function fillEnvFile(example: string, values: Record<string, string>): string {
  let out = example;
  for (const [k, v] of Object.entries(values)) {
    const line = new RegExp(`^${k}=.*$`, 'm');
    if (!line.test(out)) throw new Error(`the env file example has no ${k}=`);
    out = out.replace(line, `${k}=${v}`);
  }
  return out;
}

/** KEY=value lines as systemd's EnvironmentFile= and docker --env-file read them. */
export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) throw new Error(`not KEY=value: ${line}`);
    env[m[1]] = m[2];
  }
  return env;
}

/** Minimal INI reader for systemd units: section → key → values (keys may repeat). */
export function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | null = null;
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([A-Za-z]+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1], current);
      continue;
    }
    const kv = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (!kv || !current) throw new Error(`line ${i + 1} is not "Key=value" inside a [Section]: ${line}`);
    current.set(kv[1], [...(current.get(kv[1]) ?? []), kv[2]]);
  }
  return sections;
}

/** Replace each recipe path with where the test put it. */
export function mapPaths(text: string, map: Record<string, string>): string {
  let out = text;
  for (const [from, to] of Object.entries(map)) out = out.split(from).join(to);
  return out;
}

/**
 * Whether `.dockerignore` keeps `file` (a path relative to the build context) out of the context, the way
 * Docker reads it: patterns relative to the context root, `*` and `?` within one path segment, `**` across
 * any number of them, a pattern that matches a folder excludes what is in it, and the last matching line
 * decides (`!` lines let a path back in).
 */
export function dockerIgnores(dockerignore: string, file: string): boolean {
  const patterns = dockerignore
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => ({ negate: l.startsWith('!'), re: globToRegExp(path.posix.normalize(l.replace(/^!/, '').replace(/^\/+/, ''))) }));
  const parts = file.split('/');
  let ignored = false;
  for (const { negate, re } of patterns) {
    // the file itself or any folder above it
    if (parts.some((_, i) => re.test(parts.slice(0, i + 1).join('/')))) ignored = !negate;
  }
  return ignored;
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * The command that starts a service's ExecStart= in the file-system sandbox its unit asks for, made with a
 * mount namespace (`unshare -m`, root only): ReadWritePaths= stay writable, ReadOnlyPaths= are read-only, and
 * ProtectSystem=strict makes everything else read-only, as systemd does. Then, as systemd, it changes to
 * WorkingDirectory=, sets UMask= and runs as `uid` (the unit's User=). PrivateTmp= and ProtectHome= are left
 * out: Roundup writes nothing in /tmp or a home, and the test's folders are under /tmp.
 */
export function sandboxedCommand(svc: Map<string, string[]>, map: Record<string, string>, uid: number): { cmd: string; args: string[] } {
  const paths = (key: string) => (svc.get(key) ?? []).flatMap((v) => v.split(/\s+/)).filter((p) => p && !p.startsWith('-')).map((p) => mapPaths(p, map));
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const lines = [
    'set -e',
    ...paths('ReadWritePaths').map((p) => `mount --bind ${q(p)} ${q(p)}`),
    ...paths('ReadOnlyPaths').map((p) => `mount --bind ${q(p)} ${q(p)} && mount -o remount,bind,ro ${q(p)}`),
    ...(svc.get('ProtectSystem')?.at(-1) === 'strict' ? ['mount -o remount,bind,ro /'] : []),
    `cd ${q(mapPaths(svc.get('WorkingDirectory')![0], map))}`,
    `umask ${svc.get('UMask')?.[0] ?? '0022'}`,
    `exec setpriv --reuid ${uid} --regid ${uid} --clear-groups "$@"`,
  ];
  const argv = mapPaths(svc.get('ExecStart')![0], map).split(/\s+/);
  return { cmd: 'unshare', args: ['-m', '--propagation', 'private', 'sh', '-c', lines.join('\n'), 'sh', ...argv] };
}

// A real IMAP server for the mailbox tests: Debian's dovecot-imapd on 127.0.0.1, as an unprivileged process
// with its own config, one throwaway user (passwd-file) and a maildir, all under a temporary folder.
// Run as root (CI containers), it drops to `nobody`, because dovecot's login process refuses root.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

export const IMAP_USER = 'bounces';
export const IMAP_PASS = 'throwaway-imap-pass';

/** Why the IMAP tests cannot run here, or null when dovecot is installed. */
export function dovecotMissing(): string | null {
  const r = spawnSync('dovecot', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? null : 'dovecot is not installed (Debian: apt-get install dovecot-imapd; .ci/run installs it)';
}

export interface Dovecot {
  port: number;
  /** DIGEST_IMAP_URL for the throwaway user */
  url: string;
  append(raw: string | Buffer, folder?: string): Promise<void>;
  /** many messages over one connection */
  appendAll(raws: (string | Buffer)[], folder?: string): Promise<void>;
  /** subjects of the messages in a folder ([] when it does not exist) */
  subjects(folder: string): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-imap-'));
  const root = process.getuid?.() === 0;
  const user = root ? { name: 'nobody', group: groupOf(65534), uid: 65534, gid: 65534 } : { name: userInfo().username, group: groupOf(process.getgid!()), uid: process.getuid!(), gid: process.getgid!() };
  for (const sub of ['run', 'state', 'mail']) mkdirSync(path.join(dir, sub));
  const port = await freePort();
  writeFileSync(path.join(dir, 'passwd'), `${IMAP_USER}:{PLAIN}${IMAP_PASS}\n`);
  writeFileSync(
    path.join(dir, 'dovecot.conf'),
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = roundup-test-${port}
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${user.name}
default_internal_group = ${user.group}
default_login_user = ${user.name}
first_valid_uid = ${user.uid}
last_valid_uid = ${user.uid}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${user.uid} gid=${user.gid} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
  );
  if (root) chownTree(dir, user.uid, user.gid);
  const proc: ChildProcess = spawn('dovecot', ['-F', '-c', path.join(dir, 'dovecot.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(root ? { uid: user.uid, gid: user.gid } : {}),
  });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += String(d)));
  await waitForGreeting(port, proc, () => stderr);
  const url = `imap://${IMAP_USER}:${IMAP_PASS}@127.0.0.1:${port}`;
  const client = async <T>(fn: (c: ImapFlow) => Promise<T>): Promise<T> => {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: IMAP_USER, pass: IMAP_PASS }, logger: false });
    c.on('error', () => {});
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.logout().catch(() => c.close());
    }
  };
  return {
    port,
    url,
    append: (raw, folder = 'INBOX') =>
      client(async (c) => {
        await c.mailboxCreate(folder).catch(() => undefined);
        await c.append(folder, crlfOf(raw));
      }),
    appendAll: (raws, folder = 'INBOX') =>
      client(async (c) => {
        await c.mailboxCreate(folder).catch(() => undefined);
        for (const raw of raws) await c.append(folder, crlfOf(raw));
      }),
    subjects: (folder) =>
      client(async (c) => {
        const list = await c.list();
        if (!list.some((m) => m.path === folder)) return [];
        const lock = await c.getMailboxLock(folder);
        try {
          const out: string[] = [];
          if (c.mailbox && c.mailbox.exists > 0) for await (const m of c.fetch('1:*', { envelope: true })) out.push(m.envelope?.subject ?? '');
          return out;
        } finally {
          lock.release();
        }
      }),
    stop: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function crlfOf(raw: string | Buffer): Buffer {
  return Buffer.from(String(raw).replace(/\r?\n/g, '\r\n'), 'utf8');
}

function groupOf(gid: number): string {
  const r = spawnSync('getent', ['group', String(gid)], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split(':')[0] : String(gid);
}

function chownTree(p: string, uid: number, gid: number): void {
  chownSync(p, uid, gid);
  if (statSync(p).isDirectory()) for (const e of readdirSync(p)) chownTree(path.join(p, e), uid, gid);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Until the server greets a client with "* OK" (a busy machine may take a while), or dovecot exits. */
async function waitForGreeting(port: number, proc: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`dovecot exited (${proc.exitCode}): ${stderr().trim()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const sock = connect(port, '127.0.0.1');
      sock.setTimeout(2000, () => (sock.destroy(), resolve(false)));
      sock.once('data', (d) => {
        sock.destroy();
        resolve(String(d).startsWith('* OK'));
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`dovecot did not answer on 127.0.0.1:${port} within 30 s: ${stderr().trim()}`);
}

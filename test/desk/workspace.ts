// A digest workspace for the desk tests: a config, two invented feeds (RSS and Atom) whose items make
// multi-source stories in two themed sections and the `other` section, a state folder and an out folder.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Edition } from '../../src/types.js';
import { openStore } from '../../src/store/index.js';
import { BIN, runCli } from '../helpers/cli.js';
import { makeTwoFeedWorkspace, twoFeedConfig, type FeedItem } from '../helpers/two-feeds.js';

export const NOW = '2026-11-23T07:00:00+02:00';
export const ID = '2026-11-23';
export const SECRET = 'desk-test-secret-0123456789abcdef';
/** one CLI run may take this long on a busy shared machine (it takes seconds on an idle one) */
export const CLI_TIMEOUT = 240_000;

/** a weekly digest whose drafts wait for an editor's approval */
export const REVIEWED = 'schedule: "0 7 * * 1"\nreview: required\neditors: [ed@desk.test]\n';
/** put an active reader on the workspace's list */
export function addReader(ws: DeskWorkspace, email: string): void {
  const store = openStore(ws.stateDir);
  try {
    store.addSubscriber({ email });
  } finally {
    store.close();
  }
}

/** `digest …` on the workspace's config, in its folder */
export const deskCli = (ws: DeskWorkspace, args: string[]) => runCli([...args, '--config', ws.configFile], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT });
/** the draft as `digest.json` has it */
export const draftOf = (ws: DeskWorkspace): Edition => JSON.parse(readFileSync(path.join(ws.editionDir, 'digest.json'), 'utf8')) as Edition;

export interface DeskWorkspace {
  dir: string;
  configFile: string;
  outDir: string;
  stateDir: string;
  editionDir: string;
  /** rewrite the wire feed with one more item (a late story) */
  addLateItem(): void;
  /** rewrite the wire feed with these items after its own */
  addWireItems(items: FeedItem[]): void;
  writeConfig(extra?: string): void;
  remove(): void;
}

export const WIRE_ITEMS: FeedItem[] = [
  {
    id: 'w-missiles',
    title: 'Ukraine receives first long-range missiles from allies',
    link: 'https://wire.test/a/missiles',
    date: '2026-11-20T09:00:00Z',
    body: 'Ukraine has received the first long-range missiles promised by its allies, the defence ministry in Kyiv said on Friday. The missiles can reach targets far behind the front line.',
  },
  {
    id: 'w-geneva',
    title: 'Kremlin rejects Geneva ceasefire talks proposal',
    link: 'https://wire.test/a/geneva',
    date: '2026-11-21T08:00:00Z',
    body: 'The Kremlin rejected a proposal for ceasefire talks in Geneva, a spokesman said in Moscow, calling the plan for Russia and Ukraine premature.',
  },
  {
    id: 'w-envoy',
    title: 'Ukraine envoy meets mediators about a prisoner exchange',
    link: 'https://wire.test/a/envoy',
    date: '2026-11-22T10:00:00Z',
    body: "Ukraine's human rights envoy met Qatari mediators in Doha on Sunday to prepare a new prisoner exchange; both sides handed over lists of names.",
  },
  {
    id: 'w-budget',
    title: 'Ukraine budget for 2027 passes first reading in parliament',
    link: 'https://wire.test/a/budget',
    date: '2026-11-19T12:00:00Z',
    body: 'Lawmakers in Kyiv approved the Ukraine budget for next year in a first reading on Thursday, with most of it for the army.',
  },
];

export const BRIEF_ITEMS: FeedItem[] = [
  {
    id: 'b-missiles',
    title: 'Allies deliver first long-range missiles to Ukraine',
    link: 'https://brief.test/arms/missiles',
    date: '2026-11-20T15:00:00Z',
    body: 'The first long-range missiles promised by allies have arrived in Ukraine, the defence ministry in Kyiv said on Friday. They can hit targets far behind the front line.',
  },
  {
    id: 'b-drones',
    title: 'Russia launches drone strike on Kharkiv power station',
    link: 'https://brief.test/arms/drones',
    date: '2026-11-21T22:00:00Z',
    body: 'A Russian drone hit the Zmiiv power station near Kharkiv overnight, leaving 40,000 homes without electricity, the regional governor said.',
  },
];

export const LATE_ITEM: FeedItem = {
  id: 'w-late',
  title: 'Ukraine grain corridor reopens after storm',
  link: 'https://wire.test/a/grain',
  date: '2026-11-22T18:00:00Z',
  body: 'Ships loaded with grain left Odesa again after a storm closed the corridor for three days, the port authority in Ukraine said.',
};

/** `baseUrl`: the config's email.baseUrl (default https://desk.test) */
export function makeDeskWorkspace(extraConfig = '', o: { baseUrl?: string } = {}): DeskWorkspace {
  const ws = makeTwoFeedWorkspace('roundup-desk-', WIRE_ITEMS, { items: BRIEF_ITEMS, updated: '2026-11-22T12:00:00Z' });
  const writeConfig = (extra = extraConfig) =>
    writeFileSync(
      ws.configFile,
      twoFeedConfig({
        title: 'Desk Watch',
        armsKeywords: ['missile', 'long-range', 'drone strike'],
        email: `  from: "Desk Watch <digest@desk.test>"\n  baseUrl: ${o.baseUrl ?? 'https://desk.test'}\n  address: "1 Example Street, Kyiv"\n`,
        extra,
      }),
    );
  writeConfig();
  return {
    dir: ws.dir,
    configFile: ws.configFile,
    outDir: ws.outDir,
    stateDir: ws.stateDir,
    editionDir: path.join(ws.outDir, ID),
    addLateItem: () => ws.writeWire([...WIRE_ITEMS, LATE_ITEM]),
    addWireItems: (items) => ws.writeWire([...WIRE_ITEMS, ...items]),
    writeConfig,
    remove: ws.remove,
  };
}

/** `digest ARGS… --config` of the workspace, started: its output as it comes, its exit, and a wait for a line of it. */
export function startDigest(ws: DeskWorkspace, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args, '--config', ws.configFile], { cwd: ws.dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (c) => (out.stdout += c));
  child.stderr.on('data', (c) => (out.stderr += c));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  /** until stderr has `text` or the command has ended, whichever is first */
  const said = async (text: string) => {
    const until = Date.now() + CLI_TIMEOUT;
    while (!out.stderr.includes(text) && !done && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    return { said: out.stderr.includes(text), ended: done };
  };
  return { out, exited, said };
}

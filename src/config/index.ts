// Load and validate digest.config.yaml (contract §2) into a DigestConfig with every default filled in.
// Every failure is a ConfigError whose one line names the file, the key path and what is expected.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError, oneLine, readFailure } from '../errors.js';
import { compileTerms } from '../text/terms.js';
import { REPLY_TO_FIELD, asciiAddress, mailbox, parseSender } from '../text/sender.js';
import { DEFAULT_DEFERRAL_LIFETIME_MS, type DigestConfig, type FeedConfig } from '../types.js';
import { DEFAULT_SIGNUPS, schemas, type RawConfig } from './schema.js';
import { quickParse } from './quick.js';
import { parseWindow } from './window.js';
import { nameId, slug } from '../text/slug.js';
import { messages } from '../text/catalogue.js';
import { parseByteSize, parseSeconds } from './units.js';
import { notAFolder } from './folders.js';
import { configPath } from './home.js';
import { yamlErrorAt } from './yaml-error.js';

export const DEFAULT_CONFIG_FILE = 'digest.config.yaml';
/** stories one edition holds at most (`maxStories`); the lowest-ranked rest are `over-limit` */
export const DEFAULT_MAX_STORIES = 200;
export const DEFAULT_USER_AGENT = 'Roundup/0.1 (+https://github.com/roundup-digest/roundup)';

/** far above any real config (the example is 8 kB), far below what exhausts the memory */
const MAX_CONFIG_BYTES = 1024 * 1024;

export function loadConfig(file: string = DEFAULT_CONFIG_FILE): DigestConfig {
  // `--config "$DIGEST_CONFIG"` with the variable unset: not the working folder
  if (file.trim() === '') throw new ConfigError('--config: expected a config file, got ""');
  const abs = path.resolve(file);
  const shown = displayPath(abs);
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      // not "copy feeds/example.config.yaml": its feeds and state are relative to feeds/, so a copy elsewhere reads none
      throw new ConfigError(`${shown}: config file not found (pass --config FILE, or write one with \`digest init\`)`);
    }
    throw new ConfigError(`${shown}: config file ${readFailure(err)}`);
  }
  // a config is a few kilobytes; parsing tens of megabytes (a log or a dump passed as --config) exhausts the memory
  if (bytes.length > MAX_CONFIG_BYTES) {
    throw new ConfigError(`${shown}: the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; expected a config file under ${MAX_CONFIG_BYTES / 1024 / 1024} MB`);
  }
  return parseConfig(utf8Text(bytes, shown), abs);
}

/**
 * The file's text; a file saved in another encoding (Windows-1252's "Café") is refused where it stops being UTF-8,
 * instead of every such letter reaching the digest's title, sections and mail as "�".
 */
function utf8Text(bytes: Buffer, shown: string): string {
  const text = bytes.toString('utf8');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text;
  } catch {
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(at, 0)).split('\n');
    const byte = bytes[Buffer.byteLength(text.slice(0, Math.max(at, 0)))];
    const hex = byte === undefined ? '' : ` (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')})`;
    throw new ConfigError(`${shown}:${before.length}:${before[before.length - 1].length + 1}: not UTF-8 text${hex}; expected the file saved as UTF-8`);
  }
}

/** Parse config text; `abs` is the file it came from (relative paths resolve against its folder). */
export function parseConfig(source: string, abs: string): DigestConfig {
  const shown = displayPath(abs);
  const lines = new LineCounter();
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  if (doc.errors.length > 0) throw new ConfigError(`${shown}:${yamlErrorAt(doc, doc.errors[0], lines)}`);
  let data: unknown;
  try {
    // a document that expands an alias more than 100 times is an attack, not a config
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new ConfigError(`${shown}: not valid YAML (${firstLine(oneLine(err))})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    // an empty file (or one of comments) is a config not written yet: say what starts one
    const got = data === null || data === undefined ? 'the file is empty (or only comments)' : `got ${kindOf(data)}`;
    throw new ConfigError(`${shown}: expected a YAML mapping with title, feeds and themes, ${got}; \`digest init\` writes a starter config`);
  }
  const reference = environmentReference(data, '');
  if (reference) {
    throw new ConfigError(
      `${shown}: ${reference.key}: ${JSON.stringify(reference.value)} names an environment variable, which the config does not read; ` +
        'expected the value itself (only secrets come from the environment: DIGEST_SMTP_URL, DIGEST_SECRET …)',
    );
  }
  // the quick check vouches for a valid config without loading zod; zod reads the rest and says what is wrong
  const quick = quickParse(data);
  if (quick) return withDefaults(quick, abs, shown);
  const parsed = schemas().configSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    // a misspelt key explains the "missing" one it stands for: report unknown keys first
    const issues = [...parsed.error.issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new ConfigError(`${shown}: ${describeIssue(issues[0])}${more}`);
  }
  return withDefaults(parsed.data, abs, shown);
}

/** `${NAME}`, or a whole value `$NAME`: written as in a compose file or a shell script */
const ENV_REFERENCE = /\$\{[A-Za-z_][A-Za-z0-9_]*\}|^\$[A-Z_][A-Z0-9_]*$/;

/**
 * The first value that names an environment variable, with its key path. The config is read as written, so such a
 * value would be taken literally: a state folder named "${STATE_DIR}", with an empty list of subscribers in it, or
 * "${TITLE}" as the digest's title.
 */
function environmentReference(value: unknown, key: string): { key: string; value: string } | null {
  if (typeof value === 'string') return ENV_REFERENCE.test(value.trim()) ? { key, value } : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = environmentReference(v, `${key}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = environmentReference(v, key ? `${key}.${k}` : k);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Each feed's id: its own `id:`, else one from its name (a Cyrillic name transliterated: "Укрінформ" → "ukrinform",
 * which stays when a feed above it is removed, where its place in the list did not), else its place ("feed-3"). A
 * transliterated id that another feed's id already is goes back to the place, as it was, so that no config that
 * loaded before is refused now for two feeds of one id.
 */
function derivedFeedIds(feeds: readonly { id?: string; name: string }[]): string[] {
  const latin = feeds.map((f) => f.id ?? (slug(f.name) || null));
  const taken = new Set(latin.filter((id): id is string => id !== null));
  const transliterated = feeds.map((f, i) => (latin[i] === null ? nameId(f.name) : ''));
  return feeds.map((_, i) => {
    if (latin[i] !== null) return latin[i]!;
    const id = transliterated[i];
    const shared = transliterated.filter((other) => other === id).length > 1;
    return id && !taken.has(id) && !shared ? id : `feed-${i + 1}`;
  });
}

function withDefaults(raw: RawConfig, abs: string, shown: string): DigestConfig {
  const configDir = path.dirname(abs);
  const ids = derivedFeedIds(raw.feeds);
  const feeds = raw.feeds.map((f, i): FeedConfig => ({
    id: ids[i],
    name: f.name,
    url: f.url,
    path: f.path ? configPath(configDir, f.path) : undefined,
    fetchArticle: f.fetchArticle ?? false,
  }));
  assertUnique(feeds.map((f) => f.id), 'feeds', shown, 'feed ids (set a distinct `id:`)');
  assertEachFeedOnce(feeds, shown);
  // a reader's sections are chosen by lower-case id: "War" and "war" would be one section to them
  assertUnique(raw.themes.map((t) => t.id), 'themes', shown, 'theme ids (letter case aside)', (id) => id.toLowerCase());
  // a section title in the digest's language: "Other news" was English in a German or Arabic edition
  const other = raw.other ?? messages((raw.locale ?? 'en').replace(/_/g, '-')).otherNews;
  assertEachTitleOnce(raw.themes.map((t) => t.title), other, shown);
  if (other !== false && raw.themes.some((t) => t.id === 'other')) {
    throw new ConfigError(`${shown}: themes: the id "other" is reserved for the \`other\` section; choose another id`);
  }
  checkTerms(raw.scope?.include ?? [], 'scope.include', shown);
  checkTerms(raw.scope?.exclude ?? [], 'scope.exclude', shown);
  raw.themes.forEach((t, i) => checkTerms(t.keywords ?? [], `themes[${i}].keywords`, shown));
  /** an address check's UserError as this config file's error */
  const inConfig = <T>(check: () => T): T => {
    try {
      return check();
    } catch (err) {
      throw new ConfigError(`${shown}: ${oneLine(err)}`);
    }
  };
  const from = raw.email?.from ? inConfig(() => parseSender(raw.email!.from!).from) : mailbox(raw.title, 'digest@localhost');
  // Reply-To is checked as the sender is: one mailbox, or the header would carry whatever was written
  const replyTo = raw.email?.replyTo ? inConfig(() => parseSender(raw.email!.replyTo!, REPLY_TO_FIELD).from) : undefined;
  // the bounce mailbox's address goes into every copy's envelope and List-Unsubscribe: in ASCII too
  const mailboxAddress = raw.mailbox
    ? inConfig(() => asciiAddress(raw.mailbox!.address, { key: 'mailbox.address', expected: 'an email address such as bounces@example.org' }))
    : undefined;
  // editors are mailed (drafts, sign-in links) and sign in by the address they type, which the store reads as punycode
  const editors = (raw.editors ?? []).map((e, i) => inConfig(() => asciiAddress(e.trim(), { key: `editors[${i}]`, expected: 'an email address such as editor@example.org' })));
  const state = configPath(configDir, raw.state ?? '.digest');
  const notFolder = notAFolder(state);
  if (notFolder) throw new ConfigError(`${shown}: state: ${notFolder}; expected a folder (subscribers, the send ledger, the feed cache)`);
  // editions, like the state, go next to the config file whatever folder a command runs in (cron, systemd, docker)
  const out = configPath(configDir, raw.out ?? 'out');
  const outNotFolder = notAFolder(out);
  if (outNotFolder) throw new ConfigError(`${shown}: out: ${outNotFolder}; expected a folder for the editions`);
  const windowSpec = raw.window ?? '7d';
  const f = raw.fetch ?? {};
  return {
    configPath: abs,
    configDir,
    title: raw.title,
    locale: (raw.locale ?? 'en').replace(/_/g, '-'),
    timezone: raw.timezone ?? 'UTC',
    schedule: raw.schedule ?? '0 7 * * 1',
    windowSpec,
    window: parseWindow(windowSpec)!.length,
    scope: { include: raw.scope?.include ?? [], exclude: raw.scope?.exclude ?? [] },
    feeds,
    themes: raw.themes.map((t) => ({
      id: t.id,
      title: t.title,
      description: t.description ?? '',
      keywords: t.keywords ?? [],
      ...(t.maxStories !== undefined ? { maxStories: t.maxStories } : {}),
    })),
    other,
    maxStories: raw.maxStories ?? DEFAULT_MAX_STORIES,
    ...(raw.summary ? { summary: { ...raw.summary } } : {}),
    email: {
      from,
      subject: raw.email?.subject ?? '{title} · {date}: {lead}',
      baseUrl: (raw.email?.baseUrl ?? 'http://localhost:8080').replace(/\/+$/, ''),
      replyTo,
      address: raw.email?.address,
      logo: raw.email?.logo,
      dkim: raw.email?.dkim ? { ...raw.email.dkim, keyFile: configPath(configDir, raw.email.dkim.keyFile) } : undefined,
      defaulted: [...(raw.email?.from ? [] : ['from' as const]), ...(raw.email?.baseUrl ? [] : ['baseUrl' as const])],
      welcome: raw.email?.welcome ?? false,
    },
    mailbox: raw.mailbox
      ? {
          address: mailboxAddress!,
          folder: raw.mailbox.folder ?? 'INBOX',
          handledFolder: raw.mailbox.handledFolder ?? 'Processed',
          softBounces: {
            count: raw.mailbox.softBounces?.count ?? 3,
            withinMs: parseWindow(raw.mailbox.softBounces?.within ?? '30d')!.ms,
          },
          authservIds: (raw.mailbox.authservIds ?? []).map((id) => id.toLowerCase()),
        }
      : undefined,
    webhooks: raw.webhooks,
    state,
    out,
    templates: raw.templates ? templatesFolder(raw.templates, configDir, shown) : undefined,
    fetch: {
      timeoutMs: Math.round((f.timeout !== undefined ? parseSeconds(f.timeout)! : 20) * 1000),
      responseTimeoutMs: Math.round((f.connectTimeout !== undefined ? parseSeconds(f.connectTimeout)! : 10) * 1000),
      maxBytes: f.maxSize !== undefined ? parseByteSize(f.maxSize)! : 10 * 1024 * 1024,
      maxRedirects: f.maxRedirects ?? 5,
      retries: f.retries ?? 2,
      concurrency: f.concurrency ?? 8,
      perHost: f.perHost ?? 2,
      allowPrivateNetworks: f.allowPrivateNetworks ?? false,
      userAgent: f.userAgent ?? DEFAULT_USER_AGENT,
    },
    delivery: {
      rate: raw.delivery?.rate ?? 10,
      connections: raw.delivery?.connections ?? 3,
      deferralLifetimeMs: raw.delivery?.deferralLifetime !== undefined ? parseWindow(raw.delivery.deferralLifetime)!.ms : DEFAULT_DEFERRAL_LIFETIME_MS,
    },
    signups: { total: raw.signups?.total ?? DEFAULT_SIGNUPS.total, perDomain: raw.signups?.perDomain ?? DEFAULT_SIGNUPS.perDomain },
    catchUp: raw.catchUp ?? 'latest',
    review: {
      mode: raw.review ?? 'none',
      editors: [...new Set(editors)],
      deadlineMs: raw.reviewDeadline !== undefined ? parseWindow(raw.reviewDeadline)!.ms : null,
      onDeadline: raw.onDeadline ?? 'send',
    },
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const at = formatPath(issue.path);
  const prefix = at ? `${at}: ` : '';
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(issue.path);
    const keys = issue.keys
      .map((k) => {
        const near = closest(k, known);
        if (near) return `\`${k}\` (did you mean \`${near}\`?)`;
        const home = sectionTaking(issue.path, k);
        return `\`${k}\`${home ? ` (did you mean \`${formatPath([...issue.path, ...home])}\`? indent it under \`${home[0]}:\`)` : ''}`;
      })
      .join(', ');
    return `${prefix}unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  }
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type' && input === undefined) {
    return `${prefix}missing (${issue.message})`;
  }
  // zod's own words for a section written as a list or a value ("Invalid input: expected object, received array")
  if (issue.code === 'invalid_type' && issue.expected === 'object') {
    const keys = knownKeys(issue.path);
    const some = keys.length > 4 ? `${keys.slice(0, 4).join(', ')} …` : keys.join(', ');
    return `${prefix}expected a mapping of keys${some ? ` such as ${some}` : ''}, got ${kindOf(input)}`;
  }
  // a value of the wrong kind (`title: 1984`, `window: 7`, `maxStories: ten`): say what YAML read, not only what is expected
  const wrongKind = issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value';
  // a number out of range (`maxStories: 0`): the bound, and the number written
  const outOfRange = (issue.code === 'too_small' || issue.code === 'too_big') && typeof input === 'number';
  if ((wrongKind || outOfRange) && input !== undefined && !/\bgot\b/.test(issue.message)) {
    // YAML reads an unquoted 1984 or 2.5 as a number, where the text was meant: quotes help when
    // the text would do (a title, a keyword), not where it would be wrong too (`window: 7`)
    const quote = typeof input === 'number' && typeAt(issue.path)?.safeParse(String(input)).success === true;
    return `${prefix}${issue.message}, got ${kindOf(input)}${quote ? `; write it in quotes ("${String(input)}")` : ''}`;
  }
  return `${prefix}${issue.message}`;
}

/** what a YAML value is, in the words of someone who wrote it */
function kindOf(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping of keys';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

/** The keys the schema allows at a path (feeds[0] → a feed's keys). */
function knownKeys(at: readonly PropertyKey[]): string[] {
  const node = nodeAt(at);
  return node?.shape ? Object.keys(node.shape) : [];
}

/** The schema's type at a path (feeds[0].name → a feed name's), to try a value on; null where the schema has none. */
function typeAt(at: readonly PropertyKey[]): ZodType | null {
  const parent = at.length > 0 ? nodeAt(at.slice(0, -1)) : null;
  const last = at[at.length - 1];
  return (typeof last === 'number' ? parent?.element : typeof last === 'string' ? parent?.shape?.[last] : undefined) ?? null;
}

/** The schema's node at a path (feeds[0] → a feed's), null where the schema has none. */
function nodeAt(at: readonly PropertyKey[]): ZodDef | null {
  let node = (schemas().configSchema as unknown as { _zod: { def: ZodDef } })._zod.def;
  for (const seg of at) {
    node = unwrap(node);
    if (typeof seg === 'number' && node.element) node = node.element._zod.def;
    else if (typeof seg === 'string' && node.shape?.[seg]) node = node.shape[seg]._zod.def;
    else return null;
  }
  return unwrap(node);
}

/** The section beside `at` that takes `key`, where a lost indentation leaves it ("from:" flush left, not under "email:"). */
function sectionTaking(at: readonly PropertyKey[], key: string): string[] | null {
  for (const [name, child] of Object.entries(nodeAt(at)?.shape ?? {})) {
    const own = Object.keys(unwrap(child._zod.def).shape ?? {}).find((k) => k.toLowerCase() === key.toLowerCase());
    if (own) return [name, own];
  }
  return null;
}

/** an optional's or a default's inner type */
function unwrap(d: ZodDef): ZodDef {
  return d.innerType ? unwrap(d.innerType._zod.def) : d;
}

interface ZodType {
  _zod: { def: ZodDef };
  safeParse(v: unknown): { success: boolean };
}

interface ZodDef {
  innerType?: ZodType;
  element?: ZodType;
  shape?: Record<string, ZodType>;
}

/** The known key within two edits of `key` (case-insensitive), if any. */
function closest(key: string, known: string[]): string | null {
  let best: string | null = null;
  let bestDist = 3;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDist) [best, bestDist] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** feeds[2].url */
export function formatPath(p: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of p) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** A term the matcher cannot use (no letters or digits) is a config error, reported where it was written. */
function checkTerms(terms: string[], key: string, shown: string): void {
  terms.forEach((term, i) => {
    try {
      compileTerms([term]);
    } catch (err) {
      throw new ConfigError(`${shown}: ${key}[${i}]: ${oneLine(err)}`);
    }
  });
}

const TEMPLATES_EXPECTED = 'expected a folder of email templates (digest.mjml, partials/*.mjml or welcome.txt, welcome.<language>.txt; copy templates/ to start)';

/**
 * `templates:` resolved, checked here so a wrong value is a config error naming the key before any feed is fetched:
 * a folder that holds at least one template (the rest come from the built-in folder, file by file).
 */
function templatesFolder(value: string, configDir: string, shown: string): string {
  const dir = configPath(configDir, value);
  const quoted = JSON.stringify(value);
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new ConfigError(`${shown}: templates: ${quoted} does not exist; ${TEMPLATES_EXPECTED}`);
  if (!stat.isDirectory()) throw new ConfigError(`${shown}: templates: ${quoted} is a file; ${TEMPLATES_EXPECTED}`);
  // a folder with none of them is most likely the wrong folder: every template would silently be the built-in one
  const names = (sub: string): string[] => {
    try {
      return readdirSync(path.join(dir, sub));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw new ConfigError(`${shown}: templates: ${JSON.stringify(path.join(value, sub))} cannot be read (${code ?? 'error'}); ${TEMPLATES_EXPECTED}`);
    }
  };
  const holdsTemplates = names('').some((n) => n.endsWith('.mjml') || /^welcome(\.[a-z]{2,3})?\.txt$/.test(n)) || names('partials').some((n) => n.endsWith('.mjml'));
  if (!holdsTemplates) throw new ConfigError(`${shown}: templates: ${quoted} holds no templates; ${TEMPLATES_EXPECTED}`);
  return dir;
}

function assertUnique(ids: string[], key: string, shown: string, what: string, same: (id: string) => string = (id) => id): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(same(id))) throw new ConfigError(`${shown}: ${key}[${i}]: duplicate id ${JSON.stringify(id)}; expected unique ${what}`);
    seen.add(same(id));
  });
}


/**
 * Two sections under one heading are a copy-and-paste slip (a theme copied, its id changed, its title not): the email
 * would show two "Weapons" sections splitting their stories between them, and the preferences page two such boxes.
 */
function assertEachTitleOnce(titles: string[], other: string | false, shown: string): void {
  const key = (t: string) => t.trim().toLocaleLowerCase();
  const first = new Map<string, number>();
  titles.forEach((title, i) => {
    const before = first.get(key(title));
    if (before !== undefined) {
      throw new ConfigError(`${shown}: themes[${i}].title: ${JSON.stringify(title)} is the title of themes[${before}] too; expected each section's title once`);
    }
    if (other !== false && key(title) === key(other)) {
      throw new ConfigError(`${shown}: themes[${i}].title: ${JSON.stringify(title)} is the title of the \`other\` section too; expected each section's title once`);
    }
    first.set(key(title), i);
  });
}

/**
 * The same address twice is a copy-and-paste slip (a name changed, its url not): the feed would be fetched twice and
 * its stories credited to whichever copy came last, the other's items listed as duplicates, without a word.
 */
function assertEachFeedOnce(feeds: FeedConfig[], shown: string): void {
  const seen = new Map<string, number>();
  feeds.forEach((f, i) => {
    const key = f.url ? `url ${new URL(f.url).href}` : `path ${f.path}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const what = f.url ? 'url' : 'path';
      throw new ConfigError(`${shown}: feeds[${i}].${what}: the same as feeds[${first}] (${JSON.stringify(feeds[first].name)}); expected each feed once`);
    }
    seen.set(key, i);
  });
}

function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

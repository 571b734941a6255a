// The quick check (src/config/quick.ts) and the zod schema give the same answer: the quick check vouches for a
// config exactly when zod accepts it, with the same value (keys in the same order). Checked field by field (the
// same keys, required or not, and the same answer on values that pass and fail each check), on the configs in
// the repository and on configs made from the schema itself, so a key or a check added to one and not the other
// fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NO, configCheck, quickParse, type Check } from '../../src/config/quick.js';
import { schemas } from '../../src/config/schema.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function expectSameAnswer(data: unknown): boolean {
  const zod = schemas().configSchema.safeParse(data);
  const quick = quickParse(data);
  if (!zod.success) {
    expect(quick, `quick check vouches for a config zod refuses (${zod.error.issues[0]?.message}): ${JSON.stringify(data)}`).toBeUndefined();
    return false;
  }
  expect(quick, `quick check refuses a config zod accepts: ${JSON.stringify(data)}`).toBeDefined();
  expect(quick).toStrictEqual(zod.data);
  expect(JSON.stringify(quick)).toBe(JSON.stringify(zod.data));
  return true;
}

describe('the quick config check', () => {
  it.each(['digest.config.example.yaml', 'feeds/example.config.yaml', 'test/fixtures/editorial/config.yaml', 'test/golden/small-week/config.yaml'])(
    'reads %s as zod does',
    (file) => {
      expect(expectSameAnswer(parse(readFileSync(path.join(ROOT, file), 'utf8')))).toBe(true);
    },
  );

  it('has the schema\'s keys, required or not, and answers as zod does on every field', () => {
    const walked: string[] = [];
    walk(schemas().configSchema as unknown as Schema, configCheck, 'config', walked);
    expect(walked.length).toBeGreaterThan(60);
  });

  it('answers as zod does on configs made from the schema', () => {
    const random = mulberry32(42);
    let accepted = 0;
    const N = 600;
    for (let i = 0; i < N; i++) {
      // fewer mistakes in some configs, so that many are valid and the values zod returns are compared too
      const mistakes = i % 2 === 0 ? 0 : 0.04;
      const data = make(schemas().configSchema as unknown as Schema, random, mistakes);
      if (mistakes === 0) mostlyConsistent(data, random);
      if (expectSameAnswer(data)) accepted++;
    }
    // both answers are well represented
    expect(accepted).toBeGreaterThan(N / 10);
    expect(accepted).toBeLessThan(N * 0.9);
  });
});

interface Schema {
  safeParse(v: unknown): { success: boolean };
  _zod: {
    def: {
      type: string;
      shape?: Record<string, Schema>;
      innerType?: Schema;
      element?: Schema;
      options?: Schema[];
      entries?: Record<string, string>;
      values?: unknown[];
    };
  };
}

/** strings that pass and fail every check of the schema, with spaces and line breaks around some */
const STRINGS = [
  '', ' ', 'x', ' Wire One ', 'Wire\nOne', 'tab\there', 'ok-id_1', '-bad-id', 'UPPER', 'other', 'arms', 'talks',
  'https://wire.example/rss', ' https://wire.example/rss ', 'http://localhost:8080', 'https://digest.example.org/', 'https://digest.example.org/?a=1', 'https://d.example/#x',
  'ftp://wire.example/rss', 'http://', 'not a url', 'https://img.example/logo.png', 'http://img.example/logo.png', 'https://u:p@img.example/l.png', 'https://img.example/%%.png',
  'Europe/Kyiv', 'Europe/Kiev', 'europe/kyiv', 'UTC', 'Europe/Kyev', 'Nowhere/Land',
  '7d', '36h', '2w', ' 7d ', 'P7D', 'PT36H', 'P1M', 'P2Y', 'P0D', '0d', '400d', 'a week', '30d', '4h', '1d',
  '0 7 * * 1', '*/5 * * * *', '0 7 * * 9', 'not cron',
  'en', 'uk', 'de', 'en_GB', 'pt-BR', 'xx-invalid!', 'english',
  'Start Watch <digest@example.org>', 'digest@example.org', ' editor@example.org ', 'editor+x@example.org', 'no-at-sign', 'a@b',
  '{title} · {date}: {lead}', '{title} ({count})', '{nope}', '{title', ' {date} ',
  'latest', 'skip', 'none', 'required', 'send',
  '20s', '20', '500ms', '2m', '7200s', '0s', '10MB', '512kb', '1g', '0', 'lots',
  'arn:aws:sns:eu-west-1:123456789012:bounces', 'state', './templates', 'Roundup/0.1',
];
/** the bounds of every count, either side */
const NUMBERS = [
  -1, 0, 1, 2, 3, 10, 11, 15, 16, 17, 20, 21, 50, 51, 64, 65, 100, 101, 300, 301, 552, 553, 1000, 1001, 3600, 3601, 10000, 10001,
  Number.MAX_SAFE_INTEGER, 2 ** 53, 1e20, 0.5, 1.5, 16.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
];
const OTHERS = [null, true, false, [], ['x'], {}, { x: 1 }];

/**
 * Walk the schema and the quick check side by side: an object has the same keys, each optional in both or in
 * neither, a list the same items; every field (and every object and list as a whole) gives zod's answer on the pools.
 */
function walk(schema: Schema, check: Check, at: string, walked: string[]): void {
  walked.push(at);
  const def = schema._zod.def;
  for (const v of [...STRINGS, ...NUMBERS, ...OTHERS]) {
    const zod = schema.safeParse(v) as { success: boolean; data?: unknown };
    const quick = check(v);
    expect(quick !== NO, `${at} = ${JSON.stringify(v)}: zod says ${zod.success ? 'yes' : 'no'}`).toBe(zod.success);
    if (zod.success) expect(quick, `${at} = ${JSON.stringify(v)}`).toStrictEqual(zod.data);
  }
  if (def.type === 'object') {
    expect(check.shape, `${at} is an object`).toBeDefined();
    expect(Object.keys(check.shape!), `${at}: the same keys in the same order`).toEqual(Object.keys(def.shape!));
    for (const [key, field] of Object.entries(def.shape!)) {
      const optional = field._zod.def.type === 'optional';
      expect(check.optional!.includes(key), `${at}.${key} is ${optional ? '' : 'not '}optional`).toBe(optional);
      walk(optional ? field._zod.def.innerType! : field, check.shape![key], `${at}.${key}`, walked);
    }
  } else if (def.type === 'array') {
    expect(check.item, `${at} is a list`).toBeDefined();
    walk(def.element!, check.item!, `${at}[]`, walked);
  }
}

/** the values of the pools each field accepts */
const accepted = new WeakMap<Schema, unknown[]>();

/** a value for `schema`: mostly one it accepts, sometimes (with probability `mistakes` at each level) not */
function make(schema: Schema, random: () => number, mistakes: number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const wrong = () => pick<unknown>([...OTHERS, pick(STRINGS), pick(NUMBERS)]);
  /** one of `pool`, one the field accepts unless this is a mistake */
  const from = (pool: readonly unknown[]) => {
    let good = accepted.get(schema);
    if (!good) accepted.set(schema, (good = pool.filter((v) => schema.safeParse(v).success)));
    return good.length > 0 && random() >= mistakes * 4 ? pick(good) : pick(pool);
  };
  const def = schema._zod.def;
  if (random() < mistakes) return wrong();
  switch (def.type) {
    case 'optional':
      return make(def.innerType!, random, mistakes);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape!)) {
        const optional = field._zod.def.type === 'optional';
        if ((optional && random() < 0.5) || random() < mistakes) continue;
        out[key] = make(field, random, mistakes);
      }
      if (random() < mistakes) out[pick(['colour', 'titel', 'feed', '__proto__'])] = 'x';
      return out;
    }
    case 'array':
      return Array.from({ length: Math.floor(random() * 3) + (random() < mistakes * 4 ? 0 : 1) }, () => make(def.element!, random, mistakes));
    case 'union':
      return make(pick(def.options!), random, mistakes);
    case 'enum':
      return random() < mistakes * 4 ? pick(STRINGS) : pick(Object.values(def.entries!));
    case 'literal':
      return pick(def.values!);
    case 'boolean':
      return random() < mistakes * 4 ? wrong() : random() < 0.5;
    case 'number':
      return from(NUMBERS);
    case 'string':
      return from(STRINGS);
    default:
      throw new Error(`no values for a zod ${def.type}: teach this test the new kind of field`);
  }
}

/** Mend most configs the checks across fields would refuse (a feed with both a url and a path, say), so that many pass. */
function mostlyConsistent(data: unknown, random: () => number): void {
  const cfg = data as Record<string, unknown>;
  if (random() < 0.1) return;
  if (Array.isArray(cfg.feeds)) {
    for (const f of cfg.feeds as Record<string, unknown>[]) {
      if ('url' in f && 'path' in f) delete f.path;
      if (!('url' in f) && !('path' in f)) f.path = 'feeds/wire.xml';
    }
  }
  if (typeof cfg.schedule === 'string' && !/^[\d*/ ]+$/.test(cfg.schedule)) cfg.schedule = '0 7 * * 1';
  const mailbox = cfg.mailbox as Record<string, unknown> | undefined;
  if (typeof mailbox?.address === 'string') mailbox.address = mailbox.address.replace('+x', '');
  if (cfg.onDeadline !== undefined && cfg.reviewDeadline === undefined) delete cfg.onDeadline;
  if (cfg.review !== 'required' && cfg.reviewDeadline !== undefined) cfg.review = 'required';
  if (cfg.review === 'required' && !(Array.isArray(cfg.editors) && cfg.editors.length > 0)) cfg.editors = ['editor@example.org'];
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

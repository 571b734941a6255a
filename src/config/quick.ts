// The quick check: a config the schema in ./schema.ts accepts, read without loading zod (which takes longer to
// load than the rest of `digest subscribers list`). It follows the schema field by field with the same checks,
// and returns what zod's parse would return (strings trimmed where the schema trims them, keys in the schema's
// order), or undefined when anything is amiss or unusual: then zod reads the config and reports what is wrong,
// so every message still comes from the schema. test/config/quick.test.ts holds the two to the same answers.
import {
  AUTHSERV_ID,
  EDITOR_ADDRESS,
  ID,
  crossFieldIssues,
  hasControlChars,
  hasQueryOrFragment,
  isByteSize,
  isDeferralLifetime,
  isHeaderText,
  isHttpUrl,
  isLocale,
  isLogoSrc,
  isSeconds,
  isTimeZone,
  isWindow,
  knownPlaceholders,
  type RawConfig,
} from './schema.js';

/** a value the quick check does not vouch for */
export const NO = Symbol('no');
/** a field's check: its value as zod returns it, or NO. Objects and lists show their parts (for the test). */
export type Check = ((v: unknown) => unknown) & { shape?: Record<string, Check>; optional?: string[]; item?: Check };

const isString = (v: unknown): v is string => typeof v === 'string';
/** z.number(): finite */
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** z.string(), with refinements */
const str =
  (...ok: ((v: string) => boolean)[]): Check =>
  (v) =>
    isString(v) && ok.every((f) => f(v)) ? v : NO;

/** z.string().trim().min(1), refinements on the trimmed text; returns it trimmed */
const text =
  (...ok: ((v: string) => boolean)[]): Check =>
  (v) => {
    if (!isString(v)) return NO;
    const t = v.trim();
    return t.length >= 1 && ok.every((f) => f(t)) ? t : NO;
  };
const line = (...ok: ((v: string) => boolean)[]) => text((v) => !hasControlChars(v), ...ok);

/** z.number().int().min(min).max(max) */
const int =
  (min: number, max: number): Check =>
  (v) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max ? v : NO;
const bool: Check = (v) => (typeof v === 'boolean' ? v : NO);
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    isString(v) && values.includes(v) ? v : NO;
/** z.union([z.number(), z.string()]).refine(ok) */
const numberOrString =
  (ok: (v: number | string) => boolean): Check =>
  (v) =>
    (isNumber(v) || isString(v)) && ok(v) ? v : NO;

const list = (item: Check, min = 0): Check =>
  Object.assign(
    (v: unknown) => {
      if (!Array.isArray(v) || v.length < min) return NO;
      const out: unknown[] = [];
      for (const x of v) {
        const r = item(x);
        if (r === NO) return NO;
        out.push(r);
      }
      return out;
    },
    { item },
  );

/** z.strictObject(shape), the keys in `optional` optional: a plain object with no other keys; keys in the shape's order */
const object = (shape: Record<string, Check>, optional: string[] = Object.keys(shape)): Check =>
  Object.assign(
    (v: unknown) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return NO;
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return NO;
      const input = v as Record<string, unknown>;
      if (Object.getOwnPropertySymbols(input).length > 0 || Object.keys(input).some((k) => !Object.hasOwn(shape, k))) return NO;
      const out: Record<string, unknown> = {};
      for (const [key, check] of Object.entries(shape)) {
        if (!Object.hasOwn(input, key)) {
          if (optional.includes(key)) continue;
          return NO;
        }
        // YAML gives no undefined; zod's handling of one is its own business
        if (input[key] === undefined) return NO;
        const r = check(input[key]);
        if (r === NO) return NO;
        out[key] = r;
      }
      return out;
    },
    { shape, optional },
  );

const httpUrl = str(isHttpUrl);
const termList = list(text());
const editorAddress = text((v) => EDITOR_ADDRESS.test(v));

const feed = object({ name: line(), id: str((v) => ID.test(v)), url: httpUrl, path: text(), fetchArticle: bool }, ['id', 'url', 'path', 'fetchArticle']);
const theme = object(
  { id: str((v) => ID.test(v)), title: line(), description: str(), keywords: termList, maxStories: int(1, Number.MAX_SAFE_INTEGER) },
  ['description', 'keywords', 'maxStories'],
);

export const configCheck = object(
  {
    title: line(),
    locale: str(isLocale),
    timezone: str(isTimeZone),
    schedule: str(),
    window: str(isWindow),
    scope: object({ include: termList, exclude: termList }),
    feeds: list(feed, 1),
    themes: list(theme, 1),
    other: (v) => (v === false ? v : line()(v)),
    maxStories: int(1, 10000),
    summary: object({ sentences: int(1, 5), maxLength: int(100, 700) }),
    email: object(
      {
        from: line(),
        subject: line(knownPlaceholders),
        baseUrl: str(isHttpUrl, (v) => !hasQueryOrFragment(v)),
        replyTo: line(),
        address: line(),
        logo: object({ src: str(isLogoSrc), width: int(16, 552), height: int(16, 300), alt: line(), darkSrc: str(isLogoSrc) }, ['darkSrc']),
        dkim: object({ domain: text(), selector: text(), keyFile: text() }, []),
        welcome: bool,
      },
      ['from', 'subject', 'baseUrl', 'replyTo', 'address', 'logo', 'dkim', 'welcome'],
    ),
    mailbox: object(
      {
        address: editorAddress,
        folder: line(),
        handledFolder: line(),
        softBounces: object({ count: int(1, 100), within: str(isWindow) }, []),
        authservIds: list(text((v) => AUTHSERV_ID.test(v)), 1),
      },
      ['folder', 'handledFolder', 'softBounces', 'authservIds'],
    ),
    webhooks: object({
      ses: object({ topics: list(text(), 1) }, []),
      postmark: bool,
      mailgun: bool,
      sendgrid: bool,
    }),
    state: text(),
    out: text(),
    templates: text(),
    fetch: object({
      timeout: numberOrString(isSeconds),
      connectTimeout: numberOrString(isSeconds),
      maxSize: numberOrString(isByteSize),
      maxRedirects: int(0, 20),
      retries: int(0, 10),
      concurrency: int(1, 64),
      perHost: int(1, 16),
      allowPrivateNetworks: bool,
      userAgent: text(isHeaderText),
    }),
    delivery: object({ rate: (v) => (isNumber(v) && v > 0 ? v : NO), connections: int(1, 50), deferralLifetime: str(isDeferralLifetime) }),
    signups: object({ total: int(1, 100_000), perDomain: int(1, 100_000) }),
    catchUp: oneOf('latest', 'skip'),
    review: oneOf('none', 'required'),
    editors: list(editorAddress),
    reviewDeadline: str(isWindow),
    onDeadline: oneOf('send', 'skip'),
  },
  ['locale', 'timezone', 'schedule', 'window', 'scope', 'other', 'maxStories', 'summary', 'email', 'mailbox', 'webhooks', 'state', 'out', 'templates', 'fetch', 'delivery', 'signups', 'catchUp', 'review', 'editors', 'reviewDeadline', 'onDeadline'],
);

/** The config as the schema reads it, when the quick check vouches for it; else undefined (ask the schema). */
export function quickParse(data: unknown): RawConfig | undefined {
  const out = configCheck(data);
  if (out === NO) return undefined;
  const raw = out as RawConfig;
  return crossFieldIssues(raw).length === 0 ? raw : undefined;
}

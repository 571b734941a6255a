// The config file's shape (contract §2), as a zod schema. Messages here are the "what is expected" half
// of a config error; src/config/index.ts adds the file and the key path.
// zod is loaded on first use, not with this module: its ~90 modules take longer to load than the rest of
// `digest subscribers list`. ./quick.ts vouches for a valid config without it, with the checks exported here;
// zod reads a config the quick check does not vouch for, and says what is wrong.
import { createRequire } from 'node:module';
import type { z as Zod } from 'zod';
import type { Cron as CronType } from 'croner';
import { MAX_WINDOW_DAYS, parseWindow } from './window.js';
import { parseByteSize, parseSeconds } from './units.js';

/** zod and croner, loaded when needed (their CommonJS builds: a config is read synchronously) */
const load = createRequire(import.meta.url);

export const SUBJECT_PLACEHOLDERS = ['title', 'date', 'lead', 'count'];

/** A line break or a control character (in a title or a sender it would end up in a mail header). */
export const hasControlChars = (v: string) => /[\u0000-\u001f\u007f]/.test(v);

/**
 * Text an HTTP header can carry as the operator wrote it: printable ASCII. A "✓" or a Cyrillic word made Node refuse
 * every request (Invalid character in header content ["user-agent"]), and a line break would start another header.
 */
export const isHeaderText = (v: string) => /^[\x20-\x7e]+$/.test(v);

/** Every `{…}` of a subject template is one of SUBJECT_PLACEHOLDERS. */
export const knownPlaceholders = (v: string) => [...v.matchAll(/\{([^}]*)\}/g)].every((m) => SUBJECT_PLACEHOLDERS.includes(m[1]));

export const isHttpUrl = (v: string) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
};

/** Links are made by appending a path (`/u/<token>`), which a query or a fragment would swallow. */
export const hasQueryOrFragment = (v: string) => /[?#]/.test(v);

/** A language tag the runtime knows (dates and plurals come from its ICU data). */
export const isLocale = (v: string) => {
  try {
    return /^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/i.test(v) && Intl.DateTimeFormat.supportedLocalesOf(v.replace(/_/g, '-')).length > 0;
  } catch {
    return false;
  }
};

/** The masthead image: https (mail clients block or warn on http images). */
export const isLogoSrc = (v: string) => {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' && u.hostname !== '' && !u.username && !u.password && !v.includes('%%');
  } catch {
    return false;
  }
};

/** An IANA time zone the runtime knows (the check luxon's IANAZone.isValidZone makes). */
export const isTimeZone = (v: string) => {
  if (!v) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: v }).format();
    return true;
  } catch {
    return false;
  }
};

export const ID = /^[a-z0-9][a-z0-9_-]*$/i;
export const EDITOR_ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** the authserv-id a receiving server writes first in its Authentication-Results (RFC 8601), in practice a host name */
export const AUTHSERV_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** timers above an hour make no sense for one request (and overflow Node's timers past 24.8 days) */
export const MAX_SECONDS = 3600;
/** what the subscribe form takes in any 10 minutes when `signups:` says nothing: from everyone, and to one domain */
export const DEFAULT_SIGNUPS = { total: 30, perDomain: 10 } as const;
export const isSeconds = (v: number | string) => parseSeconds(v) !== null && parseSeconds(v)! <= MAX_SECONDS;
export const isByteSize = (v: number | string) => parseByteSize(v) !== null;
export const isWindow = (v: string) => parseWindow(v) !== null;
/** how long a reader's server may defer a message before it is given up (src/deliver/deferrals.ts): an hour at least */
export const isDeferralLifetime = (v: string) => (parseWindow(v)?.ms ?? 0) >= 3_600_000;

/** What the schema's fields cannot say alone: the problems of a config whose every field is right, in order. */
export function crossFieldIssues(cfg: RawConfig): { path: PropertyKey[]; message: string }[] {
  const issues: { path: PropertyKey[]; message: string }[] = [];
  cfg.feeds?.forEach((f, i) => {
    if (!!f.url === !!f.path) {
      issues.push({ path: ['feeds', i], message: 'expected exactly one of url or path' });
    }
  });
  if (cfg.mailbox && cfg.mailbox.address.slice(0, cfg.mailbox.address.lastIndexOf('@')).includes('+')) {
    issues.push({ path: ['mailbox', 'address'], message: 'expected a plain address without "+" (Roundup adds +<token> to it for each message)' });
  }
  if (cfg.review === 'required' && (cfg.editors ?? []).length === 0) {
    issues.push({ path: ['editors'], message: 'expected at least one editor address when `review: required` (they are told when a draft is ready)' });
  }
  for (const key of ['reviewDeadline', 'onDeadline'] as const) {
    if (cfg[key] !== undefined && cfg.review !== 'required') {
      issues.push({ path: [key], message: 'only used with `review: required`' });
    }
  }
  if (cfg.onDeadline !== undefined && cfg.reviewDeadline === undefined) {
    issues.push({ path: ['onDeadline'], message: 'needs `reviewDeadline` (how long to wait for an approval)' });
  }
  const signups = cfg.signups;
  if (signups?.perDomain !== undefined && signups.perDomain > (signups.total ?? DEFAULT_SIGNUPS.total)) {
    issues.push({
      path: ['signups', 'perDomain'],
      message: `expected at most signups.total (${signups.total ?? `${DEFAULT_SIGNUPS.total}, the default`}), got ${signups.perDomain}: no domain gets more sign-ups than everyone together`,
    });
  }
  if (cfg.schedule !== undefined) {
    const { Cron } = load('croner') as { Cron: typeof CronType };
    try {
      const cron = new Cron(cfg.schedule, { paused: true, timezone: cfg.timezone && isTimeZone(cfg.timezone) ? cfg.timezone : undefined });
      // a valid expression for a day that never comes (31 February): tick and run would wait forever in silence
      if (cron.nextRun() === null) {
        issues.push({ path: ['schedule'], message: `${JSON.stringify(cfg.schedule)} never fires (no such date); expected a cron expression that does, such as "0 7 * * 1"` });
      }
    } catch {
      issues.push({ path: ['schedule'], message: `expected a cron expression such as "0 7 * * 1", got ${JSON.stringify(cfg.schedule)}` });
    }
  }
  return issues;
}

let built: ReturnType<typeof build> | undefined;

/** The zod schemas, built (and zod loaded) on first use. */
export function schemas() {
  return (built ??= build((load('zod') as { z: typeof Zod }).z));
}

function build(z: typeof Zod) {
  /** A value quoted in a message, cut short when it is long. */
  const shown = (v: unknown) => {
    const j = JSON.stringify(v) ?? String(v);
    return j.length > 60 ? `${j.slice(0, 57)}…` : j;
  };

  /** An id YAML read as a number (`id: 404`) would do as a string: say so, not only what is expected. */
  const idOfWrongType = (what: string) => (iss: { input?: unknown }) =>
    iss.input === undefined
      ? `expected ${what}`
      : typeof iss.input === 'number'
        ? `expected ${what}, got the number ${iss.input}; write it in quotes ("${iss.input}")`
        : `expected ${what}, got ${shown(iss.input)}`;

  const text = (what: string) =>
    z.string({ error: `expected ${what}` }).trim().min(1, { error: `expected ${what}, got an empty string` });

  /** One line of text: a line break in a title or a sender would end up in a mail header. */
  const line = (what: string) =>
    text(what).refine((v) => !hasControlChars(v), { error: `expected ${what} on one line, without line breaks or control characters` });

  const subject = line('a subject template such as "{title} · {date}: {lead}"').refine(
    knownPlaceholders,
    { error: (iss) => `unknown placeholder ${/\{([^}]*)\}/.exec([...String(iss.input).matchAll(/\{([^}]*)\}/g)].map((m) => m[0]).find((p) => !SUBJECT_PLACEHOLDERS.includes(p.slice(1, -1))) ?? '')?.[0]}; expected {${SUBJECT_PLACEHOLDERS.join('}, {')}}` },
  );

  const httpUrl = z.string({ error: 'expected an http(s) URL' }).refine(
    isHttpUrl,
    { error: (iss) => `expected an http(s) URL, got ${shown(iss.input)}` },
  );

  const baseUrl = httpUrl.refine((v) => !hasQueryOrFragment(v), {
    error: (iss) => `expected the public address of \`digest serve\` without a query or fragment, got ${shown(iss.input)}`,
  });

  const locale = z.string({ error: 'expected a language tag such as en, uk, de or ar' }).refine(
    isLocale,
    { error: (iss) => `expected a language tag such as en, uk, de or ar, got ${shown(iss.input)}` },
  );

  /** The masthead image: https (mail clients block or warn on http images), a real size, never a 1×1 pixel. */
  const logo = z.strictObject({
    src: z.string({ error: 'expected an https URL of the image' }).refine(
      isLogoSrc,
      { error: (iss) => `expected an https URL of the image, got ${shown(iss.input)}` },
    ),
    width: z.number({ error: 'expected the width in pixels' }).int({ error: 'expected the width in whole pixels' }).min(16, { error: 'expected a width of at least 16 pixels (no tracking pixels)' }).max(552, { error: 'expected a width of at most 552 pixels (the card is 600 wide with 24 px margins)' }),
    height: z.number({ error: 'expected the height in pixels' }).int({ error: 'expected the height in whole pixels' }).min(16, { error: 'expected a height of at least 16 pixels (no tracking pixels)' }).max(300, { error: 'expected a height of at most 300 pixels' }),
    alt: line('the text the image shows, for readers who do not see it (e.g. the digest title)'),
    /** the same logo drawn for a dark background, shown instead where the reader's mail app or browser is in dark mode */
    darkSrc: z.string({ error: 'expected an https URL of the image for dark mode' }).refine(
      isLogoSrc,
      { error: (iss) => `expected an https URL of the image for dark mode, got ${shown(iss.input)}` },
    ).optional(),
  });

  const termList = (what: string) =>
    z.array(text(`a ${what}`), { error: `expected a list of ${what}s` });

  const feed = z.strictObject({
    name: line('a feed name'),
    id: z
      .string({ error: idOfWrongType('an id of letters, digits, "-" or "_"') })
      .regex(ID, { error: (iss) => `expected an id of letters, digits, "-" or "_", got ${shown(iss.input)}` })
      .optional(),
    url: httpUrl.optional(),
    path: text('a file path').optional(),
    fetchArticle: z.boolean({ error: 'expected true or false' }).optional(),
  });

  const theme = z.strictObject({
    id: z
      .string({ error: idOfWrongType('a theme id') })
      .regex(ID, { error: (iss) => `expected an id of letters, digits, "-" or "_", got ${shown(iss.input)}` }),
    title: line('a section title'),
    description: z.string({ error: 'expected a sentence describing the theme' }).optional(),
    keywords: termList('keyword').optional(),
    maxStories: z.number({ error: 'expected a number of stories' }).int({ error: 'expected a whole number of stories' }).min(1, { error: 'expected a number of stories ≥ 1' }).optional(),
  });

  const timezone = z
    .string({ error: 'expected an IANA time zone such as Europe/Kyiv' })
    .refine(isTimeZone, { error: (iss) => `${shown(iss.input)} is not an IANA time zone` });

  const windowSpec = z
    .string({ error: 'expected a duration such as 7d, 36h or P7D' })
    .refine(isWindow, {
      error: (iss) => `expected a duration such as 7d, 36h or P7D, up to ${MAX_WINDOW_DAYS} days, got ${shown(iss.input)}`,
    });

  const seconds = z
    .union([z.number(), z.string()], { error: 'expected seconds, e.g. 20 or "20s"' })
    .refine(isSeconds, {
      error: (iss) => `expected seconds up to ${MAX_SECONDS} (1 hour), e.g. 20 or "20s", got ${shown(iss.input)}`,
    });

  const bytes = z
    .union([z.number(), z.string()], { error: 'expected a size, e.g. "10MB"' })
    .refine(isByteSize, { error: (iss) => `expected a size, e.g. "10MB", got ${shown(iss.input)}` });

  const editorAddress = z
    .string({ error: 'expected an email address' })
    .trim()
    .regex(EDITOR_ADDRESS, { error: (iss) => `expected an email address, got ${JSON.stringify(iss.input)}` });

  const count = (what: string, min = 1, max = 1000) =>
    z.number({ error: `expected ${what}` }).int({ error: `expected ${what}` }).min(min, { error: `expected ${what} ≥ ${min}` }).max(max, { error: `expected ${what} ≤ ${max}` });

  const configSchema = z
    .strictObject({
      title: line('a digest title'),
      locale: locale.optional(),
      timezone: timezone.optional(),
      schedule: z.string({ error: 'expected a cron expression such as "0 7 * * 1"' }).optional(),
      window: windowSpec.optional(),
      scope: z
        .strictObject({
          include: termList('term').optional(),
          exclude: termList('term').optional(),
        })
        .optional(),
      feeds: z.array(feed, { error: 'expected a list of feeds' }).min(1, { error: 'expected at least one feed' }),
      themes: z.array(theme, { error: 'expected a list of themes' }).min(1, { error: 'expected at least one theme' }),
      other: z.union([line('a section title'), z.literal(false)], { error: 'expected a section title or false' }).optional(),
      maxStories: count('a number of stories per edition', 1, 10000).optional(),
      // how long each story's summary runs: whole sentences, at most so many characters (the email shows up to 700)
      summary: z
        .strictObject({
          sentences: count('a number of sentences', 1, 5).optional(),
          maxLength: count('a number of characters', 100, 700).optional(),
        }, { error: 'expected sentences and maxLength, such as { sentences: 2, maxLength: 240 }' })
        .optional(),
      email: z
        .strictObject({
          // optional like the others: without it build and preview work, and the commands that mail refuse to start
          from: line('a sender such as "Diplomacy Watch <digest@example.org>"').optional(),
          subject: subject.optional(),
          baseUrl: baseUrl.optional(),
          replyTo: line('an email address').optional(),
          address: line('a postal address').optional(),
          logo: logo.optional(),
          dkim: z
            .strictObject({ domain: text('a domain'), selector: text('a DKIM selector'), keyFile: text('a key file path') })
            .optional(),
          welcome: z.boolean({ error: 'expected true or false' }).optional(),
        })
        .optional(),
      // the bounce and unsubscribe mailbox `digest mail` reads (password in DIGEST_IMAP_URL)
      mailbox: z
        .strictObject({
          address: editorAddress,
          folder: line('an IMAP folder name').optional(),
          handledFolder: line('an IMAP folder name').optional(),
          softBounces: z
            .strictObject({
              count: count('a number of soft bounces', 1, 100),
              within: z
                .string({ error: 'expected a duration such as 30d' })
                .refine(isWindow, { error: (iss) => `expected a duration such as 30d, got ${shown(iss.input)}` }),
            })
            .optional(),
          // whose Authentication-Results vouch for the sender of an "unsubscribe" to the plain address
          authservIds: z
            .array(
              z
                .string({ error: 'expected an authserv-id such as mx.example.org' })
                .trim()
                .regex(AUTHSERV_ID, {
                  error: (iss) => `expected the authserv-id your receiving server writes first in Authentication-Results, such as mx.example.org, got ${shown(iss.input)}`,
                }),
              { error: 'expected a list of authserv-ids such as [mx.example.org]' },
            )
            .min(1, { error: 'expected at least one authserv-id (or leave the key out)' })
            .optional(),
        })
        .optional(),
      // provider bounce and complaint webhooks on `digest serve` (their secrets in the environment)
      webhooks: z
        .strictObject({
          ses: z
            .strictObject({
              topics: z
                .array(text('an SNS topic ARN such as arn:aws:sns:eu-west-1:123456789012:bounces'), { error: 'expected a list of SNS topic ARNs' })
                .min(1, { error: 'expected at least one SNS topic ARN' }),
            })
            .optional(),
          postmark: z.boolean({ error: 'expected true or false' }).optional(),
          mailgun: z.boolean({ error: 'expected true or false' }).optional(),
          sendgrid: z.boolean({ error: 'expected true or false' }).optional(),
        })
        .optional(),
      state: text('a folder path').optional(),
      out: text('a folder path').optional(),
      templates: text('a folder path').optional(),
      fetch: z
        .strictObject({
          timeout: seconds.optional(),
          connectTimeout: seconds.optional(),
          maxSize: bytes.optional(),
          maxRedirects: count('a number of redirects', 0, 20).optional(),
          retries: count('a number of retries', 0, 10).optional(),
          concurrency: count('a number of parallel fetches', 1, 64).optional(),
          perHost: count('a number of parallel fetches per host', 1, 16).optional(),
          allowPrivateNetworks: z.boolean({ error: 'expected true or false' }).optional(),
          userAgent: text('a User-Agent string')
            .refine(isHeaderText, { error: 'expected a User-Agent string of printable ASCII characters (it is sent as an HTTP header), on one line' })
            .optional(),
        })
        .optional(),
      delivery: z
        .strictObject({
          rate: z.number({ error: 'expected messages per second' }).positive({ error: 'expected messages per second > 0' }).optional(),
          connections: count('a number of SMTP connections', 1, 50).optional(),
          // how long a reader's server may defer a message (4xx) before it is given up for its edition; Postfix's 5 days
          deferralLifetime: z
            .string({ error: 'expected a duration such as 5d or 36h' })
            .refine(isDeferralLifetime, { error: (iss) => `expected a duration such as 5d or 36h, at least 1h, got ${shown(iss.input)}` })
            .optional(),
        })
        .optional(),
      // how many sign-ups the subscribe form of `digest serve` takes in any 10 minutes (a bot filling it in a loop)
      signups: z
        .strictObject({
          total: count('a number of sign-ups per 10 minutes', 1, 100_000).optional(),
          perDomain: count('a number of sign-ups per 10 minutes', 1, 100_000).optional(),
        })
        .optional(),
      catchUp: z.enum(['latest', 'skip'], { error: 'expected "latest" or "skip"' }).optional(),
      // the editor's desk: review before sending
      review: z.enum(['none', 'required'], { error: 'expected "none" or "required"' }).optional(),
      editors: z.array(editorAddress, { error: 'expected a list of editor email addresses' }).optional(),
      reviewDeadline: z
        .string({ error: 'expected a duration such as 4h or 1d' })
        .refine(isWindow, { error: (iss) => `expected a duration such as 4h or 1d, got ${JSON.stringify(iss.input)}` })
        .optional(),
      onDeadline: z.enum(['send', 'skip'], { error: 'expected "send" (the draft as it stands) or "skip"' }).optional(),
    })
    .superRefine((cfg, ctx) => {
      for (const issue of crossFieldIssues(cfg)) ctx.addIssue({ code: 'custom', ...issue });
    });

  return { configSchema, httpUrl };
}

export type RawConfig = Zod.infer<ReturnType<typeof schemas>['configSchema']>;

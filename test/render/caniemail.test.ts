// The mailed HTML of the sample edition, checked against the caniemail.com support data (through doiuse-email):
// nothing the reader's client does not support in Gmail (web, iOS, Android), Apple Mail (macOS, iOS) or
// Outlook.com. Outlook for Windows (Word's engine) supports too little CSS to pass; its findings are printed.
// The edition is built by the real CLI from the bundled sample feeds, in a temporary folder.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DoIUseEmail } from 'doiuse-email';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { CONFIG_PATH, FEEDS_DIR, SAMPLE_NOW } from '../../feeds/tools/sample.js';
import { runCli } from '../helpers/cli.js';

/** The clients the email must work in, as caniemail names them. */
const MUST_WORK_IN = ['gmail.desktop-webmail', 'gmail.ios', 'gmail.android', 'apple-mail.macos', 'apple-mail.ios', 'outlook.outlook-com'];
/** Listed, not enforced. */
const LISTED_ONLY = ['outlook.windows'];

/**
 * Errors we accept, each for one client and one CSS selector that causes it, and why it does no harm.
 * The test proves each entry: the selector alone yields that error, the email without it yields none.
 */
const ACCEPTED: { feature: string; client: string; selector: string; why: string }[] = [
  {
    feature: ':hover',
    client: 'gmail.ios',
    selector: '.rd-card-title a:hover',
    why: 'a touch screen has no hover; the rule only underlines a title link under the pointer in desktop clients, ' +
      'and titles are link-coloured (#0b57a4) inline without it.',
  },
  {
    feature: 'Chaining selectors',
    client: 'outlook.outlook-com',
    selector: '.moz-text-html .mj-column-per-100',
    why: 'MJML’s column width for Thunderbird. It is a descendant selector, not a chain (doiuse-email 0.4.1 counts ' +
      'two classes anywhere in a selector as chaining); the same width:100% is set inline on each column.',
  },
];

interface Findings {
  errors: string[];
  warnings: string[];
}

/** The bodies of the @media blocks in a stylesheet (the rules inside them, braces matched). */
function mediaBodies(css: string): string[] {
  const bodies: string[] = [];
  const start = /@media[^{]*\{/g;
  for (let m = start.exec(css); m; m = start.exec(css)) {
    let depth = 1;
    let i = start.lastIndex;
    for (; i < css.length && depth > 0; i++) depth += css[i] === '{' ? 1 : css[i] === '}' ? -1 : 0;
    bodies.push(css.slice(start.lastIndex, i - 1));
    start.lastIndex = i;
  }
  return bodies;
}

/**
 * doiuse-email's findings for one client, each message once. doiuse-email 0.4.1 checks only top-level rules of a
 * stylesheet, so the rules inside @media blocks (dark mode, the column widths) are added as one more <style> to be
 * checked too.
 */
function check(html: string, client: string): Findings {
  const nested = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].flatMap((m) => mediaBodies(m[1]));
  expect(nested.length, 'the email has @media rules to check').toBeGreaterThan(0);
  const flattened = html.replace('</head>', `<style>${nested.join('\n')}</style></head>`);
  // doiuse-email 0.4.1 has Outlook.com's data but leaves it out of its list of client names: construct the checker
  // with a listed client, then point it at the one wanted (the data has a column for each).
  const checker = new DoIUseEmail({ emailClients: ['gmail.ios'] });
  checker.emailClients = [client as DoIUseEmail['emailClients'][number]];
  const result = checker.check(flattened);
  const unique = (xs: string[]) => [...new Set(xs)];
  return { errors: unique(result.success ? [] : result.errors), warnings: unique(result.warnings) };
}

const errorOf = (feature: string, client: string) => `\`${feature}\` is not supported by \`${client}\``;

/** The errors one CSS selector gives on its own, for one client. */
function selectorErrors(selector: string, client: string): string[] {
  const checker = new DoIUseEmail({ emailClients: ['gmail.ios'] });
  checker.emailClients = [client as DoIUseEmail['emailClients'][number]];
  checker.checkCSSSelectors([selector]);
  return [...new Set(checker.errors)];
}

/** The html with `selector` replaced by a plain class selector in every <style> block. */
function withoutSelector(html: string, selector: string): string {
  return html.replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/g, (_, open: string, css: string, close: string) =>
    `${open}${css.split(selector).join('.rd-removed')}${close}`);
}

/** `digest build` of the sample config (with `edit` applied) into a fresh temporary folder; the mailed HTML. */
async function buildSample(edit: (config: ReturnType<typeof parseDocument>) => void = () => {}): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-caniemail-'));
  const config = parseDocument(readFileSync(CONFIG_PATH, 'utf8'));
  for (const feed of config.toJS().feeds as { path?: string }[]) {
    if (feed.path) copyFileSync(path.join(FEEDS_DIR, feed.path), path.join(dir, feed.path));
  }
  config.set('state', path.join(dir, '.digest'));
  edit(config);
  const file = path.join(dir, 'config.yaml');
  writeFileSync(file, config.toString());
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', file, '--now', SAMPLE_NOW, '--out', out, '--offline'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return readFileSync(path.join(out, '2026-11-23', 'digest.html'), 'utf8');
}

const editions: Record<string, string> = {};

beforeAll(async () => {
  editions['sample edition'] = await buildSample();
  // every optional part the template has: a logo, right-to-left text
  editions['sample edition in Arabic with a logo'] = await buildSample((config) => {
    config.set('locale', 'ar');
    config.setIn(['email', 'logo'], { src: 'https://digest.example.org/logo.png', width: 160, height: 40, alt: 'Diplomacy Watch' });
  });
}, 120_000);

describe.each(['sample edition', 'sample edition in Arabic with a logo'])('caniemail: the %s', (name) => {
  it.each(MUST_WORK_IN)('uses nothing %s does not support, but for the accepted exceptions', (client) => {
    const html = editions[name];
    const accepted = ACCEPTED.filter((a) => a.client === client);
    const acceptedErrors = new Set(accepted.map((a) => errorOf(a.feature, a.client)));
    expect(check(html, client).errors.filter((e) => !acceptedErrors.has(e))).toEqual([]);
    // each exception is what its selector causes, and nothing else causes that error
    for (const a of accepted) expect(selectorErrors(a.selector, client), a.selector).toContain(errorOf(a.feature, client));
    const stripped = accepted.reduce((h, a) => withoutSelector(h, a.selector), html);
    expect(check(stripped, client).errors, 'an accepted error also comes from elsewhere in the email').toEqual([]);
  });

  it('lists what Outlook for Windows does not support', () => {
    for (const client of LISTED_ONLY) {
      const { errors, warnings } = check(editions[name], client);
      console.log(`caniemail, ${name}, ${client}: ${errors.length} unsupported, ${warnings.length} partly supported\n` +
        [...errors.map((e) => `  unsupported: ${e}`), ...warnings.map((w) => `  partial: ${w}`)].join('\n'));
      // the check ran on the whole email: Word's engine is known to lack @media
      expect(errors).toContain(errorOf('@media', client));
    }
  });
});

describe('the exception list', () => {
  it('names a client the data knows, a selector that is in the email, and a reason', () => {
    for (const a of ACCEPTED) {
      expect(MUST_WORK_IN).toContain(a.client);
      expect(editions['sample edition']).toContain(a.selector);
      expect(a.why.length).toBeGreaterThan(40);
    }
  });

  it('would catch a feature a client lacks (the check is live)', () => {
    // caniemail: Gmail web does not play <video>
    const html = editions['sample edition'].replace('</body>', '<video src="https://digest.example.org/v.mp4"></video></body>');
    expect(check(html, 'gmail.desktop-webmail').errors.length).toBeGreaterThan(0);
  });
});

// A small digest workspace on disk for the editor tests: a config, two invented feeds (RSS and Atom)
// and a state folder. The feeds are made so that every kind of outcome shows up in one edition:
// stories, a duplicate (same link in both feeds), out of scope, outside the window.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTwoFeedWorkspace, twoFeedConfig, type FeedItem } from '../helpers/two-feeds.js';

export const NOW = '2026-11-23T07:00:00+02:00';
/** a week later: the second edition */
export const NOW_2 = '2026-11-30T07:00:00+02:00';
export const ID = '2026-11-23';
export const ID_2 = '2026-11-30';

export const MISSILES_TITLE = 'Ukraine receives first long-range missiles under new allied package';
export const DUPLICATE_TITLE = 'Allies hand over long-range missiles to Ukraine';
export const TRICKY_TITLE = 'Kremlin calls "Geneva" ceasefire talks <draft> & nothing more';

export interface Workspace {
  dir: string;
  configFile: string;
  outDir: string;
  stateDir: string;
  writeConfig(title?: string): void;
  remove(): void;
}

const item = (id: string, title: string, link: string, date: string, body: string): FeedItem => ({ id, title, link, date, body });

const WIRE = [
  item('w-1', MISSILES_TITLE, 'https://wire.test/a/missiles', '2026-11-20T09:00:00Z',
    'Ukraine has received the first long-range missiles promised by its allies, the defence ministry in Kyiv said. The missiles can reach targets far behind the front line.'),
  item('w-2', 'Kyiv club wins the football derby in extra time', 'https://wire.test/a/derby', '2026-11-21T19:00:00Z',
    'A late goal decided the Kyiv football derby in front of a full stadium in Ukraine.'),
  item('w-3', 'Ukraine and Russia exchange prisoners of war after talks', 'https://wire.test/a/old-swap', '2026-11-02T10:00:00Z',
    'Ukraine and Russia swapped prisoners of war after weeks of talks with a mediator.'),
  item('w-4', TRICKY_TITLE, 'https://wire.test/a/geneva', '2026-11-22T08:00:00Z',
    'The Kremlin said the ceasefire talks proposed for Geneva were a draft and nothing more, according to a statement read in Moscow about Russia and Ukraine.'),
  item('w-5', 'Ukraine envoy meets mediators to prepare prisoner exchange talks', 'https://wire.test/a/envoy', '2026-11-27T08:00:00Z',
    'An envoy from Kyiv met mediators to prepare talks on a new prisoner exchange between Ukraine and Russia.'),
];

const BRIEF = [
  item('tag:brief.test,2026:b-1', DUPLICATE_TITLE, 'https://wire.test/a/missiles', '2026-11-20T15:00:00Z',
    'Allies handed long-range missiles to Ukraine this week, the ministry in Kyiv said, a copy of the wire report.'),
  item('tag:brief.test,2026:b-2', 'New smartphone goes on sale with a folding screen', 'https://brief.test/tech/phone', '2026-11-19T10:00:00Z',
    'A phone maker started selling a folding phone with a larger battery.'),
  item('tag:brief.test,2026:b-3', 'Ukraine budget for 2027 passes first reading in parliament', 'https://brief.test/economy/budget', '2026-11-28T12:00:00Z',
    'Lawmakers in Kyiv approved the Ukraine budget for next year in a first reading.'),
];

/** The footer partial of a custom template folder, with a line that tests can change. */
export function footerTemplate(marker: string): string {
  return `<mj-section css-class="rd-page" padding="16px 0 32px"><mj-column>
<mj-text css-class="rd-muted" font-size="13px" padding="0 24px 10px"><p>${marker}</p>
<p>You get {{title}} because %%EMAIL%% subscribed. <a href="%%UNSUBSCRIBE_URL%%">Unsubscribe</a> · <a href="%%PREFERENCES_URL%%">Sections</a> · <a href="%%WEB_URL%%">View in browser</a></p></mj-text>
</mj-column></mj-section>`;
}

export const FOOTER_FILE = 'templates/partials/footer.mjml';

/** `customTemplates`: a template folder overriding only the footer (the rest falls back to the built-in ones). */
export function makeWorkspace(opts: { customTemplates?: boolean } = {}): Workspace {
  const ws = makeTwoFeedWorkspace('roundup-editor-', WIRE, { items: BRIEF, updated: '2026-11-28T12:00:00Z' });
  if (opts.customTemplates) {
    mkdirSync(path.join(ws.dir, 'templates/partials'), { recursive: true });
    writeFileSync(path.join(ws.dir, FOOTER_FILE), footerTemplate('Footer version one'));
  }
  const writeConfig = (title = 'Editor Watch') =>
    writeFileSync(
      ws.configFile,
      twoFeedConfig({
        title,
        exclude: ['football'],
        armsKeywords: ['missile', 'long-range'],
        email: '  from: "Editor Watch <digest@digest.test>"\n  subject: "{title} · {date}: {lead}"\n  baseUrl: https://digest.test\n',
        extra: opts.customTemplates ? 'templates: templates\n' : '',
      }),
    );
  writeConfig();
  return { dir: ws.dir, configFile: ws.configFile, outDir: ws.outDir, stateDir: ws.stateDir, writeConfig, remove: ws.remove };
}

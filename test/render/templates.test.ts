// Users' own template folders: partials override the built-in ones file by file; a broken template is one
// clear line naming the file and the line.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { renderEdition } from '../../src/render/index.js';
import { BUILT_IN_TEMPLATES } from '../../src/render/template.js';
import { makeConfig, twelveStoryEdition } from './fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A template folder with the given files (path → content). */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-tpl-'));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

const builtIn = (rel: string) => fs.readFileSync(path.join(BUILT_IN_TEMPLATES, rel), 'utf8');

async function renderError(files: Record<string, string>): Promise<UserError> {
  const templates = folder(files);
  const error = await renderEdition(twelveStoryEdition(), makeConfig({ templates })).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  const message = (error as UserError).message;
  expect(message).not.toContain('\n');
  return error as UserError;
}

describe('custom templates', () => {
  it('uses a partial from the user folder and the built-in ones for the rest', async () => {
    const story = builtIn('partials/story.mjml').replace('>{{summary}}</p>', ' class="my-summary">In short: {{summary}}</p>');
    const templates = folder({ 'partials/story.mjml': story });
    const edition = twelveStoryEdition();
    const { html } = await renderEdition(edition, makeConfig({ templates }));
    expect(html.match(/class="my-summary">In short: /g)).toHaveLength(12);
    expect(html).toContain('In this issue');
  });

  it('names the file and line of an attribute MJML does not know', async () => {
    const story = builtIn('partials/story.mjml').replace('<mj-text ', '<mj-text colr="red" ');
    const error = await renderError({ 'partials/story.mjml': story });
    expect(error.message).toMatch(/partials\/story\.mjml line 1: .*colr/);
  });

  it('names the file and line of a misplaced MJML element in the layout', async () => {
    const layout = builtIn('digest.mjml').replace(/(<mj-body[^>]*>)/, '$1\n    <mj-column><mj-text>stray</mj-text></mj-column>');
    const error = await renderError({ 'digest.mjml': layout });
    const line = layout.split('\n').findIndex((l) => l.includes('stray')) + 1;
    expect(error.message).toMatch(new RegExp(`digest\\.mjml line ${line}: .*mj-column`));
  });

  it('names the file and line of a block that is never closed', async () => {
    const footer = builtIn('partials/footer.mjml').replace('{{/address}}', '');
    const error = await renderError({ 'partials/footer.mjml': footer });
    const line = footer.split('\n').findIndex((l) => l.includes('{{#address}}')) + 1;
    expect(error.message).toBe(`${error.message.split(' line ')[0]} line ${line}: {{#address}} is never closed with {{/address}}`);
    expect(error.message).toMatch(/partials\/footer\.mjml line/);
  });

  it('names the line of an MJML element that is never closed', async () => {
    const section = builtIn('partials/section.mjml').replace(/\n\s*<\/mj-column>\n/, '\n');
    const error = await renderError({ 'partials/section.mjml': section });
    const line = section.split('\n').findIndex((l) => l.includes('<mj-column>')) + 1;
    expect(error.message).toMatch(new RegExp(`partials/section\\.mjml line ${line}: <mj-column> is never closed`));
  });

  it('names the line of a closing tag that is one too many', async () => {
    const footer = builtIn('partials/footer.mjml').replace('{{#address}}', '</mj-column>\n    {{#address}}');
    const error = await renderError({ 'partials/footer.mjml': footer });
    // the extra one closes the column early, so the column's own closing tag is the one left over
    const [, line] = error.message.match(/partials\/footer\.mjml line (\d+): <\/mj-column> has no open <mj-column> to close/)!;
    expect(footer.split('\n')[Number(line) - 1].trim()).toBe('</mj-column>');
  });

  it('names the line of a tag that lacks its closing braces', async () => {
    const story = builtIn('partials/story.mjml').replace('{{summary}}', '{{summary');
    const error = await renderError({ 'partials/story.mjml': story });
    const line = story.split('\n').findIndex((l) => l.includes('{{summary')) + 1;
    expect(error.message).toMatch(new RegExp(`partials/story\\.mjml line ${line}: "\\{\\{" without its other half`));
  });

  it('requires alt text on images', async () => {
    const header = builtIn('partials/header.mjml').replace('<mj-column>', '<mj-column>\n    <mj-image src="https://digest.example.org/logo.png" width="120px" />');
    const error = await renderError({ 'partials/header.mjml': header });
    const line = header.split('\n').findIndex((l) => l.includes('<mj-image')) + 1;
    expect(error.message).toMatch(new RegExp(`partials/header\\.mjml line ${line}: <mj-image> needs an alt`));

    const withAlt = header.replace('<mj-image ', '<mj-image alt="Diplomacy Watch logo" ');
    const { html } = await renderEdition(twelveStoryEdition(), makeConfig({ templates: folder({ 'partials/header.mjml': withAlt }) }));
    expect(html).toMatch(/<img\s[^>]*alt="Diplomacy Watch logo"/);
  });

  it('names an unknown field and lists the known ones', async () => {
    const story = builtIn('partials/story.mjml').replace('{{summary}}', '{{sumary}}');
    const error = await renderError({ 'partials/story.mjml': story });
    expect(error.message).toMatch(/partials\/story\.mjml line \d+: unknown field \{\{sumary\}\} \(known here: .*summary/);
  });

  it('finds a mistake in a part that this edition does not use', async () => {
    // the "more stories" link only shows in long editions; the 12-story edition never draws it
    const section = builtIn('partials/section.mjml').replace('{{label}}', '{{lable}}');
    const error = await renderError({ 'partials/section.mjml': section });
    const line = section.split('\n').findIndex((l) => l.includes('{{lable}}')) + 1;
    expect(error.message).toMatch(new RegExp(`partials/section\\.mjml line ${line}: unknown field \\{\\{lable\\}\\}`));
  });

  it('names the include that points at a missing partial', async () => {
    const layout = builtIn('digest.mjml').replace('partials/footer.mjml', 'partials/fotter.mjml');
    const error = await renderError({ 'digest.mjml': layout });
    const line = layout.split('\n').findIndex((l) => l.includes('fotter')) + 1;
    expect(error.message).toMatch(new RegExp(`digest\\.mjml line ${line}: .*fotter\\.mjml.*no such partial`));
  });

  it('refuses includes that leave the template folder', async () => {
    const layout = builtIn('digest.mjml').replace('partials/footer.mjml', '../../etc/passwd');
    const error = await renderError({ 'digest.mjml': layout });
    expect(error.message).toMatch(/digest\.mjml line \d+: .*outside the template folder/);
  });

  it('refuses a partial that includes itself', async () => {
    const error = await renderError({ 'partials/footer.mjml': '<mj-include path="footer.mjml" />' });
    expect(error.message).toMatch(/footer\.mjml line 1: .*includes itself/);
  });
});

describe('template folder', () => {
  it('is a clear error when the configured folder does not exist', async () => {
    const missing = path.join(os.tmpdir(), 'roundup-no-such-templates');
    await expect(renderEdition(twelveStoryEdition(), makeConfig({ templates: missing }))).rejects.toThrow(
      new UserError(`templates: ${missing} is not a folder (expected a folder of .mjml templates)`),
    );
  });
});

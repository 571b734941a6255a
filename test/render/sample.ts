// The sample edition as a person would get it: rendered, personalised for a sample reader, composed.
// Written to render-sample/ under OUT_DIR so the files can be opened and looked at.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeMessage, editionWebUrl, personalize, renderEdition } from '../../src/render/index.js';
import type { Edition } from '../../src/types.js';
import { makeConfig, sampleRecipient, twelveStoryEdition } from './fixtures.js';

/**
 * Where samples and screenshots go for people to look at: $ROUNDUP_TEST_ARTIFACTS, else a folder of this checkout's
 * own in the system's temporary folder (overwritten by each run). Never the repository's out/.
 */
export const OUT_DIR =
  process.env.ROUNDUP_TEST_ARTIFACTS ??
  path.join(os.tmpdir(), `roundup-test-artifacts-${createHash('sha1').update(path.resolve(import.meta.dirname, '../..')).digest('hex').slice(0, 8)}`);

export interface Sample {
  edition: Edition;
  html: string;
  text: string;
  subject: string;
  eml: Buffer;
  files: { html: string; text: string; eml: string };
}

export async function writeSample(edition: Edition = twelveStoryEdition()): Promise<Sample> {
  const config = makeConfig();
  const rendered = await renderEdition(edition, config);
  const mail = personalize(rendered, edition, sampleRecipient, editionWebUrl(config, edition.edition.id));
  if (!mail) throw new Error('sample recipient got no mail');
  const eml = await composeMessage({
    from: config.email.from,
    to: `${sampleRecipient.name} <${sampleRecipient.email}>`,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    date: new Date(edition.edition.end),
    messageId: `<${edition.edition.id}.sample@digest.example.org>`,
    headers: {
      'List-Unsubscribe': `<${sampleRecipient.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  });
  const dir = path.join(OUT_DIR, 'render-sample');
  fs.mkdirSync(dir, { recursive: true });
  const files = { html: path.join(dir, 'digest.html'), text: path.join(dir, 'digest.txt'), eml: path.join(dir, 'digest.eml') };
  // several test files write the same sample at once: write whole files by renaming
  const put = (file: string, data: string | Buffer) => {
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  };
  put(files.html, mail.html);
  put(files.text, mail.text);
  put(files.eml, eml);
  return { edition, html: mail.html, text: mail.text, subject: mail.subject, eml, files };
}

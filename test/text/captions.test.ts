// Captions are recognised by what only captions do (positions of people, picture openings, credits, a
// present-tense picture verb with a full date, a verbless line dated another year); article sentences
// that share one of those traits stay.
import { describe, expect, it } from 'vitest';
import { isCaptionSentence, withoutCaptionSentences } from '../../src/text/captions.js';
import { cleanFeedItems } from '../../src/clean/index.js';

describe('isCaptionSentence', () => {
  it('recognises captions in the shapes outlets print them', () => {
    for (const caption of [
      'President Alar Karis (C) speaks during a closing session of a forum in Tallinn on April 1, 2016.',
      'Foreign ministers pose for a family photo (L-R) before talks in Brussels.',
      'FILE PHOTO: A Ukrainian serviceman fires a howitzer near Bakhmut.',
      'In this photo taken on Monday, rescuers search the rubble of a building in Dnipro.',
      'A satellite image shows damaged hangars at an airbase in Crimea.',
      'Smoke rises over the port of Odesa after a strike, June 3, 2023.',
      'Delegates listen to a speech at the summit in Vilnius on 11 July 2023.',
      'Firefighters work at the site of a drone strike in Kyiv. (Photo by Anna Koval / AFP via Getty Images)',
      'Soldiers unload crates near Kharkiv. REUTERS/Vyacheslav Madiyevskyy',
    ]) {
      expect(isCaptionSentence(caption), caption).toBe(true);
    }
    // verbless and dated another year: a caption when it opens the item
    expect(isCaptionSentence('Destroyed Russian tanks near Kyiv, March 31, 2022.', { year: 2026, first: true })).toBe(true);
    expect(isCaptionSentence('Destroyed Russian tanks near Kyiv, March 31, 2022.', { year: 2022, first: true })).toBe(false);
  });

  it('keeps article sentences that share one trait with captions', () => {
    for (const sentence of [
      'Russia launched its full-scale invasion of Ukraine on Feb. 24, 2022.',
      'The Budapest Memorandum was signed on Dec. 5, 1994.',
      'Zelensky spoke at the summit in Vilnius on July 11, 2023.',
      'Residents shared pictures of the damage (photos were taken at dawn).',
      'The president arrives in Kyiv on Monday for talks on air defence.',
      'Ukraine says it shot down 40 of 52 drones overnight.',
      'The war began in 2014, when Russia annexed Crimea.',
    ]) {
      expect(isCaptionSentence(sentence, { year: 2026, first: true }), sentence).toBe(false);
    }
  });
});

describe('captions glued into a paragraph', () => {
  it('are cut sentence by sentence, the rest of the paragraph stays', () => {
    expect(
      withoutCaptionSentences('Russian President Vladimir Putin (C) chairs a meeting in Moscow on March 3, 2023. The Kremlin said on Thursday that talks would resume.'),
    ).toBe('The Kremlin said on Thursday that talks would resume.');
    const plain = 'The Kremlin said on Thursday that talks would resume. It gave no date.';
    expect(withoutCaptionSentences(plain)).toBe(plain);
  });

  it('are left out of the cleaned text, with the caption of a picture block and of a [caption] shortcode', () => {
    const [out] = cleanFeedItems([
      {
        title: 'Rail link restored',
        published: '2026-11-21T10:05:00Z',
        html:
          '[caption id="attachment_1" width="300"]<img src="a.jpg"> Workers repair a rail bridge near Odesa, Ukraine, June 12, 2023.[/caption]' +
          '<figure><img src="b.jpg"><p>Engineers stand on the bridge.</p></figure>' +
          '<div class="image-caption">A train crosses the bridge</div>' +
          '<p>Rail traffic to the port of Odesa resumed on Saturday, the operator said.</p>',
      },
    ]);
    expect(out.text).toBe('Rail traffic to the port of Odesa resumed on Saturday, the operator said.');
  });
});

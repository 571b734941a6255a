// One mojibake repairer for titles (parse) and bodies (clean): UTF-8 read as windows-1252 is undone,
// real accented text is left alone.
import { describe, expect, it } from 'vitest';
import { looksLikeMojibake, repairMojibake } from '../../src/text/mojibake.js';
import { plainText } from '../../src/parse/text.js';
import { cleanFeedItems } from '../../src/clean/index.js';

const misread = (s: string) => Buffer.from(s, 'utf8').toString('latin1').replace(/[\u0080-\u009f]/g, (c) => Buffer.from([c.charCodeAt(0)]).toString('latin1'));
const as1252 = (s: string) => new TextDecoder('windows-1252').decode(Buffer.from(s, 'utf8'));

describe('mojibake', () => {
  it('repairs UTF-8 read as windows-1252 or Latin-1, in any script, also when done twice', () => {
    for (const good of ['Kyiv’s “red lines” — talks', 'Зеленський у Брюсселі', 'Ukraine’s café Ñandú']) {
      expect(looksLikeMojibake(as1252(good))).toBe(true);
      expect(repairMojibake(as1252(good))).toBe(good);
      expect(repairMojibake(misread(good))).toBe(good);
      expect(repairMojibake(as1252(as1252(good)))).toBe(good);
    }
  });

  it('leaves real accented text and clean text alone', () => {
    for (const good of ['ÀÉ RÉSUMÉ', 'Ãgua in São Paulo', 'Kyiv’s talks', 'voilà» dit-il', '']) {
      expect(repairMojibake(good)).toBe(good);
    }
  });

  it('is the same repair for a title (parse) and a body (clean)', () => {
    const bad = as1252('Zelensky’s envoy — “no deal” in Genève');
    expect(plainText(bad)).toBe('Zelensky’s envoy — “no deal” in Genève');
    const [out] = cleanFeedItems([{ title: bad, html: `<p>${bad} was the word on Friday.</p>` }]);
    expect(out.title).toBe('Zelensky’s envoy — “no deal” in Genève');
    expect(out.text).toBe('Zelensky’s envoy — “no deal” in Genève was the word on Friday.');
  });
});

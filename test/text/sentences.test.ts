// The one sentence splitter, used by the lead (clean) and by summaries: abbreviations, initials, quotes,
// Cyrillic, CJK and Thai.
import { describe, expect, it } from 'vitest';
import { splitParagraph, splitSentences, toBlocks } from '../../src/text/sentences.js';

describe('splitParagraph', () => {
  it('does not split at abbreviations, initials or decimal numbers', () => {
    expect(
      splitParagraph(
        'Mr. Blinken met Gen. Syrskyi on Jan. 5 in Kyiv. The U.S. National Security Council approved 1.5 billion dollars. ' +
          'J. Smith of the U.K. Foreign Office agreed.',
      ),
    ).toEqual([
      'Mr. Blinken met Gen. Syrskyi on Jan. 5 in Kyiv.',
      'The U.S. National Security Council approved 1.5 billion dollars.',
      'J. Smith of the U.K. Foreign Office agreed.',
    ]);
  });

  it('splits after U.S. when a new sentence clearly starts', () => {
    expect(splitParagraph('The sanctions were imposed by the U.S. The EU followed a week later.')).toEqual([
      'The sanctions were imposed by the U.S.',
      'The EU followed a week later.',
    ]);
  });

  it('keeps closing quotes with their sentence and splits before opening quotes', () => {
    expect(splitParagraph('“We will not give up,” he said. “Russia has no red line.” Macron agreed? Yes, he did.')).toEqual([
      '“We will not give up,” he said.',
      '“Russia has no red line.”',
      'Macron agreed?',
      'Yes, he did.',
    ]);
  });

  it('handles „…“ and «…» quotes', () => {
    expect(splitParagraph('Міністр сказав: „Ми готові до переговорів.“ Делегація вилетіла ввечері. «Це важливий крок», — додав він.')).toEqual([
      'Міністр сказав: „Ми готові до переговорів.“',
      'Делегація вилетіла ввечері.',
      '«Це важливий крок», — додав він.',
    ]);
  });

  it('splits Cyrillic sentences and respects Cyrillic abbreviations', () => {
    expect(splitParagraph('У 2024 р. Київ отримав нові системи. Росія відповіла ударами! Чи буде перемир’я?')).toEqual([
      'У 2024 р. Київ отримав нові системи.',
      'Росія відповіла ударами!',
      'Чи буде перемир’я?',
    ]);
  });

  it('does not split before a lower-case word, nor after a.m./p.m. before a name', () => {
    expect(splitParagraph('Why? because the talks stalled. It was 3 p.m. Monday when they ended.')).toEqual([
      'Why? because the talks stalled.',
      'It was 3 p.m. Monday when they ended.',
    ]);
  });

  it('splits Chinese and Japanese at 。！？ without spaces', () => {
    expect(splitParagraph('乌克兰总统周二表示，谈判将继续。俄罗斯拒绝了这一提议！下一轮会谈在日内瓦举行。')).toEqual([
      '乌克兰总统周二表示，谈判将继续。',
      '俄罗斯拒绝了这一提议！',
      '下一轮会谈在日内瓦举行。',
    ]);
    expect(splitParagraph('日本の首相は火曜日、会談を続けると述べた。ロシアは提案を拒否した。')).toHaveLength(2);
  });

  it('splits Thai at the spaces between Thai words', () => {
    expect(splitParagraph('ประธานาธิบดียูเครนกล่าวว่าการเจรจาจะดำเนินต่อไป รัสเซียปฏิเสธข้อเสนอ')).toEqual([
      'ประธานาธิบดียูเครนกล่าวว่าการเจรจาจะดำเนินต่อไป',
      'รัสเซียปฏิเสธข้อเสนอ',
    ]);
  });
});

describe('splitSentences', () => {
  it('ends a sentence at every paragraph or line break, and joins hard-wrapped lines', () => {
    expect(splitSentences('Talks resumed in Geneva\n\nThe Kremlin said nothing. Kyiv\nwelcomed the news.')).toEqual([
      'Talks resumed in Geneva',
      'The Kremlin said nothing.',
      'Kyiv welcomed the news.',
    ]);
    expect(toBlocks('A caption\nReuters\n\nBody text.')).toEqual(['A caption', 'Reuters', 'Body text.']);
  });
});

// Keywords in scripts written without spaces (Chinese, Japanese, Thai) match inside running text, and the
// sentence splitter gives such text its sentences; Latin and Cyrillic words tokenize as before.
import { describe, expect, it } from 'vitest';
import { compileTerms } from '../../src/text/terms.js';
import { tokenize } from '../../src/text/tokens.js';
import { splitSentences } from '../../src/text/sentences.js';

describe('scripts without spaces', () => {
  it('matches keywords inside Chinese, Japanese and Thai sentences', () => {
    const terms = compileTerms(['停火', '防空系统', '会合', '観察員', 'การประชุม', 'ceasefire']);
    expect(terms.find('各国代表团再次会面，讨论停火和防空系统交付。')).toEqual(['停火', '防空系统']);
    expect(terms.find('次の会合には観察員も出席する予定だ。')).toEqual(['会合', '観察員']);
    expect(terms.find('การประชุมครั้งต่อไปจะจัดขึ้นในอีกหนึ่งเดือน')).toEqual(['การประชุม']);
    expect(terms.find('停战')).toEqual([]);
    expect(terms.find('A ceasefire was agreed in Kyiv.')).toEqual(['ceasefire']);
  });

  it('leaves spaced scripts as they were', () => {
    expect(tokenize("Ukraine's talks — Київ, Zürich").words).toEqual(['ukraine', 'talks', 'київ', 'zürich']);
  });

  it('splits Chinese, Japanese and Thai text into sentences', () => {
    expect(splitSentences('多个国家的官员就新的交付达成一致。下一次会议定于一个月后举行！')).toHaveLength(2);
    expect(splitSentences('各国の代表団が再び会合を開いた。次の会合は一か月後に予定されている。')).toHaveLength(2);
    expect(splitSentences('เจ้าหน้าที่จากหลายประเทศตกลงเรื่องการส่งมอบใหม่ การประชุมครั้งต่อไปจะจัดขึ้นในอีกหนึ่งเดือน')).toHaveLength(2);
  });
});

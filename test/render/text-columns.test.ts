// The plain-text part of an edition with stories in scripts written without spaces (Japanese, Thai) and emoji, as
// `digest build` writes it: every line fits 76 columns of a fixed-width screen, where a Japanese character takes two,
// and no line starts inside a character (a Thai vowel sign torn from its letter shows as a dotted circle; half a
// flag or of an emoji family shows as something else). Sample text is invented.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const STORIES = [
  {
    key: 'ja',
    title: '日本政府がウクライナの厳しい冬を前に新たな支援策、避難民の暮らしと病院の電力確保を後押し',
    summary:
      '外務省は冬に備えて発電機を追加で送ると発表した。支援は来月届く予定で、送電網の修理に使う変圧器や部品も含まれるという。政府関係者によると、支援の総額は前回を上回る見通しで、ウクライナ政府とは輸送の手順について最終的な調整を進めている🇺🇦👨‍👩‍👧‍👦。',
  },
  {
    key: 'th',
    title: 'รัฐบาลไทยประกาศส่งความช่วยเหลือด้านมนุษยธรรมเพิ่มเติมให้แก่ยูเครนก่อนฤดูหนาว',
    summary:
      'กระทรวงการต่างประเทศแถลงว่าจะส่งเครื่องปั่นไฟและยาเวชภัณฑ์ให้แก่โรงพยาบาลในพื้นที่ที่ได้รับผลกระทบจากการโจมตีโครงสร้างพื้นฐานด้านพลังงานซึ่งคาดว่าจะเดินทางถึงภายในเดือนหน้าโดยจะประสานงานกับองค์การระหว่างประเทศเพื่อให้การขนส่งเป็นไปอย่างปลอดภัย',
  },
  {
    key: 'en',
    // a tag of flags wider than a line, which must be broken between two flags
    title: `Volunteers 👨‍👩‍👧‍👦 pack winter kits tagged #${'🇺🇦'.repeat(45)}`,
    summary: 'Volunteers packed winter kits for families in the east, the charity said on Friday.',
  },
];

const graphemes = (s: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s), (g) => g.segment);
/** columns on a fixed-width screen: Chinese and Japanese characters, full-width punctuation and emoji take two, marks none */
const columns = (line: string) =>
  graphemes(line).reduce((n, g) => n + (/^[\p{M}\p{Cf}]+$/u.test(g) ? 0 : /[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff60]|\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(g) ? 2 : 1), 0);

async function buildText(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-columns-'));
  const items = STORIES.map(
    (s, i) => `<item><title>${s.title}</title><link>https://asia.test.example/${s.key}</link><guid>${s.key}</guid>
<pubDate>${new Date(Date.UTC(2026, 10, 18 + i, 10)).toUTCString()}</pubDate><description>${s.summary}</description></item>`,
  );
  writeFileSync(path.join(dir, 'feed.xml'), `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Asia</title><link>https://asia.test.example/</link>${items.join('')}</channel></rss>`);
  writeFileSync(path.join(dir, 'digest.config.yaml'), 'title: Asia Watch\ntimezone: UTC\nfeeds:\n  - name: Asia\n    path: feed.xml\nthemes:\n  - id: news\n    title: News\n    keywords: [nothing-matches-this]\n');
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(path.join(out, '2026-11-23', 'digest.txt'), 'utf8');
}

describe('the plain-text part in scripts without spaces, and emoji', () => {
  it('keeps every line within 76 columns, breaks lines only between characters and loses nothing', async () => {
    const text = await buildText();
    const lines = text.split('\n');
    const tooWide = lines.filter((l) => !/^https?:\/\/\S+$/.test(l) && columns(l) > 76).map((l) => `${columns(l)}: ${l}`);
    expect(tooWide).toEqual([]);
    for (const s of STORIES) {
      // the lines that tell the story's title, then those of its summary (a blank line between), up to its link
      const start = lines.findIndex((l) => l.length > 0 && s.title.startsWith(l.slice(0, 8)));
      expect(start, `the ${s.key} story in digest.txt`).toBeGreaterThan(-1);
      const end = lines.indexOf(`https://asia.test.example/${s.key}`, start);
      const block = lines.slice(start, end);
      const blank = block.indexOf('');
      for (const [part, shown, told] of [['title', block.slice(0, blank - 1), s.title], ['summary', block.slice(blank + 1), s.summary]] as const) {
        // nothing lost or added but spaces (a summary may gain a full stop)
        expect(shown.join('').replace(/\s+/g, ''), `${s.key} ${part}`).toMatch(new RegExp(`^${told.replace(/\s+/g, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.?$`, 'u'));
        // each line break falls between two characters: the last of a line and the first of the next are whole
        for (let i = 1; i < shown.length; i++) {
          const [before, after] = [shown[i - 1], shown[i]];
          const joined = graphemes(before + after);
          expect(joined.length, `${s.key} ${part}: the break before line ${i + 1} "${after.slice(0, 12)}"`).toBe(graphemes(before).length + graphemes(after).length);
        }
      }
    }
  }, 120_000);
});

// Gmail clips an HTML part over about 102 KB, hiding the footer and its unsubscribe link. The renderer fits
// the edition to the encoded size; here that is checked on what `digest send` really hands the SMTP server,
// for editions in four scripts: the HTML part as it arrives stays under the budget, it is encoded the way
// the fit assumed, and the footer is there. All sample text is invented.
import { UNSIGNED } from '../helpers/unsigned.js';
import { afterEach, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { encodedSize, HTML_BUDGET_BYTES } from '../../src/render/index.js';
import type { Edition, Story } from '../../src/types.js';
import { encodedHtmlPart, makeEdition, makeWorkspace, sendThroughSink, type Sink } from './support.js';

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

const SCRIPTS: Record<string, { title: string; summary: string }> = {
  latin: {
    title: 'Delegations meet again to discuss air-defence deliveries and a monitoring plan',
    summary: 'Officials from several capitals agreed on new deliveries and on terms for monitoring a possible ceasefire; the next meeting is due in a month, with observers from three more countries.',
  },
  cyrillic: {
    title: 'Делегації знову зустрілися, щоб обговорити постачання протиповітряної оборони',
    summary: 'Посадовці кількох столиць домовилися про нові поставки та про умови спостереження за можливим перемир’ям; наступна зустріч — за місяць, зі спостерігачами ще з трьох країн.',
  },
  arabic: {
    title: 'الوفود تجتمع مجددا لمناقشة تسليم أنظمة الدفاع الجوي وخطة للمراقبة',
    summary: 'اتفق مسؤولون من عدة عواصم على شحنات جديدة وعلى شروط مراقبة وقف محتمل لإطلاق النار، ومن المقرر عقد الاجتماع المقبل بعد شهر بحضور مراقبين من ثلاث دول أخرى.',
  },
  emoji: {
    title: '🇺🇦 Delegations meet again 🤝 to discuss air-defence deliveries 🛡️ and a monitoring plan 👩\u200d👩\u200d👧',
    summary: 'Officials 🧑\u200d💼 from several capitals agreed on new deliveries 📦 and on terms for monitoring a possible ceasefire 🕊️; the next meeting 📅 is due in a month.',
  },
  cjk: {
    title: '各国代表团再次会面，讨论防空系统交付和监督计划',
    summary: '多个国家的官员就新的交付以及监督可能停火的条件达成一致。下一次会议定于一个月后举行，另有三个国家的观察员出席。',
  },
};

/** 80 stories over the two sections, every one with a summary in the script. */
function longEdition(script: string): Edition {
  const edition = makeEdition();
  const { title, summary } = SCRIPTS[script];
  const template = edition.sections[0].stories[0];
  edition.sections.forEach((section, s) => {
    section.stories = Array.from({ length: 40 }, (_, i): Story => ({
      ...template,
      id: `${section.id}-${i}`,
      title: `${title} ${i + 1}`,
      summary: `${summary} (${i + 1})`,
      url: `https://news.example.org/${section.id}/${i}`,
      sources: ['Wire One', 'Global Brief', `Outlet ${s}-${i}`],
    }));
  });
  return edition;
}

describe('the HTML part as sent stays under the clipping budget in every script', () => {
  it.each(Object.keys(SCRIPTS))('%s', async (script) => {
    const r = await sendThroughSink(makeWorkspace(), longEdition(script), [{ email: 'alice@example.net' }]);
    sink = r.sink;
    expect(r.stderr).toBe(UNSIGNED);
    expect(r.code).toBe(0);
    expect(sink.received).toHaveLength(1);
    const { head, body } = encodedHtmlPart(sink.received[0].raw);
    const encoding = /Content-Transfer-Encoding: (\S+)/.exec(head)![1];
    // English stays readable quoted-printable; Cyrillic is clearly smaller in base64; CJK (3 bytes a character
    // amid ASCII markup) comes out close either way, and takes whichever is smaller
    if (script === 'latin') expect(encoding).toBe('quoted-printable');
    if (script === 'cyrillic') expect(encoding).toBe('base64');
    // what arrives is under the budget, and is exactly the size the renderer's fit measures for this HTML
    expect(body.length).toBeLessThanOrEqual(HTML_BUDGET_BYTES);
    const html = (await simpleParser(sink.received[0].raw)).html as string;
    expect(body.length).toBe(encodedSize(html));
    // the edition was cut to fit (not everything, not next to nothing), and the footer made it
    const shown = html.match(/<h3\b/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(5);
    expect(body.length).toBeGreaterThan(HTML_BUDGET_BYTES * 0.5);
    expect(html).toMatch(/href="https:\/\/digest\.example\.org\/u\/[^"]+"/);
    expect(html).toContain('1 Example Street, Kyiv');
    console.log(`${script}: ${shown} stories shown, HTML part ${encoding} ${(body.length / 1024).toFixed(1)} KiB (budget ${HTML_BUDGET_BYTES / 1024} KiB)`);
  }, 120_000);
});

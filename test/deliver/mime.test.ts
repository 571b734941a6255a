// The fast per-subscriber composer must produce what the renderer's composeMessage produces,
// as a mail client reads it (parsed back with mailparser).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { composeMessage } from '../../src/render/index.js';
import { EditionComposer } from '../../src/deliver/mime.js';

const base = {
  from: 'Diplomacy Watch <digest@watch.example.org>',
  to: 'reader@example.net',
  date: new Date('2026-11-23T05:00:00Z'),
  messageId: '<digest.2026-11-23.abc@watch.example.org>',
  headers: {
    'List-Id': 'Diplomacy Watch <diplomacy-watch.digest.example.org>',
    'List-Unsubscribe': '<https://digest.example.org/u/1.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ>, <mailto:digest@watch.example.org?subject=unsubscribe>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
};

async function both(subject: string, html: string, text: string) {
  const m = { ...base, subject, html, text };
  const [fast, ref] = await Promise.all([simpleParser(new EditionComposer().compose(m)), simpleParser(await composeMessage(m))]);
  return { fast, ref };
}

describe('EditionComposer', () => {
  it('reads back like composeMessage: headers, subject, text and html', async () => {
    const html = `<!doctype html>\n<html><body>\n<p>Ministers met in Kyiv — “a long day” · 10 € </p>\n<p>${'word '.repeat(60)}</p>  \n<a href="https://example.org/?a=1&amp;b=2">link</a>\n</body></html>`;
    const text = 'Diplomacy Watch\n===============\n\nTalks resume · Київ  \nA line with trailing spaces   \n' + 'x'.repeat(200);
    const { fast, ref } = await both('Diplomacy Watch · 23 Nov 2026: Talks resume in Київ', html, text);
    expect(fast.subject).toBe(ref.subject);
    expect(fast.text).toBe(ref.text);
    expect(fast.html).toBe(ref.html);
    expect(fast.messageId).toBe(ref.messageId);
    expect(fast.date?.getTime()).toBe(ref.date?.getTime());
    expect(fast.from?.text).toBe(ref.from?.text);
    for (const h of ['list-id', 'list-unsubscribe-post']) expect(fast.headers.get(h)).toEqual(ref.headers.get(h));
    const unsub = fast.headerLines.find((l) => l.key === 'list-unsubscribe')!.line.replace(/\r?\n[ \t]+/g, ' ');
    expect(unsub).toBe(`List-Unsubscribe: ${base.headers['List-Unsubscribe']}`);
  });

  it('keeps lines within 78 characters (URIs are never split) and the message 7-bit', () => {
    const raw = new EditionComposer().compose({ ...base, subject: 'Ünïcode '.repeat(20), html: `<p>${'ä'.repeat(500)}</p>`, text: 'é'.repeat(300) });
    const lines = raw.toString('latin1').split('\r\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(998);
    expect(lines.filter((l) => !l.startsWith('List-Unsubscribe') && !l.startsWith(' <mailto')).every((l) => l.length <= 78)).toBe(true);
    expect([...raw].every((b) => b < 128)).toBe(true);
  });

  it('round-trips any text and html', async () => {
    const composer = new EditionComposer();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), async (t, h) => {
        const text = t.replace(/\r/g, '');
        const html = `<p>${h.replace(/\r/g, '')}</p>`;
        const parsed = await simpleParser(composer.compose({ ...base, subject: 'S', html, text }));
        expect((parsed.text ?? '').replace(/\n$/, '')).toBe(text.replace(/\n$/, ''));
        expect(parsed.html).toBe(html);
      }),
      { numRuns: 60 },
    );
  });
});

describe('PersonalCopies', () => {
  it('encodes each copy exactly as the renderer personalises it, mostly from pre-encoded lines', async () => {
    const { PersonalCopies } = await import('../../src/deliver/personal.js');
    const { personalize, renderEdition } = await import('../../src/render/index.js');
    const { loadConfig } = await import('../../src/config/index.js');
    const { makeEdition, makeWorkspace } = await import('./support.js');
    const config = loadConfig(makeWorkspace().configFile);
    const edition = makeEdition();
    const rendered = await renderEdition(edition, config);
    const composer = new EditionComposer();
    const copies = new PersonalCopies(rendered, edition, 'https://digest.example.org/archive/2026-11-23', composer);
    const recipients = [
      { email: 'alice@example.net', sections: null },
      { email: "o'brien&co@example.net", sections: ['arms'] },
      { email: 'bob@example.net', sections: ['arms'] },
      { email: 'carol@example.net', sections: ['diplomacy', 'arms'] },
    ].map((r, i) => ({ ...r, unsubscribeUrl: `https://digest.example.org/u/${i}.tok`, preferencesUrl: `https://digest.example.org/preferences/${i}.tok` }));
    for (const to of recipients) {
      const copy = copies.make(to)!;
      const fast = await simpleParser(composer.composeEncoded({ ...base, to: to.email, subject: copy.subject }, copy.encodedText, copy.encodedHtml));
      const mail = personalize(rendered, edition, to, 'https://digest.example.org/archive/2026-11-23')!;
      expect(fast.html).toBe(mail.html);
      expect((fast.text ?? '').trimEnd()).toBe(mail.text.trimEnd());
      expect(fast.subject).toBe(mail.subject);
    }
    expect(copies.slowPath).toBe(0);
    expect(copies.make({ email: 'x@example.net', sections: ['aid'], unsubscribeUrl: 'u', preferencesUrl: 'p' })).toBeNull();
  });
});

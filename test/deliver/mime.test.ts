// The one composer, read back as a mail client reads it (mailparser), and the per-subscriber copies it
// assembles from pre-encoded lines, which must read back exactly as the renderer personalised them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { composeMessage, encodeBody, encodedSize, MessageComposer } from '../../src/render/index.js';
import { qpLine } from '../../src/render/encoding.js';

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

describe('MessageComposer (the one composer)', () => {
  it('reads back as written: headers, subject, sender name, text and html', async () => {
    const html = `<!doctype html>\n<html><body>\n<p>Ministers met in Kyiv — “a long day” · 10 € </p>\n<p>${'word '.repeat(60)}</p>  \n<a href="https://example.org/?a=1&amp;b=2">link</a>\n</body></html>`;
    const text = 'Diplomacy Watch\n===============\n\nTalks resume · Київ  \nA line with trailing spaces   \n' + 'x'.repeat(200);
    const subject = 'Diplomacy Watch · 23 Nov 2026: Talks resume in Київ';
    const m = { ...base, from: '"Дайджест: Kyiv, weekly" <digest@watch.example.org>', subject, html, text };
    const parsed = await simpleParser(composeMessage(m));
    expect(parsed.subject).toBe(subject);
    expect(parsed.text).toBe(text);
    expect(parsed.html).toBe(html);
    expect(parsed.messageId).toBe(base.messageId);
    expect(parsed.date?.getTime()).toBe(base.date.getTime());
    expect(parsed.from?.value).toEqual([{ name: 'Дайджест: Kyiv, weekly', address: 'digest@watch.example.org' }]);
    const line = (key: string) => parsed.headerLines.find((l) => l.key === key)?.line.replace(/\r?\n[ \t]+/g, ' ');
    expect(line('list-id')).toBe(`List-Id: ${base.headers['List-Id']}`);
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(line('list-unsubscribe')).toBe(`List-Unsubscribe: ${base.headers['List-Unsubscribe']}`);
  });

  it('keeps lines within 78 characters (URIs are never split) and the message 7-bit', () => {
    const raw = composeMessage({ ...base, subject: 'Ünïcode '.repeat(20), html: `<p>${'ä'.repeat(500)}</p>`, text: 'é'.repeat(300) });
    const lines = raw.toString('latin1').split('\r\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(998);
    expect(lines.filter((l) => !l.startsWith('List-Unsubscribe') && !l.startsWith(' <mailto')).every((l) => l.length <= 78)).toBe(true);
    expect([...raw].every((b) => b < 128)).toBe(true);
  });

  it('sends each part in the smaller encoding: quoted-printable for English, base64 for Cyrillic', () => {
    const english = 'Ministers agreed to ship extra radar units within a month, officials said. '.repeat(40);
    const cyrillic = 'Міністри домовилися відправити додаткові радари протягом місяця. '.repeat(40);
    const raw = composeMessage({ ...base, subject: 'S', text: english, html: `<p>${cyrillic}</p>` }).toString('latin1');
    const parts = raw.split(/\r\n--[^\r\n]+\r\n/).slice(1);
    expect(parts[0]).toMatch(/^Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n/);
    expect(parts[1]).toMatch(/^Content-Type: text\/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n/);
    // and that is the size the renderer fits to
    const htmlBody = parts[1].split('\r\n\r\n')[1].replace(/\r\n--[^]*$/, '');
    expect(htmlBody.length).toBe(encodedSize(`<p>${cyrillic}</p>`));
    expect(encodeBody(`<p>${cyrillic}</p>`).data.length).toBeLessThan(0.6 * qpSize(`<p>${cyrillic}</p>`));
  });

  it('round-trips any text and html', async () => {
    const composer = new MessageComposer();
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

function qpSize(body: string): number {
  return body.split('\n').map(qpLine).join('\r\n').length;
}

describe('PersonalCopies', () => {
  it('encodes each copy exactly as the renderer personalises it, mostly from pre-encoded lines', async () => {
    const { PersonalCopies } = await import('../../src/deliver/personal.js');
    const { personalize, renderEdition } = await import('../../src/render/index.js');
    const { loadConfig } = await import('../../src/config/index.js');
    const { makeEdition, makeWorkspace } = await import('./support.js');
    const config = loadConfig(makeWorkspace().configFile);
    const edition = makeEdition();
    const rendered = await renderEdition(edition, config);
    const composer = new MessageComposer();
    const copies = new PersonalCopies(rendered, edition, 'https://digest.example.org/archive/2026-11-23', composer);
    const recipients = [
      { email: 'alice@example.net', sections: null },
      { email: "o'brien&co@example.net", sections: ['arms'] },
      { email: 'bob@example.net', sections: ['arms'] },
      { email: 'carol@example.net', sections: ['diplomacy', 'arms'] },
    ].map((r, i) => ({ ...r, unsubscribeUrl: `https://digest.example.org/u/${i}.tok`, preferencesUrl: `https://digest.example.org/preferences/${i}.tok` }));
    for (const to of recipients) {
      const copy = copies.make(to)!;
      const fast = await simpleParser(composer.assemble({ ...base, to: to.email, subject: copy.subject }, copy.text, copy.html));
      const mail = personalize(rendered, edition, to, 'https://digest.example.org/archive/2026-11-23')!;
      expect(fast.html).toBe(mail.html);
      expect((fast.text ?? '').trimEnd()).toBe(mail.text.trimEnd());
      expect(fast.subject).toBe(mail.subject);
    }
    expect(copies.slowPath).toBe(0);
    expect(copies.make({ email: 'x@example.net', sections: ['aid'], unsubscribeUrl: 'u', preferencesUrl: 'p' })).toBeNull();
  });
});

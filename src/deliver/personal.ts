// Each subscriber's copy of an edition, encoded for the wire. The renderer's personalize() decides
// what a copy contains; this only makes encoding it cheap. For each choice of sections it renders
// once with placeholders for the personal values and pre-encodes the rest (BodyTemplate). Each
// copy is personalised by the renderer and compared with the template filled in until the template has
// agreed for TRUST_AFTER addresses in a row; after that a sample keeps being compared. A copy that differs
// is encoded in full from the renderer's output.
import { randomBytes } from 'node:crypto';
import type { Edition } from '../types.js';
import { personalize, type RenderedEdition, type Recipient } from '../render/index.js';
import { escapeValue } from '../render/template.js';
import type { MessageComposer } from '../render/compose.js';
import type { EncodedBody } from '../render/encoding.js';
import { BodyTemplate } from './mime.js';

export interface EncodedCopy {
  subject: string;
  text: EncodedBody;
  html: EncodedBody;
}

interface Variant {
  subject: string;
  html: BodyTemplate;
  text: BodyTemplate;
  misses: number;
  /** copies in a row that came out identical to the renderer's */
  matches: number;
  /** copies made from this variant */
  made: number;
}

const MAX_VARIANTS = 64;
const MAX_MISSES = 20;
/**
 * After this many identical copies in a row a variant is trusted, and only every VERIFY_EVERY-th copy
 * is still checked against the renderer: the personal values are plain substitutions, so a template
 * that agreed for many different addresses agrees for the rest, and a disagreement found later puts
 * the variant back on full checking.
 */
const TRUST_AFTER = 32;
const VERIFY_EVERY = 64;

export class PersonalCopies {
  private readonly ph: { email: string; unsubscribe: string; preferences: string };
  private readonly variants = new Map<string, Variant | null>();
  /** copies that took the full encoding path (for benches and tests) */
  slowPath = 0;

  constructor(
    private readonly rendered: RenderedEdition,
    private readonly edition: Edition,
    private readonly webUrl: string,
    private readonly composer: MessageComposer,
  ) {
    // letters and digits only, so escaping leaves them alone; random, so no story can contain them
    const tag = `ph${randomBytes(8).toString('hex')}`;
    this.ph = { email: `${tag}email`, unsubscribe: `${tag}unsub`, preferences: `${tag}prefs` };
  }

  /** null when the subscriber's chosen sections are all empty in this edition */
  make(to: Recipient): EncodedCopy | null {
    const v = this.variant(to.sections ?? null);
    const text = { [this.ph.email]: to.email, [this.ph.unsubscribe]: to.unsubscribeUrl, [this.ph.preferences]: to.preferencesUrl };
    const html = { [this.ph.email]: escapeValue(to.email), [this.ph.unsubscribe]: escapeValue(to.unsubscribeUrl), [this.ph.preferences]: escapeValue(to.preferencesUrl) };
    if (v && v.matches >= TRUST_AFTER && ++v.made % VERIFY_EVERY !== 0) {
      return { subject: v.subject, text: v.text.encode(text), html: v.html.encode(html) };
    }
    const real = personalize(this.rendered, this.edition, to, this.webUrl);
    if (!real) return null;
    if (v) {
      if (v.subject === real.subject && v.html.fill(html) === real.html && v.text.fill(text) === real.text) {
        v.matches++;
        return { subject: real.subject, text: v.text.encode(text), html: v.html.encode(html) };
      }
      v.misses++;
      v.matches = 0;
    }
    this.slowPath++;
    return { subject: real.subject, text: this.composer.encode(real.text), html: this.composer.encode(real.html) };
  }

  private variant(sections: string[] | null): Variant | null {
    const key = JSON.stringify(sections);
    let v = this.variants.get(key);
    if (v === undefined) {
      if (this.variants.size >= MAX_VARIANTS) return null;
      const t = personalize(this.rendered, this.edition, { email: this.ph.email, sections, unsubscribeUrl: this.ph.unsubscribe, preferencesUrl: this.ph.preferences }, this.webUrl);
      const phs = Object.values(this.ph);
      v = t ? { subject: t.subject, html: new BodyTemplate(t.html, phs, this.composer.qpLine), text: new BodyTemplate(t.text, phs, this.composer.qpLine), misses: 0, matches: 0, made: 0 } : null;
      this.variants.set(key, v);
    }
    // a template that keeps disagreeing with the renderer is not worth filling in
    return v && v.misses < MAX_MISSES ? v : null;
  }
}

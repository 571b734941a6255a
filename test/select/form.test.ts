// Fragments and roundups are told apart from articles by their titles and structure; real headlines
// that share a word with them stay articles.
import { describe, expect, it } from 'vitest';
import { judgeForm } from '../../src/select/form.js';
import { item } from '../theme/items.js';

const verdict = (title: string, text = 'Officials in Kyiv said the talks would resume on Monday.') => judgeForm(item({ title, text }))?.reason ?? null;

describe('judgeForm', () => {
  it('calls navigation, live-blog fragments and empty items not-an-article', () => {
    for (const title of ['More »', 'Read more', 'Here’s the latest.', 'What we know so far', 'Live updates', '14:05 GMT', 'Update 3', '…and what comes next', 'says the minister', 'Why it matters']) {
      expect(verdict(title), title).toBe('not-an-article');
    }
    expect(judgeForm(item({ title: '(untitled)', text: '' }))?.reason).toBe('not-an-article');
  });

  it('reads a lower-case title as a headline in a feed that writes its headlines in lower case', () => {
    const inLowerCaseFeed = (title: string) => judgeForm(item({ title, text: '' }), { lowerCaseFeed: true })?.reason ?? null;
    expect(verdict('swap brings 146 soldiers home', '')).toBe('not-an-article');
    expect(inLowerCaseFeed('swap brings 146 soldiers home')).toBeNull();
    for (const title of ['More »', '…and what comes next', 'live updates']) expect(inLowerCaseFeed(title), title).toBe('not-an-article');
  });

  it('calls newsletters, briefings and daily lists roundup', () => {
    for (const title of [
      'Trump’s tariffs | First Thing',
      'Your Monday Briefing: Talks in Geneva',
      'Kyiv blackout eases, and more top headlines',
      'Russia-Ukraine war: List of key events, day 483',
      'Ukraine war briefing: drones hit Odesa',
      'The week in pictures',
      'Five things to know today',
      '10 Things You Need To Know Before The Opening Bell',
      'Morning brief: 5 things you need to know',
      'Ukraine war: what you need to know this morning',
      'Roundup: talks resume in Geneva; drones hit Odesa',
      'Wrap-up: Kharkiv, grain, sanctions',
      'The Morning Newsletter: talks in Geneva, blackouts in Kharkiv',
      'Harbour Desk Newsletter #212',
      'Grain, gas and Geneva | Evening Newsletter',
      'Sign up for our weekly newsletter',
      'Read more in the Morning Markets Newsletter',
    ]) {
      expect(verdict(title), title).toBe('roundup');
    }
    expect(verdict('The borscht question', 'Drones hit Kyiv again. Plus, who invented the borscht emoji?')).toBe('roundup');
  });

  it('keeps an explainer of one subject written as a list of things to know', () => {
    for (const title of [
      'Halden virus: 5 things you need to know',
      'Coffee study: 5 things to know before you refill your mug',
      'Five things to know about the Patriot package',
      'Grain corridor: what you need to know',
      'What you need to know as the storm nears Odesa',
    ]) {
      expect(verdict(title), title).toBeNull();
    }
  });

  it('keeps a story whose title names a newsletter without being one', () => {
    for (const title of [
      'Factory orders rose for a third month, led by aircraft. Read more in the Markets A.M. Newsletter',
      'Factory orders rose for a third month. Read more of today’s top stories in the Morning Markets Newsletter',
      'Port fees doubled in a year. Sign up for our shipping newsletter.',
      'How a cooking newsletter became a million-dollar business',
      'Regulator fines newsletter publisher over stock tips',
    ]) {
      expect(verdict(title), title).toBeNull();
    }
  });

  it('keeps a wire story labelled "Roundup:" that tells one event', () => {
    expect(verdict('Roundup: Pleasantly Perfect takes Pacific Classic', 'Pleasantly Perfect won the Pacific Classic on Sunday.')).toBeNull();
    expect(verdict('ROUNDUP: Ukraine and Russia swap 146 prisoners each')).toBeNull();
  });

  it('keeps an article whose description opens with "Plus," (it goes on with the headline)', () => {
    expect(verdict('Why concert tickets cost more than the price on the poster', 'Plus, who actually gets the money.')).toBeNull();
    expect(verdict('How the grain corridor works', 'Plus: what happens to the ships if talks fail.')).toBeNull();
  });

  it('keeps real headlines, also short ones and ones with briefing, list or live words', () => {
    for (const title of [
      'Ukraine',
      'What next for Ukraine’s grain deal?',
      'Here’s why Kyiv wants more F-16s',
      'Pentagon briefing: Austin says aid will continue',
      'Live: Zelensky addresses the UN General Assembly',
      'Top general sacked after Kharkiv losses',
      'iPhone maker moves plant out of Russia',
      'Key events in the Black Sea grain talks explained by the UN envoy',
    ]) {
      expect(verdict(title), title).toBeNull();
    }
  });

  it('keeps an article with a list about its own subject', () => {
    const text = ['What the package holds:', ...['Patriot interceptors for Kyiv', 'more Patriot launchers', 'Patriot training in Germany', 'spare parts for Patriot radars', 'Patriot missiles from stock'].map((b) => `• ${b}`)].join('\n\n');
    expect(verdict('Germany sends Patriot package', text)).toBeNull();
  });
});

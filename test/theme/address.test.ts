import { describe, expect, it } from 'vitest';
import { assignTheme } from '../../src/theme/index.js';
import { urlSectionWords } from '../../src/text/url-section.js';
import type { ThemeConfig } from '../../src/types.js';
import { cluster } from './items.js';

// A general digest's themes, as a user would write them.
const GENERAL: ThemeConfig[] = [
  { id: 'business', title: 'Business & markets', description: 'Companies, markets, the economy and money.', keywords: ['stocks', 'markets', 'economy', 'company', 'profit', 'bank', 'investors', 'jobs'] },
  { id: 'tech', title: 'Science & technology', description: 'Gadgets, software, the internet and science.', keywords: ['technology', 'software', 'internet', 'computer', 'app', 'scientists', 'space'] },
  { id: 'entertainment', title: 'Entertainment', description: 'Films, television, music and celebrities.', keywords: ['film', 'movie', 'TV', 'music', 'album', 'singer', 'actor', 'celebrity'] },
  { id: 'health', title: 'Health', description: 'Diseases, medicine, hospitals and public health.', keywords: ['health', 'disease', 'cancer', 'doctors', 'hospital', 'patients', 'vaccine'] },
];

// A headline that says nothing of its section: alone it fits no theme.
const VAGUE = 'Ten things we learned this weekend';

describe('urlSectionWords: the sections an address names', () => {
  it('reads the section segments of the path and never the page itself', () => {
    expect(urlSectionWords('https://www.cnn.com/2021/10/18/politics/qualified-immunity-supreme-court/index.html')).toEqual(['politics']);
    expect(urlSectionWords('http://www.nydailynews.com/entertainment/gossip/lindsay-lohan-checks-into-rehab-article-1.1333220')).toEqual(['entertainment', 'gossip']);
    expect(urlSectionWords('https://www.theguardian.com/us-news/live/2021/oct/18/story')).toEqual(['us', 'news', 'live', 'oct']);
    expect(urlSectionWords('https://example.org/health')).toEqual([]);
    expect(urlSectionWords('https://edition.example.com/2024/05/01/politics/biden-speech/index.html')).toEqual(['politics']);
    expect(urlSectionWords('https://example.org/business/markets/')).toEqual(['business']);
  });

  it('skips dates, ids, files and headline slugs', () => {
    expect(urlSectionWords('https://www.reuters.com/article/2014/03/10/us-bitcoin-mtgox-idUSBREA290')).toEqual(['article']);
    expect(urlSectionWords('https://example.org/2024/05/01/markets-rally-as-bank-cuts-rates/amp')).toEqual([]);
    expect(urlSectionWords('https://example.org/a1b2/v2.0/page')).toEqual([]);
  });

  it('reads at most the first three sections, decoded and in lower case', () => {
    expect(urlSectionWords('https://example.org/World/Europe/Politik/Wahlen/page')).toEqual(['world', 'europe', 'politik']);
    expect(urlSectionWords('https://example.org/kultur%C3%A9/page')).toEqual(['kulturé']);
  });

  it('gives nothing for what is not an http(s) address', () => {
    expect(urlSectionWords(null)).toEqual([]);
    expect(urlSectionWords('')).toEqual([]);
    expect(urlSectionWords('not a url')).toEqual([]);
    expect(urlSectionWords('ftp://example.org/business/file')).toEqual([]);
    expect(urlSectionWords('https://example.org/%E0%A4%A/page')).toEqual([]);
  });
});

describe('assignTheme: the section an outlet filed an item under', () => {
  it('puts a headline that says nothing of its section where its outlet filed it, and says why', () => {
    const alone = assignTheme(cluster({ title: VAGUE, url: 'https://news.example.org/2024/06/05/ten-things-we-learned' }), GENERAL);
    expect(alone.themeId).toBeNull();
    const filed = assignTheme(cluster({ title: VAGUE, url: 'https://news.example.org/entertainment/2024/06/05/ten-things-we-learned' }), GENERAL);
    expect(filed.themeId).toBe('entertainment');
    expect(filed.why).toContain('filed under "entertainment" (address)');
  });

  it("reads a theme's keyword in the address as well as a word of its title", () => {
    const keyword = assignTheme(cluster({ title: VAGUE, url: 'https://example.org/lifestyle/health/ten-things' }), GENERAL);
    expect(keyword.themeId).toBe('health');
    const title = assignTheme(cluster({ title: VAGUE, url: 'https://example.org/business/ten-things' }), GENERAL);
    expect(title.themeId).toBe('business');
    expect(title.why).toContain('filed under "business" (address)');
  });

  it('takes no theme from a section word that several themes have in their titles', () => {
    const themes: ThemeConfig[] = [
      { id: 'world', title: 'World news', description: 'Governments and conflicts abroad.', keywords: ['government', 'minister', 'troops'] },
      { id: 'money', title: 'Money news', description: 'Companies and markets.', keywords: ['stocks', 'company', 'profit'] },
    ];
    const decision = assignTheme(cluster({ title: VAGUE, url: 'https://example.org/news/ten-things' }), themes);
    expect(decision.themeId).toBeNull();
  });

  it('counts as one keyword: a headline that names its theme twice still wins over the address', () => {
    const decision = assignTheme(
      cluster({ title: 'Hospital doctors warn of a vaccine shortage', url: 'https://example.org/business/hospital-doctors-warn' }),
      GENERAL,
    );
    expect(decision.themeId).toBe('health');
    expect(decision.why.some((w) => w.startsWith('close call') || w.includes('address'))).toBe(false);
  });

  it('counts each item once in a story told by several outlets', () => {
    const decision = assignTheme(
      cluster(
        { feed: 'a', title: VAGUE, url: 'https://a.example.org/entertainment/ten-things' },
        { feed: 'b', title: 'What we learned this weekend', url: 'https://b.example.org/2024/06/05/what-we-learned' },
      ),
      GENERAL,
    );
    expect(decision.themeId).toBe('entertainment');
    expect(decision.score).toBeLessThan(
      assignTheme(cluster({ feed: 'a', title: VAGUE, url: 'https://a.example.org/entertainment/ten-things' }), GENERAL).score,
    );
  });
});

describe('assignTheme: the section a feed tags an item with', () => {
  it('puts a headline that says nothing of its section where its feed’s category puts it, and says why', () => {
    const filed = assignTheme(cluster({ title: VAGUE, categories: ['Entertainment'] }), GENERAL);
    expect(filed.themeId).toBe('entertainment');
    expect(filed.why).toContain('filed under "entertainment" (feed category)');
    const keyword = assignTheme(cluster({ title: VAGUE, categories: ['Featured', 'Public health'] }), GENERAL);
    expect(keyword.themeId).toBe('health');
  });

  it('reads a category by its last word, as English names things: "Front line" names no "Home front"', () => {
    const themes: ThemeConfig[] = [
      { id: 'arms', title: 'Weapons & strikes', description: 'Weapons deliveries and strikes.', keywords: ['missiles', 'drones', 'air defence'] },
      { id: 'home', title: 'Home front', description: 'Life at home under war: energy, refugees, the economy.', keywords: ['refugees', 'blackouts', 'economy'] },
    ];
    const headline = 'Five questions answered';
    const bare = assignTheme(cluster({ title: headline }), themes);
    for (const categories of [['Front line'], ['Russia-Ukraine war: weapons, drones and the front']]) {
      const tagged = assignTheme(cluster({ title: headline, categories }), themes);
      expect(tagged).toEqual(bare);
    }
    for (const categories of [['Weapons'], ['Air defence'], ['Drones']]) {
      const tagged = assignTheme(cluster({ title: headline, categories }), themes);
      expect(tagged.themeId).toBe('arms');
      expect(tagged.why).toContain(`filed under "${categories[0].toLowerCase()}" (feed category)`);
    }
  });

  it('counts the address and the category of one item once: they are one editor’s call', () => {
    const both = assignTheme(cluster({ title: VAGUE, url: 'https://example.org/business/ten-things', categories: ['Business'] }), GENERAL);
    const address = assignTheme(cluster({ title: VAGUE, url: 'https://example.org/business/ten-things' }), GENERAL);
    expect(both.themeId).toBe('business');
    expect(both.score).toBe(address.score);
    expect(both.why).toContain('filed under "business" (feed category)');
  });
});

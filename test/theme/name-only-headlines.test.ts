// A headline made of names and a score ("Hearts 3-1 Hibernian", "Fly-half Ford rejoins Leicester") has no
// keyword and few words of the language; its meaning is nearer its theme than the others' but, being all
// names, not near in absolute terms. It goes to that theme, not to Other; a headline that fits no theme
// ("Volunteers clean up the riverbank") still goes to Other.
import { describe, expect, it } from 'vitest';
import type { ThemeConfig } from '../../src/types.js';
import { assignTheme } from '../../src/theme/index.js';
import { cluster } from './items.js';

const THEMES: ThemeConfig[] = [
  { id: 'business', title: 'Business', description: 'Companies, markets, jobs, trade and the wider economy.',
    keywords: ['company', 'shares', 'profit', 'market', 'economy', 'bank', 'jobs', 'sales', 'deal', 'trade'] },
  { id: 'entertainment', title: 'Entertainment', description: 'Films, music, television, theatre, celebrities and awards.',
    keywords: ['film', 'music', 'album', 'TV', 'show', 'actor', 'singer', 'award', 'festival', 'theatre'] },
  { id: 'sport', title: 'Sport', description: 'Football, rugby, tennis, athletics and other sports: matches, players and results.',
    keywords: ['match', 'team', 'player', 'coach', 'league', 'cup', 'goal', 'win', 'season', 'tournament'] },
  { id: 'tech', title: 'Technology', description: 'Computers, the internet, phones, games, gadgets and software.',
    keywords: ['software', 'internet', 'phone', 'computer', 'app', 'online', 'gadget', 'data', 'chip', 'games'] },
];

const themeOf = (title: string) => assignTheme(cluster({ title }), THEMES).themeId;

describe('a headline of names', () => {
  it.each([
    ['Hearts 3-1 Hibernian', 'sport'],
    ['Fly-half Ford rejoins Leicester', 'sport'],
    ['Humanoid robot learns to climb stairs', 'tech'],
  ])('"%s" goes to %s', (title, theme) => {
    expect(themeOf(title)).toBe(theme);
  });

  it('a headline that fits no theme still goes to Other', () => {
    expect(themeOf('Volunteers clean up the riverbank')).toBeNull();
  });
});

// Themes of a digest of distinct subjects, worded as a user would, shared by the theme tests that need one.
import type { ThemeConfig } from '../../src/types.js';

export const TOPIC_THEMES: ThemeConfig[] = [
  { id: 'business', title: 'Business', description: 'Companies, markets, jobs, trade and the wider economy.',
    keywords: ['company', 'shares', 'profit', 'market', 'economy', 'bank', 'jobs', 'sales', 'deal', 'trade'] },
  { id: 'entertainment', title: 'Entertainment', description: 'Films, music, television, theatre, celebrities and awards.',
    keywords: ['film', 'music', 'album', 'TV', 'show', 'actor', 'singer', 'award', 'festival', 'theatre'] },
  { id: 'sport', title: 'Sport', description: 'Football, rugby, tennis, athletics and other sports: matches, players and results.',
    keywords: ['match', 'team', 'player', 'coach', 'league', 'cup', 'goal', 'win', 'season', 'tournament'] },
  { id: 'tech', title: 'Technology', description: 'Computers, the internet, phones, games, gadgets and software.',
    keywords: ['software', 'internet', 'phone', 'computer', 'app', 'online', 'gadget', 'data', 'chip', 'games'] },
];

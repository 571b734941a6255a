// Themes of a digest of distinct subjects, worded as a user would, and a week of stories in them, shared by the
// theme tests that need one.
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

/** A week of distinct subjects: each story's headline and text. */
export const TOPIC_WEEK: [string, string][] = [
  ['Chipmaker profit beats forecasts', 'The company said quarterly profit rose by a third as demand for its processors from data centres kept growing.'],
  ['Bank raises interest rates again', 'The central bank lifted its main rate by a quarter point, saying prices were still rising faster than it wanted.'],
  ['Striker signs four-year deal', 'The club confirmed the forward has agreed a new contract after scoring twenty goals in the league this season.'],
  ['Champions knocked out of the cup', 'The holders lost on penalties to a second-division side after a goalless draw in front of a full stadium.'],
  ['Band announces farewell tour', 'The group will play twenty concerts across Europe next spring before going their separate ways, their label said.'],
  ['Drama sweeps the television awards', 'The period drama won five prizes, including best actress, at the ceremony in London on Sunday night.'],
  ['Ministers back new housing bill', 'The cabinet agreed a bill that would let councils build more homes on brownfield land, ahead of a vote in parliament.'],
  ['Opposition leader calls for early election', 'The leader of the opposition said the government had lost its majority and should let voters decide.'],
  ['Phone maker unveils folding handset', 'The new handset folds in half and goes on sale next month; the firm says its battery lasts two days.'],
  ['Hospital waiting lists fall for first time in years', 'Fewer patients are waiting more than a year for treatment, health officials said, after extra clinics opened.'],
  ['Scientists map the genes of a rare disease', 'Researchers found three genes linked to the condition, which could lead to a test for newborn babies.'],
];

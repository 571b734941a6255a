// Other users' words for the same sections (issue 14: "themes written as a user would"). Every tuning set
// carries one wording of its themes, written by us; section scores may depend on that wording. Each set
// family below has two more, as two other users might write them: same section ids, one sentence, 8–15
// generic keywords. They were written before any of them was measured, without looking at the sets'
// items or errors (`npm run eval -- --wording N`, `--wordings`; docs/evaluation.md).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { SetError, type EvalSet, type SetTheme } from './set-format.js';

/** set family (a set's name without -dev, -test, -headlines, -teasers) → the alternative wordings 1, 2, … */
export const WORDINGS: Record<string, SetTheme[][]> = {
  a: [
    [
      { id: 'arms', title: 'Weapons & attacks', description: 'Arms supplies to Ukraine, attacks and the fighting itself.',
        keywords: ['weapons', 'arms', 'missiles', 'drones', 'jets', 'tanks', 'air defence', 'ammunition', 'attack', 'strike', 'shelling', 'military aid'] },
      { id: 'talks', title: 'Diplomacy', description: 'Talks about ending the war, ceasefires, summits and agreements.',
        keywords: ['diplomacy', 'talks', 'negotiations', 'ceasefire', 'peace', 'summit', 'envoy', 'agreement', 'deal', 'mediation', 'prisoner swap', 'truce'] },
      { id: 'home', title: 'Domestic politics', description: 'Votes, laws, parliaments and public opinion in Ukraine and allied countries.',
        keywords: ['parliament', 'vote', 'law', 'bill', 'lawmakers', 'election', 'government', 'budget', 'poll', 'public opinion', 'opposition', 'coalition'] },
    ],
    [
      { id: 'arms', title: 'Military', description: 'Which weapons are sent, how they may be used, and strikes on both sides.',
        keywords: ['weapons deliveries', 'missiles', 'rockets', 'drones', 'fighter jets', 'artillery', 'air defence', 'strikes', 'bombing', 'military', 'ракети', 'дрони', 'зброя'] },
      { id: 'talks', title: 'Negotiations', description: 'Efforts to end the war: negotiations, mediators, prisoner exchanges and security guarantees.',
        keywords: ['negotiations', 'talks', 'peace plan', 'mediator', 'ceasefire', 'summit', 'prisoner exchange', 'security guarantees', 'envoy', 'diplomats', 'переговори', 'мир'] },
      { id: 'home', title: 'Politics', description: 'What parliaments, governments and voters decide at home about the war and aid.',
        keywords: ['parliament', 'MPs', 'senators', 'vote', 'aid package', 'law', 'referendum', 'elections', 'survey', 'mobilisation', 'депутати', 'Рада', 'опитування'] },
    ],
  ],
  c: [
    [
      { id: 'front', title: 'War & weapons', description: 'Fighting on the ground and in the air, and the weapons used.',
        keywords: ['war', 'battle', 'troops', 'attack', 'missile', 'drone', 'shelling', 'artillery', 'tanks', 'weapons', 'ammunition', 'air defence'] },
      { id: 'diplomacy', title: 'Foreign affairs', description: 'Relations between governments: talks, visits, treaties, sanctions and exchanges of prisoners.',
        keywords: ['diplomacy', 'talks', 'negotiations', 'visit', 'treaty', 'agreement', 'sanctions', 'ambassador', 'foreign ministers', 'ceasefire', 'prisoner swap', 'mediation'] },
      { id: 'politics', title: 'Politics', description: 'Parliaments, governments, parties and what they decide.',
        keywords: ['parliament', 'government', 'minister', 'vote', 'law', 'party', 'election', 'budget', 'tax', 'protest', 'referendum', 'coalition'] },
      { id: 'economy', title: 'Economy', description: 'Money, trade, energy and the cost of the war.',
        keywords: ['economy', 'money', 'trade', 'exports', 'energy', 'gas', 'oil', 'power', 'prices', 'inflation', 'bank', 'loan', 'debt'] },
    ],
    [
      { id: 'front', title: 'On the battlefield', description: 'Military news from the war: strikes, offensives, casualties and new arms.',
        keywords: ['military', 'offensive', 'frontline', 'strikes', 'casualties', 'killed', 'rockets', 'drones', 'army', 'soldiers', 'weapons aid', 'defence'] },
      { id: 'diplomacy', title: 'Peace efforts & diplomacy', description: 'Attempts to stop the war and international pressure on Russia.',
        keywords: ['peace talks', 'ceasefire', 'summit', 'envoy', 'mediator', 'diplomats', 'sanctions', 'prisoner exchange', 'security guarantees', 'United Nations', 'EU'] },
      { id: 'politics', title: 'Domestic politics', description: 'Decisions of lawmakers and governments in Ukraine and allied countries, including aid.',
        keywords: ['lawmakers', 'parliament', 'bill', 'legislation', 'government', 'president', 'vote', 'aid', 'budget', 'elections', 'polls'] },
      { id: 'economy', title: 'Business & energy', description: 'Economic news: markets, energy supply, agriculture, loans and rebuilding.',
        keywords: ['business', 'markets', 'energy', 'electricity', 'gas', 'grain', 'harvest', 'exports', 'loans', 'investment', 'rebuilding', 'currency'] },
    ],
  ],
  // d, e, g, i, l: written in session 46 before any measurement with them, from the sections' ids and titles
  // only, short as a user would write them (the sets' own wordings are long, detailed and ours)
  d: [
    [
      { id: 'battle', title: 'The war', description: 'Fighting, attacks and the weapons used in the war.',
        keywords: ['fighting', 'attack', 'front', 'troops', 'missiles', 'drones', 'artillery', 'air defence', 'weapons', 'killed', 'army', 'strike'] },
      { id: 'relations', title: 'Diplomacy', description: 'Talks, visits, sanctions and other dealings between governments over the war.',
        keywords: ['diplomacy', 'talks', 'negotiations', 'visit', 'summit', 'ceasefire', 'peace', 'sanctions', 'ambassador', 'foreign minister', 'agreement', 'prisoner exchange'] },
      { id: 'domestic', title: 'Politics', description: 'Parliaments, governments, elections and scandals at home.',
        keywords: ['parliament', 'government', 'minister', 'vote', 'law', 'bill', 'election', 'party', 'opposition', 'corruption', 'scandal', 'poll'] },
      { id: 'money', title: 'Economy', description: 'Money, energy and trade in wartime.',
        keywords: ['economy', 'money', 'budget', 'energy', 'electricity', 'gas', 'oil', 'trade', 'exports', 'loan', 'prices', 'bank'] },
    ],
    [
      { id: 'battle', title: 'Military', description: 'Strikes, battles and arms deliveries on both sides of the front.',
        keywords: ['military', 'strikes', 'battles', 'offensive', 'shelling', 'bombing', 'casualties', 'soldiers', 'rockets', 'tanks', 'arms deliveries', 'ammunition'] },
      { id: 'relations', title: 'International', description: 'How other countries deal with Ukraine and Russia, and attempts to make peace.',
        keywords: ['international', 'allies', 'leaders', 'meeting', 'peace talks', 'envoy', 'mediation', 'truce', 'security guarantees', 'sanctions', 'embassy', 'UN'] },
      { id: 'domestic', title: 'Home affairs', description: 'Decisions of lawmakers, ministers and voters in Ukraine and allied countries.',
        keywords: ['lawmakers', 'MPs', 'legislation', 'cabinet', 'prime minister', 'president', 'elections', 'coalition', 'investigation', 'protest', 'mobilisation', 'referendum'] },
      { id: 'money', title: 'Business & energy', description: 'Markets, energy supply, loans and the cost of rebuilding.',
        keywords: ['business', 'markets', 'power grid', 'fuel', 'tariffs', 'currency', 'inflation', 'debt', 'lenders', 'investment', 'reconstruction', 'shipping'] },
    ],
  ],
  e: [
    [
      { id: 'war', title: 'War', description: 'The fighting, the attacks on cities and the weapons sent to Ukraine.',
        keywords: ['war', 'combat', 'attack', 'front line', 'troops', 'missile', 'drone', 'shelling', 'artillery', 'air defence', 'weapons', 'killed'] },
      { id: 'diplomacy', title: 'Diplomacy', description: 'Negotiations, summits and relations between Ukraine, Russia and other countries.',
        keywords: ['diplomacy', 'negotiations', 'talks', 'summit', 'visit', 'ceasefire', 'peace deal', 'envoy', 'sanctions', 'EU', 'NATO', 'foreign ministers'] },
      { id: 'home', title: 'Politics', description: 'What parliaments, governments and voters decide.',
        keywords: ['politics', 'parliament', 'government', 'vote', 'law', 'bill', 'election', 'lawmakers', 'party', 'corruption', 'court', 'poll'] },
      { id: 'economy', title: 'Economy', description: 'Energy, money and trade during the war.',
        keywords: ['economy', 'energy', 'electricity', 'gas', 'oil', 'money', 'loan', 'aid', 'budget', 'trade', 'prices', 'bank'] },
    ],
    [
      { id: 'war', title: 'Battlefield', description: 'Military operations, strikes and arms supplies.',
        keywords: ['battlefield', 'military', 'offensive', 'strikes', 'bombardment', 'soldiers', 'casualties', 'rockets', 'tanks', 'fighter jets', 'ammunition', 'arms supplies'] },
      { id: 'diplomacy', title: 'Peace efforts', description: 'Attempts to end the war and pressure on Moscow from abroad.',
        keywords: ['peace', 'peace plan', 'mediators', 'truce', 'security guarantees', 'leaders', 'meeting', 'delegation', 'accession', 'allies', 'embargo', 'UN'] },
      { id: 'home', title: 'Domestic affairs', description: 'Governments, elections and scandals in Ukraine and its partner countries.',
        keywords: ['domestic', 'ministers', 'cabinet', 'president', 'legislation', 'Congress', 'elections', 'opposition', 'scandal', 'investigation', 'protests', 'referendum'] },
      { id: 'economy', title: 'Money & power', description: 'Power supplies, finance and the economy in wartime.',
        keywords: ['power supply', 'blackouts', 'heating', 'finance', 'grants', 'IMF', 'inflation', 'interest rates', 'currency', 'exports', 'investment', 'markets'] },
    ],
  ],
  g: [
    [
      { id: 'combat', title: 'The war', description: 'Fighting, bombardment and the weapons in use.',
        keywords: ['war', 'fighting', 'attack', 'troops', 'missiles', 'drones', 'shelling', 'artillery', 'weapons', 'air defence', 'killed', 'front line'] },
      { id: 'talks', title: 'Diplomacy', description: 'Peace talks, visits and sanctions.',
        keywords: ['diplomacy', 'peace talks', 'negotiations', 'ceasefire', 'visit', 'summit', 'envoy', 'sanctions', 'agreement', 'foreign minister', 'EU', 'allies'] },
      { id: 'governance', title: 'Politics', description: 'Governments, parliaments and courts.',
        keywords: ['politics', 'government', 'parliament', 'minister', 'vote', 'law', 'court', 'corruption', 'president', 'opposition', 'election', 'scandal'] },
      { id: 'finance', title: 'Economy & energy', description: 'Money, energy and the economy of the war.',
        keywords: ['economy', 'energy', 'gas', 'electricity', 'loan', 'aid', 'budget', 'prices', 'inflation', 'oil', 'banks', 'investment'] },
    ],
    [
      { id: 'combat', title: 'Military', description: 'Strikes on cities, battles on the front and arms deliveries.',
        keywords: ['military', 'strikes', 'offensive', 'soldiers', 'casualties', 'bombing', 'rockets', 'tanks', 'arms deliveries', 'ammunition', 'defence industry', 'army'] },
      { id: 'talks', title: 'Peace & foreign affairs', description: 'Efforts to stop the war and relations between countries.',
        keywords: ['peace', 'truce', 'mediators', 'leaders', 'meeting', 'phone call', 'peacekeepers', 'security guarantees', 'NATO', 'embargo', 'UN', 'delegation'] },
      { id: 'governance', title: 'State & justice', description: 'Who runs the country and how: laws, appointments and trials.',
        keywords: ['lawmakers', 'MPs', 'legislation', 'cabinet', 'appointment', 'dismissal', 'decree', 'trial', 'judges', 'investigation', 'bribery', 'parties'] },
      { id: 'finance', title: 'Money & power supply', description: 'Loans, grants, energy imports and rebuilding.',
        keywords: ['finance', 'grants', 'IMF', 'lenders', 'debt', 'power grid', 'blackouts', 'fuel', 'imports', 'reconstruction', 'currency', 'markets'] },
    ],
  ],
  i: [
    [
      { id: 'warfare', title: 'War', description: 'The fighting and the weapons.',
        keywords: ['war', 'fighting', 'attack', 'troops', 'missiles', 'drones', 'shelling', 'front line', 'weapons', 'ammunition', 'air defence', 'killed'] },
      { id: 'ceasefire', title: 'Diplomacy & sanctions', description: 'Talks to end the war and pressure on Russia.',
        keywords: ['diplomacy', 'talks', 'negotiations', 'ceasefire', 'peace', 'summit', 'envoy', 'visit', 'sanctions', 'prisoner exchange', 'war crimes', 'agreement'] },
      { id: 'polity', title: 'Politics', description: 'Parliaments, governments and courts.',
        keywords: ['politics', 'parliament', 'government', 'vote', 'law', 'bill', 'minister', 'president', 'court', 'corruption', 'election', 'opposition'] },
      { id: 'funds', title: 'Economy', description: 'Money, energy and trade.',
        keywords: ['economy', 'money', 'budget', 'loan', 'aid', 'energy', 'gas', 'electricity', 'trade', 'exports', 'prices', 'inflation'] },
    ],
    [
      { id: 'warfare', title: 'Military', description: 'Attacks, battles and arms supplies.',
        keywords: ['military', 'strikes', 'offensive', 'soldiers', 'casualties', 'bombing', 'rockets', 'artillery', 'tanks', 'arms', 'defence industry', 'army'] },
      { id: 'ceasefire', title: 'Peace efforts', description: 'Negotiations, mediators, prisoner swaps and sanctions on Moscow.',
        keywords: ['peace talks', 'mediation', 'truce', 'leaders', 'meeting', 'delegation', 'POWs', 'prisoner swap', 'security guarantees', 'asset freeze', 'tribunal', 'UN'] },
      { id: 'polity', title: 'Government & justice', description: 'Laws, appointments, investigations and trials.',
        keywords: ['lawmakers', 'MPs', 'legislation', 'cabinet', 'appointment', 'dismissed', 'decree', 'investigation', 'trial', 'judges', 'anti-corruption', 'reform'] },
      { id: 'funds', title: 'Money & energy', description: 'Funding, energy supply, shipping and markets.',
        keywords: ['finance', 'grants', 'donors', 'debt', 'IMF', 'power grid', 'blackouts', 'fuel', 'shipping', 'grain', 'markets', 'currency'] },
    ],
  ],
  l: [
    [
      { id: 'fighting', title: 'Fighting', description: 'Attacks and battles in the war.',
        keywords: ['fighting', 'attack', 'strike', 'missiles', 'drones', 'shelling', 'front line', 'troops', 'battle', 'killed', 'wounded', 'offensive'] },
      { id: 'weapons', title: 'Weapons', description: 'Arms supplies and the arms industry.',
        keywords: ['weapons', 'arms', 'military aid', 'deliveries', 'ammunition', 'tanks', 'artillery', 'air defence', 'jets', 'contract', 'defence industry', 'factory'] },
      { id: 'talks', title: 'Diplomacy', description: 'Talks, summits and sanctions.',
        keywords: ['diplomacy', 'talks', 'negotiations', 'ceasefire', 'peace', 'summit', 'visit', 'envoy', 'sanctions', 'agreement', 'foreign minister', 'UN'] },
      { id: 'politics', title: 'Politics', description: 'Governments, parliaments and corruption.',
        keywords: ['politics', 'government', 'parliament', 'minister', 'vote', 'law', 'election', 'president', 'corruption', 'scandal', 'investigation', 'resignation'] },
      { id: 'economy', title: 'Economy', description: 'Money, energy and trade.',
        keywords: ['economy', 'money', 'budget', 'loan', 'bank', 'energy', 'gas', 'electricity', 'trade', 'exports', 'investment', 'prices'] },
      { id: 'civilians', title: 'Civilians', description: 'How ordinary people live through the war and the help they get.',
        keywords: ['civilians', 'refugees', 'evacuation', 'humanitarian aid', 'families', 'children', 'displaced', 'shelter', 'volunteers', 'hospital', 'prisoners of war', 'aid convoy'] },
    ],
    [
      { id: 'fighting', title: 'On the front', description: 'Strikes on cities and combat at the front.',
        keywords: ['frontline', 'combat', 'bombing', 'air raid', 'rocket', 'casualties', 'soldiers', 'advance', 'retreat', 'army', 'explosions', 'shot down'] },
      { id: 'weapons', title: 'Arms & aid', description: 'Which weapons allies send and who makes them.',
        keywords: ['arms package', 'military assistance', 'missiles', 'drones', 'howitzers', 'shells', 'armoured vehicles', 'air defence systems', 'fighter jets', 'production', 'procurement', 'defence companies'] },
      { id: 'talks', title: 'Peace efforts', description: 'Negotiations and meetings of leaders about ending the war.',
        keywords: ['peace talks', 'truce', 'mediation', 'leaders', 'meeting', 'delegation', 'security guarantees', 'peace plan', 'EU', 'NATO', 'embargo', 'allies'] },
      { id: 'politics', title: 'Government', description: 'Laws, appointments and scandals in Kyiv and Moscow.',
        keywords: ['lawmakers', 'MPs', 'legislation', 'cabinet', 'appointed', 'dismissed', 'governor', 'elections', 'bribery', 'court', 'protest', 'opposition'] },
      { id: 'economy', title: 'Money & business', description: 'Loans, budgets, energy and rebuilding.',
        keywords: ['finance', 'loans', 'grants', 'central bank', 'interest rates', 'inflation', 'frozen assets', 'reconstruction', 'markets', 'grain', 'shipping', 'power grid'] },
      { id: 'civilians', title: 'People', description: 'Evacuations, refugees, aid and prisoners coming home.',
        keywords: ['people', 'evacuees', 'refugees', 'aid deliveries', 'food', 'water', 'homeless', 'children', 'orphans', 'prisoner exchange', 'returned', 'volunteers'] },
    ],
  ],
  'uci-news': [
    [
      { id: 'business', title: 'Business', description: 'News about companies, the economy, markets and personal finance.',
        keywords: ['business', 'economy', 'market', 'shares', 'company', 'earnings', 'bank', 'trade', 'prices', 'investment', 'CEO', 'inflation'] },
      { id: 'tech', title: 'Technology & science', description: 'Gadgets, apps, the web, tech companies and new research in science.',
        keywords: ['tech', 'gadgets', 'phone', 'apps', 'software', 'internet', 'web', 'hackers', 'robots', 'science', 'space', 'climate'] },
      { id: 'entertainment', title: 'Entertainment', description: 'Movies, TV shows, music and celebrity news.',
        keywords: ['movies', 'films', 'TV series', 'television', 'music', 'songs', 'concert', 'celebrities', 'Hollywood', 'box office', 'premiere', 'reality show'] },
      { id: 'health', title: 'Health & medicine', description: 'Medical news, illnesses, treatments, fitness and healthy eating.',
        keywords: ['medicine', 'illness', 'disease', 'treatment', 'doctor', 'hospital', 'outbreak', 'flu', 'cancer', 'obesity', 'fitness', 'nutrition'] },
    ],
    [
      { id: 'business', title: 'Money & economy', description: 'What is happening in the economy, on the stock market and at big firms.',
        keywords: ['stock market', 'shares', 'firms', 'economy', 'growth', 'jobs', 'banking', 'mergers', 'revenue', 'prices', 'currency', 'trade'] },
      { id: 'tech', title: 'Tech', description: 'Technology news: devices, software, the internet and discoveries in science.',
        keywords: ['devices', 'smartphones', 'computers', 'software', 'internet', 'online services', 'social media', 'startups', 'security', 'science', 'discovery', 'space exploration'] },
      { id: 'entertainment', title: 'Culture & celebrities', description: 'Stars, films, TV, music and what happens in showbiz.',
        keywords: ['stars', 'celebrity', 'showbiz', 'film', 'cinema', 'TV', 'series', 'music', 'album', 'tour', 'awards', 'gossip'] },
      { id: 'health', title: 'Health', description: 'Wellbeing, illness and medical research.',
        keywords: ['health', 'wellbeing', 'illness', 'medical research', 'doctors', 'patients', 'drugs', 'vaccines', 'infection', 'mental health', 'diet', 'exercise'] },
    ],
  ],
  agnews: [
    [
      { id: 'world', title: 'World', description: 'Politics and conflicts in other countries, international relations and diplomacy.',
        keywords: ['politics', 'diplomacy', 'conflict', 'war', 'elections', 'government', 'prime minister', 'rebels', 'military', 'peace talks', 'protests', 'refugees'] },
      { id: 'sports', title: 'Sport', description: 'All sports news: matches, results, athletes and competitions.',
        keywords: ['sport', 'match', 'results', 'athletes', 'competition', 'tournament', 'football', 'baseball', 'basketball', 'tennis', 'golf', 'final'] },
      { id: 'business', title: 'Business', description: 'The economy, companies, financial markets and industry.',
        keywords: ['economy', 'companies', 'financial', 'markets', 'stock', 'investors', 'earnings', 'merger', 'industry', 'retail', 'inflation', 'jobs'] },
      { id: 'scitech', title: 'Sci/Tech', description: 'Technology, computing, the internet and scientific research.',
        keywords: ['tech', 'computing', 'internet', 'software', 'gadgets', 'mobile', 'security', 'science', 'research', 'space', 'study', 'discovery'] },
    ],
    [
      { id: 'world', title: 'International', description: 'What governments, leaders and armies do around the globe.',
        keywords: ['leaders', 'government', 'parliament', 'vote', 'army', 'fighting', 'bombing', 'hostages', 'treaty', 'embassy', 'crisis', 'foreign'] },
      { id: 'sports', title: 'Sports', description: 'Games, teams and players across every sport.',
        keywords: ['games', 'teams', 'players', 'coach', 'win', 'defeat', 'championship', 'league', 'season', 'olympic', 'title', 'stadium'] },
      { id: 'business', title: 'Business & finance', description: 'Money matters: firms, profits, deals, trade and the markets.',
        keywords: ['firm', 'profits', 'deal', 'trade', 'stocks', 'shares', 'prices', 'oil', 'dollar', 'bank', 'sales', 'investment'] },
      { id: 'scitech', title: 'Science & tech', description: 'New technology, gadgets, software, the web and discoveries in science and space.',
        keywords: ['technology', 'gadget', 'software', 'web', 'online', 'computers', 'chips', 'wireless', 'scientists', 'space', 'researchers', 'planet'] },
    ],
  ],
  bbc: [
    [
      { id: 'business', title: 'Business', description: 'Companies, the economy and financial markets.',
        keywords: ['business', 'company', 'economy', 'markets', 'stock', 'profit', 'growth', 'inflation', 'bank', 'interest rates', 'trade', 'firm'] },
      { id: 'entertainment', title: 'Entertainment', description: 'Films, music, TV and the arts.',
        keywords: ['film', 'cinema', 'music', 'singer', 'band', 'TV', 'series', 'theatre', 'arts', 'awards', 'star', 'book'] },
      { id: 'politics', title: 'Politics', description: 'Government, parties, elections and parliament.',
        keywords: ['politics', 'government', 'party', 'election', 'parliament', 'minister', 'vote', 'tax', 'policy', 'opposition', 'campaign', 'reform'] },
      { id: 'sport', title: 'Sport', description: 'All sport: football, cricket, rugby, tennis and athletics.',
        keywords: ['sport', 'football', 'cricket', 'rugby', 'tennis', 'athletics', 'match', 'team', 'player', 'goal', 'win', 'championship'] },
      { id: 'tech', title: 'Technology', description: 'Gadgets, computers, the web and games.',
        keywords: ['technology', 'gadgets', 'computer', 'web', 'internet', 'phone', 'software', 'video games', 'broadband', 'digital', 'online', 'security'] },
    ],
    [
      { id: 'business', title: 'Economy & firms', description: 'What businesses, banks and the economy are doing, from jobs to share prices.',
        keywords: ['firms', 'banks', 'jobs', 'share prices', 'profits', 'sales', 'deal', 'takeover', 'exports', 'oil', 'currency', 'economic'] },
      { id: 'entertainment', title: 'Culture', description: 'Cinema, pop music, television, books and showbusiness.',
        keywords: ['movie', 'pop', 'chart', 'album', 'concert', 'television', 'show', 'actor', 'actress', 'director', 'prize', 'showbiz'] },
      { id: 'politics', title: 'UK politics', description: 'What ministers, MPs and parties say and decide.',
        keywords: ['ministers', 'MPs', 'Commons', 'vote', 'election', 'leader', 'bill', 'law', 'government', 'spokesman', 'manifesto', 'immigration'] },
      { id: 'sport', title: 'Sports', description: 'Results, players, coaches and competitions across sports.',
        keywords: ['results', 'players', 'coach', 'season', 'league', 'cup', 'final', 'champion', 'victory', 'defeat', 'injury', 'squad'] },
      { id: 'tech', title: 'Tech & gadgets', description: 'New devices, software, internet services and video games.',
        keywords: ['devices', 'gadget', 'software', 'internet', 'mobile phones', 'net', 'users', 'games console', 'hackers', 'virus', 'digital music', 'website'] },
    ],
  ],
  ecbplus: [
    [
      { id: 'world', title: 'World news', description: 'Politics, governments and conflicts across the world.',
        keywords: ['politics', 'government', 'leader', 'president', 'election', 'war', 'troops', 'protest', 'diplomat', 'rebels', 'parliament', 'riot'] },
      { id: 'crime', title: 'Crime', description: 'Crimes, the police and the courts.',
        keywords: ['crime', 'police', 'arrest', 'murder', 'robbery', 'theft', 'court', 'trial', 'sentence', 'jail', 'suspect', 'gun'] },
      { id: 'disasters', title: 'Disasters', description: 'Natural disasters, accidents and emergencies.',
        keywords: ['disaster', 'earthquake', 'quake', 'tsunami', 'flood', 'fire', 'explosion', 'crash', 'accident', 'emergency', 'dead', 'injured'] },
      { id: 'sport', title: 'Sport', description: 'Sports news: games, athletes and competitions.',
        keywords: ['sport', 'game', 'athlete', 'competition', 'tournament', 'boxing', 'football', 'basketball', 'coach', 'team', 'victory', 'title'] },
      { id: 'entertainment', title: 'Entertainment', description: 'Movies, TV, music and celebrity news.',
        keywords: ['movie', 'film', 'TV', 'music', 'singer', 'celebrity', 'actress', 'actor', 'awards', 'show', 'premiere', 'concert'] },
      { id: 'business', title: 'Business & tech', description: 'Companies, markets, technology and gadgets.',
        keywords: ['business', 'company', 'market', 'stock', 'merger', 'takeover', 'CEO', 'technology', 'gadget', 'smartphone', 'computer', 'internet'] },
    ],
    [
      { id: 'world', title: 'Politics & world affairs', description: 'What governments, politicians and armies do at home and abroad.',
        keywords: ['government', 'politician', 'minister', 'vote', 'campaign', 'army', 'military', 'conflict', 'diplomacy', 'talks', 'demonstration', 'ambassador'] },
      { id: 'crime', title: 'Crime & justice', description: 'Arrests, investigations, trials and verdicts.',
        keywords: ['arrested', 'investigation', 'detectives', 'charges', 'killing', 'shot', 'stabbing', 'trial', 'verdict', 'prison', 'lawyer', 'victim'] },
      { id: 'disasters', title: 'Accidents & disasters', description: 'When nature or an accident causes damage and casualties.',
        keywords: ['quake', 'storm', 'hurricane', 'wildfire', 'blaze', 'plane crash', 'collision', 'derailment', 'casualties', 'survivors', 'evacuated', 'destroyed'] },
      { id: 'sport', title: 'Sports', description: 'Matches, players, coaches and results in every sport.',
        keywords: ['match', 'players', 'coach', 'manager', 'season', 'league', 'cup', 'championship', 'fight', 'win', 'defeat', 'signing'] },
      { id: 'entertainment', title: 'Showbiz', description: 'Stars of film, TV and music and what happens in their lives.',
        keywords: ['star', 'Hollywood', 'film', 'series', 'album', 'singer', 'band', 'celebrity', 'award', 'red carpet', 'director', 'cast'] },
      { id: 'business', title: 'Business & technology', description: 'Firms, deals, products, tech companies and the web.',
        keywords: ['firm', 'deal', 'buy', 'acquisition', 'shares', 'profit', 'product', 'launch', 'tech', 'software', 'internet', 'device'] },
    ],
  ],
  // written in session 8 before any measurement with them, without looking at the set's items or errors, and
  // without the subjects its description and first report name (the budget bills, Afghanistan, vaccine mandates)
  allsides: [
    [
      { id: 'politics', title: 'Washington', description: 'What Congress, the president, the parties and the courts do in American politics.',
        keywords: ['Congress', 'Senate', 'House', 'president', 'administration', 'Republicans', 'Democrats', 'lawmakers', 'legislation', 'campaign', 'election', 'court', 'governor'] },
      { id: 'world', title: 'Around the world', description: 'News from other countries: conflicts, foreign governments and America abroad.',
        keywords: ['foreign', 'war', 'troops', 'invasion', 'diplomacy', 'allies', 'embassy', 'refugees', 'regime', 'prime minister', 'talks', 'nuclear'] },
      { id: 'economy', title: 'Money', description: 'The economy, jobs, prices, taxes and government spending, and big business.',
        keywords: ['economy', 'jobs', 'unemployment', 'inflation', 'prices', 'tax', 'spending', 'debt', 'growth', 'trade', 'company', 'stocks'] },
      { id: 'health', title: 'Health', description: 'The pandemic, vaccines and health care.',
        keywords: ['COVID-19', 'coronavirus', 'vaccine', 'vaccination', 'disease', 'masks', 'cases', 'hospitals', 'CDC', 'FDA', 'doctors', 'health care'] },
    ],
    [
      { id: 'politics', title: 'Politics', description: 'Elections, parties, laws and the fights between the White House and Capitol Hill.',
        keywords: ['politics', 'vote', 'voters', 'bill', 'filibuster', 'senators', 'GOP', 'Democratic', 'impeachment', 'Supreme Court', 'justice', 'investigation'] },
      { id: 'world', title: 'International', description: 'Foreign affairs, wars and crises abroad, and relations between nations.',
        keywords: ['international', 'military', 'ceasefire', 'sanctions', 'ambassador', 'summit', 'border', 'protests', 'government', 'attack', 'United Nations'] },
      { id: 'economy', title: 'Economy', description: 'How the economy is doing: work, wages, prices, budgets and markets.',
        keywords: ['economic', 'workers', 'wages', 'labor', 'budget', 'deficit', 'markets', 'business', 'supply chain', 'shortages', 'energy', 'housing'] },
      { id: 'health', title: 'Public health', description: 'Covid, vaccines, hospitals and the health of Americans.',
        keywords: ['pandemic', 'virus', 'vaccines', 'booster', 'variant', 'outbreak', 'testing', 'health officials', 'public health', 'patients', 'medicine'] },
    ],
  ],
};

/** Sets read with another family's themes, and so with its wordings: HuffPost with the aggregator's. */
const SAME_THEMES: Record<string, string> = { huffpost: 'uci-news' };

/** The family a set belongs to: `ecbplus-dev-headlines` → `ecbplus`, `a-teasers` → `a`. */
export function familyOf(setName: string): string {
  const family = setName.replace(/-(headlines|teasers)$/, '').replace(/-(dev|test)$/, '');
  return SAME_THEMES[family] ?? family;
}

/** How many alternative wordings a set has (0: only its own). */
export function wordingsOf(setName: string): number {
  return WORDINGS[familyOf(setName)]?.length ?? 0;
}

/** The set read with wording `n` of its themes (0: its own), named so in the table. */
export function withWording(set: EvalSet, n: number): EvalSet {
  if (n === 0) return set;
  const themes = WORDINGS[familyOf(set.meta.name)]?.[n - 1];
  if (!themes) throw new SetError(`--wording ${n}: the set ${set.meta.name} has ${wordingsOf(set.meta.name)} other wordings`);
  return { ...set, meta: { ...set.meta, name: `${set.meta.name} w${n}`, themes }, wording: n };
}

/**
 * A copy of a set's own config (set a: its real feeds) with the set's themes, written under `dir`; feed
 * paths made absolute, state kept in `dir`.
 */
export function rewordConfig(config: string, themes: SetTheme[], dir: string): string {
  const raw = parseYaml(readFileSync(config, 'utf8')) as Record<string, unknown> & { feeds: { path?: string }[] };
  const base = path.dirname(config);
  const feeds = raw.feeds.map((f) => (f.path ? { ...f, path: path.resolve(base, f.path) } : f));
  const out = path.join(dir, 'config.yaml');
  writeFileSync(out, stringify({ ...raw, feeds, themes, state: path.join(dir, 'state') }));
  return out;
}

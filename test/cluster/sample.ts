// Small hand-written items for the clustering tests (invented events and wording).
import type { Item } from '../../src/types.js';
import { clusterItems } from '../../src/cluster/index.js';

let counter = 0;

export function item(fields: Partial<Item> & { feed: string; title: string; published: string; text?: string }): Item {
  const guid = fields.guid ?? `g${++counter}`;
  const text = fields.text ?? fields.lead ?? '';
  return {
    key: `${fields.feed}:${guid}`,
    feedName: fields.feedName ?? fields.feed.toUpperCase(),
    url: fields.url ?? `https://${fields.feed}.example/${guid}`,
    canonicalUrl: fields.canonicalUrl ?? fields.url ?? `https://${fields.feed}.example/${guid}`,
    lead: fields.lead ?? text.split(/(?<=\.)\s/)[0],
    ...fields,
    guid,
    text,
  };
}

/** A headline with no lead or text. */
export const bare = (feed: string, title: string, published: string): Item => item({ feed, title, published, text: '' });

/** The sorted keys of the story `key` ends in when `items` are clustered. */
export const storyOf = (items: Item[], key: string): string[] =>
  clusterItems(items).clusters.find((c) => c.items.some((i) => i.key === key))!.items.map((i) => i.key).sort();

/** Background coverage on other events, so term statistics look like a real week. */
export function backgroundWeek(): Item[] {
  return [
    item({ feed: 'bg1', title: 'Kharkiv power plant hit in overnight drone attack', published: '2026-03-03T06:00:00Z',
      text: 'Drones struck a thermal power plant in Kharkiv overnight, cutting electricity to 90,000 homes, the mayor said.' }),
    item({ feed: 'bg2', title: 'Prisoner exchange returns 60 soldiers to Ukraine', published: '2026-03-04T12:00:00Z',
      text: 'Ukraine and Russia each released 60 prisoners of war in a swap mediated by Qatar, officials in Kyiv said.' }),
    item({ feed: 'bg3', title: 'Senate panel advances Ukraine aid bill', published: '2026-03-04T20:00:00Z',
      text: 'A Senate committee voted 19 to 10 to advance a Ukraine aid bill, sending it to the full chamber.' }),
    item({ feed: 'bg1', title: 'Swiss host planning meeting for peace conference', published: '2026-03-03T15:00:00Z',
      text: 'Advisers from 30 countries met in Geneva to plan a peace conference on Ukraine; Russia was not invited.' }),
    item({ feed: 'bg2', title: 'Poland opens new border crossing for aid convoys', published: '2026-03-05T09:00:00Z',
      text: 'Poland opened a new crossing near Dorohusk to speed up humanitarian convoys heading to Ukraine.' }),
    item({ feed: 'bg3', title: 'Grain exports from Odesa ports rise again', published: '2026-03-05T14:00:00Z',
      text: 'Ships carried 4 million tonnes of grain from ports around Odesa last month, the agriculture ministry said.' }),
  ];
}

/** One government's jet pledge, told three ways. */
export const jetPledge = () => [
  item({ feed: 'alpha', title: 'Norway to give Ukraine six more F-16 fighter jets', published: '2026-03-03T09:00:00Z',
    text: 'Norway will donate six additional F-16 fighter jets to Ukraine, Defence Minister Tore Sandvik said on Tuesday. The aircraft will be delivered after maintenance at Bodø.' }),
  item({ feed: 'beta', title: 'Oslo pledges extra F-16s for Kyiv', published: '2026-03-03T13:30:00Z',
    text: 'Six more F-16 jets are going from Norway to Ukraine, according to Tore Sandvik, the defence minister. The fighters need an overhaul at Bodø first.' }),
  item({ feed: 'gamma', title: 'Six Norwegian fighter jets promised to Ukraine', published: '2026-03-04T07:00:00Z',
    text: 'Defence Minister Tore Sandvik announced that Norway is pledging six further F-16 fighter jets to Ukraine once maintenance at Bodø is finished.' }),
];

/** The same government, the same jets, the same minister, the same week — but a trainer mission, not a pledge. */
export const trainerMission = () => [
  item({ feed: 'alpha', title: 'Norway to lead F-16 pilot training mission for Ukraine', published: '2026-03-05T08:00:00Z',
    text: 'Norway will lead a training mission for Ukrainian F-16 fighter jet pilots at Bodø from May, sending 40 instructors, Defence Minister Tore Sandvik said on Thursday.' }),
  item({ feed: 'delta', title: 'Norwegian instructors to train Ukraine\'s F-16 pilots at Bodø', published: '2026-03-05T11:00:00Z',
    text: 'Forty Norwegian instructors will train Ukrainian pilots to fly F-16 fighter jets at Bodø from May, Defence Minister Tore Sandvik announced.' }),
];

/** A permission to strike, and days later the strike itself. */
export const strikePermission = () => [
  item({ feed: 'alpha', title: 'Britain allows Ukraine to fire Storm Shadow missiles into Russia', published: '2026-03-04T12:00:00Z',
    text: 'Britain has authorised Ukraine to use Storm Shadow missiles against military targets inside Russia, officials said, lifting a restriction Kyiv had long opposed.' }),
  item({ feed: 'beta', title: 'London lifts restriction on Storm Shadow use inside Russia', published: '2026-03-04T16:00:00Z',
    text: 'Ukraine may now use British Storm Shadow missiles against military targets in Russia after London authorised it, lifting a long-standing restriction.' }),
];

export const strikeItself = () => [
  item({ feed: 'gamma', title: 'Ukraine fires Storm Shadow missiles at Russian airfield near Millerovo', published: '2026-03-06T07:00:00Z',
    text: "Ukrainian forces struck the Millerovo airfield in Russia's Rostov region overnight, destroying two helicopters and an ammunition store, the general staff said. The attack came days after London lifted its restriction on using Storm Shadow missiles inside Russia." }),
  item({ feed: 'delta', title: 'Storm Shadow strike on Millerovo airfield destroys two helicopters, Kyiv says', published: '2026-03-06T09:30:00Z',
    text: 'An overnight strike with Storm Shadow missiles hit the Millerovo airfield in the Rostov region, destroying two helicopters and an ammunition store, Ukraine said. It was the first such attack since Britain authorised targets inside Russia.' }),
];

/** Ukrainian-language coverage of two different events. */
export const cyrillicWeek = () => [
  item({ feed: 'uk1', title: 'Над Києвом сили ППО збили 12 ворожих дронів', published: '2026-03-04T05:00:00Z',
    text: 'Уночі сили ППО знищили 12 ударних дронів над Києвом, уламки пошкодили два автомобілі.' }),
  item({ feed: 'uk2', title: 'Нічна атака дронів на Київ: ППО збила 12 безпілотників', published: '2026-03-04T07:30:00Z',
    text: 'Повітряні сили повідомили, що над Києвом ППО збила 12 ударних дронів, пошкоджено два автомобілі.' }),
  item({ feed: 'uk1', title: 'Уряд виділив 3 млрд гривень на ремонт шкіл', published: '2026-03-05T10:00:00Z',
    text: 'Кабінет міністрів спрямував 3 млрд гривень на ремонт шкіл та будівництво укриттів у прифронтових громадах.' }),
  item({ feed: 'uk2', title: 'На ремонт шкіл і укриттів уряд спрямує 3 млрд гривень', published: '2026-03-05T15:00:00Z',
    text: 'Уряд ухвалив рішення виділити 3 млрд гривень на ремонт шкіл та укриттів у громадах поблизу фронту.' }),
];

/** The same kind of news from two different governments on the same day: two stories. */
export const airDefenceGermany = () => [
  item({ feed: 'alpha', title: 'Germany to send two more IRIS-T air defence systems to Ukraine', published: '2026-03-04T09:00:00Z',
    text: 'Germany will deliver two additional IRIS-T air defence systems to Ukraine by the summer, Defence Minister Boris Pistorius said on Wednesday.' }),
  item({ feed: 'beta', title: 'Berlin pledges extra IRIS-T systems for Kyiv', published: '2026-03-04T12:00:00Z',
    text: 'Two more IRIS-T air defence systems will go from Germany to Ukraine before summer, according to Boris Pistorius.' }),
];

export const airDefenceItaly = () => [
  item({ feed: 'gamma', title: 'Italy to send a second SAMP/T air defence system to Ukraine', published: '2026-03-04T15:00:00Z',
    text: 'Italy will deliver a second SAMP/T air defence system to Ukraine by the summer, Defence Minister Guido Crosetto said on Wednesday.' }),
  item({ feed: 'delta', title: 'Rome pledges another SAMP/T battery for Kyiv', published: '2026-03-04T18:00:00Z',
    text: 'A second SAMP/T air defence system will go from Italy to Ukraine before summer, according to Guido Crosetto.' }),
];

/** One big event that sixty outlets covered, each in one of several wordings. */
export function bigEvent(count = 60): Item[] {
  const titles = [
    'Leaders agree ceasefire monitoring mission at Vienna summit',
    'Vienna summit backs ceasefire monitors for Zaporizhzhia front',
    'OSCE to send 400 ceasefire monitors after Vienna talks',
    'Ceasefire monitoring deal reached in Vienna',
    'Summit in Vienna sets up 400-strong monitoring mission',
    'Monitors to oversee ceasefire under Vienna agreement',
  ];
  const leads = [
    'Leaders meeting in Vienna agreed to send 400 OSCE monitors to oversee a ceasefire along the Zaporizhzhia front line.',
    'An OSCE mission of 400 monitors will watch over the ceasefire on the Zaporizhzhia front, leaders agreed at the Vienna summit.',
    'The Vienna summit ended with agreement on a 400-member OSCE ceasefire monitoring mission for the Zaporizhzhia front.',
    'OSCE monitors, 400 of them, are to oversee the ceasefire near Zaporizhzhia after leaders agreed the mission in Vienna.',
    'A ceasefire monitoring mission of 400 OSCE observers for the Zaporizhzhia front was agreed by leaders in Vienna.',
  ];
  const extras = [
    'Diplomats said the first observers could deploy within a month.',
    'Kyiv welcomed the decision but asked for guarantees.',
    'Moscow said it would study the mandate.',
    'The mission will report weekly to the OSCE council.',
    'Funding will come from the participating states.',
    'Observers will use drones and satellite images.',
    'The talks lasted two days.',
  ];
  return Array.from({ length: count }, (_, k) =>
    item({ feed: `o${k}`, title: titles[k % titles.length], published: new Date(Date.UTC(2026, 2, 5, 8) + k * 20 * 60_000).toISOString(),
      text: `${leads[k % leads.length]} ${extras[k % extras.length]} ${extras[(k * 3 + 1) % extras.length]}` }));
}

/** The same city hit twice in one week: two events. */
export const odesaMonday = () => [
  item({ feed: 'a', title: 'Russian missile strike on Odesa port kills three', published: '2026-03-02T07:00:00Z',
    text: 'A Russian ballistic missile hit a grain terminal in Odesa port overnight, killing three workers and wounding eight, Governor Oleh Kiper said.' }),
  item({ feed: 'b', title: 'Three dead as missile hits Odesa grain terminal', published: '2026-03-02T09:00:00Z',
    text: 'Three port workers were killed and eight wounded when a Russian missile struck a grain terminal in Odesa, regional governor Oleh Kiper said on Monday.' }),
];

export const odesaWednesday = () => [
  item({ feed: 'a', title: 'Drone attack on Odesa damages power substation', published: '2026-03-04T06:00:00Z',
    text: 'Russian drones hit a power substation in Odesa overnight, leaving 40,000 homes without electricity, Governor Oleh Kiper said. No one was hurt.' }),
  item({ feed: 'c', title: 'Odesa homes lose power after overnight drone strike', published: '2026-03-04T08:30:00Z',
    text: 'About 40,000 households in Odesa lost electricity after Russian drones struck a substation overnight, according to Governor Oleh Kiper.' }),
];

/** Headline-only feeds: a purchase and, the next day, a training course with the same actors. */
export const headlinesOnly = () => ({
  purchase: [
    item({ feed: 'a', title: 'Poland to buy 96 Apache helicopters in $12bn deal', published: '2026-03-03T07:00:00Z', text: '' }),
    item({ feed: 'b', title: 'Poland signs $12 billion deal for 96 Apache helicopters', published: '2026-03-03T09:00:00Z', text: '' }),
    item({ feed: 'c', title: 'Warsaw orders 96 Apaches worth $12bn', published: '2026-03-03T12:00:00Z', text: '' }),
  ],
  training: [
    item({ feed: 'a', title: 'Poland trains Ukrainian Apache helicopter crews', published: '2026-03-04T07:00:00Z', text: '' }),
    item({ feed: 'd', title: 'Ukrainian helicopter crews begin training in Poland', published: '2026-03-04T10:00:00Z', text: '' }),
  ],
});

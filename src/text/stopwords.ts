// Function words that say nothing about which event a text reports.
// Kept short on purpose: rarer filler is already discounted by IDF.

const ENGLISH = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your yours yourself yourselves
said says say saying told tells according reported reports reportedly added adding would could may might must shall
new one two three four five six seven eight nine ten first second last next week weeks day days year years
month months time times today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
mr mrs ms per via amid among around across against despite within without upon since though although yet still
ago already well much many several another including include includes included`;

// Ukrainian function words (and a few Russian ones that turn up in mixed feeds).
const UKRAINIAN = `і й та а але або чи що щоб як так же ж не ні ну у в на з із зі до від по про за для при під над між через
після перед без біля коло серед його її їх він вона воно вони ми ви я ти це цей ця ці той та те ті який яка яке які
котрий свій своя своє свої був була було були бути є буде будуть може можуть також вже ще лише тільки дуже саме
тому коли де там тут хто чому цьому цього цих цим цією якщо навіть усі всі весь вся все інші інший інша
заявив заявила заявили повідомив повідомила повідомили повідомляє каже сказав сказала зазначив зазначила
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня`;

function toSet(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

export const STOP_WORDS: ReadonlySet<string> = new Set([...toSet(ENGLISH), ...toSet(UKRAINIAN)]);

/** Always capitalised in English, yet never a named actor: must not count as entities. */
export const CAPITALISED_NON_ENTITIES: ReadonlySet<string> = toSet(`monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december i`);

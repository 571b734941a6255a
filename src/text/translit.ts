// Cyrillic written in Latin letters, after the Ukrainian national system (KMU 2010), with the Russian letters it
// lacks: "Укрінформ" → "ukrinform", "Радіо Свобода" → "radio svoboda". For ids made from names (./slug.ts), and
// under the spelling-tolerant keys that match names across scripts (src/cluster/translit.ts).

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i',
  й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia', '’': '', "'": '', ʼ: '',
  // Russian letters
  ы: 'y', э: 'e', ё: 'e', ъ: '',
};

/** Lower-case Cyrillic (Ukrainian or Russian) to Latin letters, KMU 2010 style; other characters pass through. */
export function transliterate(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) out += CYRILLIC_TO_LATIN[ch] ?? ch;
  return out;
}

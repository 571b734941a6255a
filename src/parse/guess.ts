// Last-resort guess for bytes that carry no charset anywhere and are not UTF-8.
// Each candidate decoding is scored by how much it looks like real text in that candidate's script:
//   - windows-1252: accented letters sit inside otherwise ASCII words ("café"), not in long runs;
//   - windows-1251 / KOI8-R / KOI8-U: Cyrillic words are mostly lower case (the wrong one of the two yields upper case);
//   - CJK double-byte encodings: decode without errors and hit frequent Han characters, Kana or Hangul.
import iconv from 'iconv-lite';

// frequent Han characters (simplified and traditional forms) in news text
const COMMON_HAN = new Set(
  '的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制身果加西斯月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题題活尔爾更别別打女变變四神总總何电電数數安少报報才结結反受目太量再感建务務做接必场場件计計管期市直德资資命山金指克许許统統区區保至队隊形社便空决決治展马馬科司五基眼书書非则則听聽白却界达達光放强強即像难難且权權思王象完设設式色路记記南品住告类類求据據程北边邊死张張该該交规規万萬取拉格望觉覺术術领領共确確传傳师師观觀清今切院让讓识識候带帶导導争爭运運笑飞飛风風步改收根干造言联聯持组組每济濟车車亲親极極林服快办辦议議往元英士证證近失转轉夫令准準布始怎呢存未远遠叫台单單影具罗羅字爱愛击擊流备備兵连連调調深商算质質团團集百需价價花党黨华華城石级級整府离離况況亚亞请請技际際约約示复復病息究线線似官火断斷精满滿支视視消越器容照须須九增研写寫称稱企八功吗嗎包片史委乎查轻輕易早曾除农農找装裝广廣显顯吧阿李标標谈談吃图圖念六引历歷首医醫局突专專费費号號尽盡另周较較注语語仅僅考落青随隨选選列武红紅响響虽雖推势勢参參希古众眾构構房半节節土投某案黑维維革划劃敌敵致陈陳律足态態护護七兴興派孩验驗责責营營星够夠章音跟志底站严嚴巴例防族供效续續施留讲講型料终終答紧緊黄黃绝絕奇察母京段依批群项項故按河米围圍江织織害斗双雙境客纪紀采竟称',
);

interface Candidate {
  encoding: string;
  score: (text: string) => number;
}

const isLatinLetter = (c: number) => (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) || (c >= 0x152 && c <= 0x17e);
const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isCyrLower = (c: number) => (c >= 0x430 && c <= 0x45f) || c === 0x491;
const isCyrUpper = (c: number) => (c >= 0x410 && c <= 0x42f) || (c >= 0x400 && c <= 0x40f) || c === 0x490;
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;
const isKana = (c: number) => c >= 0x3040 && c <= 0x30ff;
const isHangul = (c: number) => c >= 0xac00 && c <= 0xd7a3;
const isBad = (c: number) => c === 0xfffd || (c >= 0x80 && c <= 0x9f) || (c >= 0xe000 && c <= 0xf8ff);

function latinScore(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (isBad(c)) score -= 3;
    else if (isLatinLetter(c)) score += isAsciiLetter(text.charCodeAt(i - 1)) || isAsciiLetter(text.charCodeAt(i + 1)) ? 1 : -1;
    else score -= 0.5;
  }
  return score;
}

function cyrillicScore(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (isBad(c)) score -= 3;
    else if (isCyrLower(c)) score += 1;
    else if (isCyrUpper(c)) score += /[\s"'«(\-]/.test(text[i - 1] ?? ' ') || isCyrUpper(text.charCodeAt(i - 1)) ? 0.2 : -1;
    else score -= 0.5;
  }
  return score;
}

function cjkScore(extra: (c: number) => number) {
  return (text: string): number => {
    let score = 0;
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) continue;
      if (isBad(c)) score -= 5;
      else if (isHan(c)) score += COMMON_HAN.has(ch) ? 2 : 0.3;
      else score += extra(c);
    }
    return score;
  };
}

const CANDIDATES: Candidate[] = [
  { encoding: 'windows-1252', score: latinScore },
  { encoding: 'windows-1251', score: cyrillicScore },
  { encoding: 'koi8-r', score: cyrillicScore },
  // the same letters as KOI8-R, and і, ї, є, ґ where KOI8-R has box-drawing characters: wins only on Ukrainian text
  { encoding: 'koi8-u', score: cyrillicScore },
  { encoding: 'big5', score: cjkScore((c) => (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) ? 0.5 : -1) },
  { encoding: 'gb18030', score: cjkScore((c) => (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) ? 0.5 : -1) },
  { encoding: 'shift_jis', score: cjkScore((c) => (isKana(c) ? 2 : (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f) ? 0.5 : -1)) },
  { encoding: 'euc-jp', score: cjkScore((c) => (isKana(c) ? 2 : (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f) ? 0.5 : -1)) },
  { encoding: 'euc-kr', score: cjkScore((c) => (isHangul(c) ? 2 : (c >= 0x3000 && c <= 0x303f) ? 0.5 : -1)) },
];

/** best legacy encoding for unlabeled, non-UTF-8 bytes; windows-1252 unless another script is clearly better */
export function guessLegacyEncoding(bytes: Uint8Array): string {
  const sample = Buffer.from(bytes.subarray(0, 16384));
  let best = { encoding: 'windows-1252', score: latinScore(iconv.decode(sample, 'windows-1252')) };
  for (const c of CANDIDATES.slice(1)) {
    const score = c.score(iconv.decode(sample, c.encoding));
    if (score > best.score + 1) best = { encoding: c.encoding, score };
  }
  return best.encoding;
}

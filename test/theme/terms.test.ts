import { describe, expect, it } from 'vitest';
import { compileTerms } from '../../src/text/terms.js';
import { UserError } from '../../src/errors.js';

const find = (terms: string[], text: string) => compileTerms(terms).find(text);

describe('compileTerms: whole words, case-insensitive', () => {
  it('finds a term regardless of case and returns it as written in the config', () => {
    expect(find(['Ukraine'], 'Talks on UKRAINE resume in Geneva.')).toEqual(['Ukraine']);
    expect(find(['HIMARS'], 'More himars launchers arrived.')).toEqual(['HIMARS']);
  });

  it('never matches part of a word', () => {
    expect(find(['Russ'], 'Russia said the strike hit a depot.')).toEqual([]);
    expect(find(['war'], 'A warning was issued; the forward base was hit.')).toEqual([]);
    expect(find(['Kyiv'], 'Officials in Kyivska oblast reported damage.')).toEqual([]);
  });

  it('does not match a derived word: Ukrainian needs its own term', () => {
    expect(find(['Ukraine'], 'The Ukrainian foreign minister flew to Warsaw.')).toEqual([]);
    expect(find(['Ukraine', 'Ukrainian'], 'The Ukrainian foreign minister flew to Warsaw.')).toEqual(['Ukrainian']);
  });

  it('returns distinct terms in config order, whatever the order in the text', () => {
    const m = compileTerms(['sanctions', 'Kremlin', 'missile']);
    expect(m.find('A missile hit the depot; the Kremlin denied it. Another missile fell; new sanctions followed.'))
      .toEqual(['sanctions', 'Kremlin', 'missile']);
  });

  it('test() agrees with find()', () => {
    const m = compileTerms(['ceasefire']);
    expect(m.test('Calls for a ceasefire grew louder.')).toBe(true);
    expect(m.test('Calls for a truce grew louder.')).toBe(false);
  });
});

describe('compileTerms: simple inflections', () => {
  it('singular term finds the plural and the plural term finds the singular', () => {
    expect(find(['missile'], 'Two missiles were intercepted overnight.')).toEqual(['missile']);
    expect(find(['missiles'], 'One missile was intercepted overnight.')).toEqual(['missiles']);
    expect(find(['talks'], 'The first talk lasted an hour.')).toEqual(['talks']);
  });

  it('handles -y / -ies both ways and -es plurals', () => {
    expect(find(['ally'], 'Western allies met in Brussels.')).toEqual(['ally']);
    expect(find(['allies'], 'Poland is a close ally.')).toEqual(['allies']);
    expect(find(['tax'], 'New taxes on Russian oil were proposed.')).toEqual(['tax']);
    expect(find(['F-16'], 'Pilots trained on F-16s for months.')).toEqual(['F-16']);
  });

  it("matches possessives with straight and curly apostrophes, including plural possessives", () => {
    expect(find(['Ukraine'], "Ukraine's air force said the drones were downed.")).toEqual(['Ukraine']);
    expect(find(['Ukraine'], 'Ukraine’s air force said the drones were downed.')).toEqual(['Ukraine']);
    expect(find(['Kremlin'], 'The Kremlin’s spokesman declined to comment.')).toEqual(['Kremlin']);
    expect(find(['allies'], "The allies' pledge was repeated.")).toEqual(['allies']);
  });

  it('short words take no endings, so "US" does not find "uses"', () => {
    expect(find(['US'], 'The army uses drones for reconnaissance.')).toEqual([]);
    expect(find(['US'], 'The US pledged more aid.')).toEqual(['US']);
  });

  it('finds the other spelling only when asked (scope and themes ask: test/select/spellings.test.ts)', () => {
    expect(find(['air defence'], 'More air defense systems are needed.')).toEqual([]);
    expect(find(['air defence', 'air defense'], 'More air defense systems are needed.')).toEqual(['air defense']);
    expect(compileTerms(['air defence'], { spellings: true }).find('More air defense systems are needed.')).toEqual(['air defence']);
  });
});

describe('compileTerms: phrases', () => {
  it('matches a phrase across any whitespace, line breaks and hyphens', () => {
    const m = compileTerms(['air defence', 'long-range']);
    expect(m.find('Germany will send more air\n  defence units.')).toEqual(['air defence']);
    expect(m.find('A long range strike hit the airfield.')).toEqual(['long-range']);
    expect(m.find('Long-range missiles were discussed.')).toEqual(['long-range']);
  });

  it('inflects the words of a phrase', () => {
    expect(find(['fighter jet'], 'The first fighter jets landed in Ukraine.')).toEqual(['fighter jet']);
    expect(find(['peace talk'], "The peace talks' agenda was leaked.")).toEqual(['peace talk']);
  });

  it('does not match a phrase across sentence punctuation or when words are apart', () => {
    const m = compileTerms(['air defence']);
    expect(m.find('They fought in the air. Defence lines held.')).toEqual([]);
    expect(m.find('air and missile defence')).toEqual([]);
    expect(m.find('Planes filled the air\n\nDefence ministers met on Friday.')).toEqual([]);
  });

  it('respects punctuation written inside the term', () => {
    expect(find(['U.S.'], 'The U.S. envoy arrived.')).toEqual(['U.S.']);
    expect(find(['U.S.'], 'We met them — us, the envoys.')).toEqual([]);
  });
});

describe('compileTerms: Cyrillic', () => {
  it('matches whole Cyrillic words case-insensitively', () => {
    expect(find(['Київ'], 'Сьогодні КИЇВ зазнав атаки дронів.')).toEqual(['Київ']);
    expect(find(['Київ'], 'Київщина зазнала атаки дронів.')).toEqual([]);
  });

  it('accepts common case endings of a long enough noun', () => {
    const m = compileTerms(['Україна']);
    for (const form of ['України', 'Україні', 'Україну', 'Україною']) {
      expect(m.find(`Делегація ${form} прибула на переговори.`)).toEqual(['Україна']);
    }
  });

  it('inflects three-letter stems with plain noun endings only', () => {
    const rada = compileTerms(['рада']);
    for (const form of ['Рада', 'Ради', 'Раді', 'Радою']) expect(rada.find(`Верховна ${form} ухвалила закон.`)).toEqual(['рада']);
    expect(rada.find('Я дуже радий вас бачити.')).toEqual([]);
    expect(rada.find('Київрада виділила кошти.')).toEqual([]);
    const peace = compileTerms(['мир']);
    expect(peace.find('Усі прагнуть миру.')).toEqual(['мир']);
    expect(peace.find('Мирний план обговорили в Женеві.')).toEqual([]);
  });

  it('does not match derived words', () => {
    expect(find(['Україна'], 'Український уряд заявив про нові санкції.')).toEqual([]);
    expect(find(['Росія'], 'Росіяни відступили від міста.')).toEqual([]);
    expect(find(['Росія'], 'Удари Росії тривали всю ніч.')).toEqual(['Росія']);
  });

  it('keeps Ukrainian words with apostrophes together, whichever apostrophe is used', () => {
    const m = compileTerms(["прем'єр"]);
    expect(m.find('Прем’єр заявив про підтримку.')).toEqual(["прем'єр"]);
    expect(m.find('Премʼєр заявив про підтримку.')).toEqual(["прем'єр"]);
  });
});

describe('compileTerms: diacritics', () => {
  it('a Latin term is found with or without its diacritics, either way round', () => {
    expect(find(['Erdogan'], 'Erdoğan offered to host the talks.')).toEqual(['Erdogan']);
    expect(find(['Erdoğan'], 'Erdogan offered to host the talks.')).toEqual(['Erdoğan']);
    expect(find(['Łódź'], 'A fire in Lodz destroyed a mill.')).toEqual(['Łódź']);
    expect(find(['Elysee Palace'], 'Talks at the Élysée Palace ended late.')).toEqual(['Elysee Palace']);
  });

  it('Cyrillic letters stay letters: й is not и, ї is not і', () => {
    expect(find(['йод'], 'иод')).toEqual([]);
    expect(find(['їжа'], 'іжа')).toEqual([]);
    expect(find(['їжа'], 'Їжа була.')).toEqual(['їжа']);
  });
});

describe('compileTerms: bad input', () => {
  it('rejects a term with nothing to match, with a one-line message naming it', () => {
    expect(() => compileTerms(['--'])).toThrow(UserError);
    expect(() => compileTerms(['--'])).toThrow(/term "--" has no letters or digits/);
  });

  it('an empty list matches nothing', () => {
    expect(compileTerms([]).find('Ukraine and Russia')).toEqual([]);
    expect(compileTerms([]).test('Ukraine and Russia')).toBe(false);
  });
});

describe('compileTerms: counting', () => {
  it('counts every occurrence of each term', async () => {
    const { tokenize } = await import('../../src/text/tokens.js');
    const counts = compileTerms(['drone', 'Kyiv']).countInTokens(tokenize('Drones over Kyiv. More drones, one drone down.'));
    expect(Object.fromEntries(counts)).toEqual({ drone: 3, Kyiv: 1 });
  });
});

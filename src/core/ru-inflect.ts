// Russian declension for names in the dataset. News writes «чипов Нвидии»,
// «в Хуавэе», «Правила распространения ИИ»: the dataset lists the nominative
// and the alias compiler asks here for the other case forms. The endings are
// a deliberate superset of the noun paradigms (singular and plural), since a
// form nobody writes costs nothing while a missing one is a missed mention.

const CONSONANT_ENDINGS = ['', 'а', 'у', 'ом', 'ем', 'е', 'ы', 'и', 'ов', 'ев', 'ам', 'ами', 'ах'];
const SOFT_ENDINGS = ['я', 'ю', 'ем', 'ём', 'е', 'и', 'ев', 'ей', 'ям', 'ями', 'ях'];
const A_ENDINGS = ['а', 'ы', 'и', 'е', 'у', 'ой', 'ою', 'ам', 'ами', 'ах', ''];
const YA_ENDINGS = ['я', 'и', 'е', 'ю', 'ей', 'ею', 'й', 'ям', 'ями', 'ях'];
const IYA_ENDINGS = ['я', 'и', 'ю', 'ей', 'ею', 'й', 'ям', 'ями', 'ях'];
const O_ENDINGS = ['о', 'а', 'у', 'ом', 'е', 'ам', 'ами', 'ах', ''];
const E_ENDINGS = ['е', 'я', 'ю', 'ем', 'и', 'й', 'ям', 'ями', 'ях'];

// Adjectives (Главное управление, Государственный совет): every case, gender
// and number, hard and soft stems alike.
const ADJECTIVE_ENDINGS = [
  'ый',
  'ий',
  'ой',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ого',
  'его',
  'ому',
  'ему',
  'ым',
  'им',
  'ом',
  'ем',
  'ую',
  'юю',
  'ей',
  'ых',
  'их',
  'ыми',
  'ими',
];
const ADJECTIVE = /(ый|ий|ой|ая|яя|ое|ее)$/;

const CYRILLIC_WORD = /^[\p{Script=Cyrillic}]+$/u;
const CONSONANT = /[бвгджзклмнпрстфхцчшщ]$/;

/** All case forms of one word (lower-case, normalised); the word itself first. */
export function inflectWord(word: string): string[] {
  if (!CYRILLIC_WORD.test(word) || word.length < 3) return [word];
  const forms = new Set<string>([word]);
  const add = (stem: string, endings: string[]) => {
    for (const ending of endings) forms.add(stem + ending);
  };
  if (ADJECTIVE.test(word) && word.length > 4) add(word.slice(0, -2), ADJECTIVE_ENDINGS);
  else if (CONSONANT.test(word)) add(word, CONSONANT_ENDINGS);
  else if (word.endsWith('й') || word.endsWith('ь')) add(word.slice(0, -1), SOFT_ENDINGS);
  // Loan names in -иа (Нвидиа) decline like -ия in running text (Нвидии).
  else if (word.endsWith('ия') || word.endsWith('иа')) add(word.slice(0, -1), IYA_ENDINGS);
  else if (word.endsWith('я')) add(word.slice(0, -1), YA_ENDINGS);
  else if (word.endsWith('а')) add(word.slice(0, -1), A_ENDINGS);
  else if (word.endsWith('о')) add(word.slice(0, -1), O_ENDINGS);
  else if (word.endsWith('е')) add(word.slice(0, -1), E_ENDINGS);
  // Names ending in -и, -у, -э, -ю (Байду, Сяоми) do not decline.
  // An inflected form must stay a plausible word: never shorter than 3 letters.
  return [...forms].filter((form) => form.length >= 3);
}

/**
 * Case forms of a phrase, declining the words at `indexes`. One word takes
 * all its forms (inflectWord's superset); several take them in agreement,
 * case by case, with a word's hard and soft endings both allowed. Declined
 * independently, a three-word name made 2,197 spellings, each repeating the
 * rest of the name: most of the page's name table.
 */
export function inflectPhrase(phrase: string, indexes: readonly number[]): string[] {
  const words = phrase.split(' ');
  const chosen = indexes.filter((index) => words[index] !== undefined);
  // Words declined together agree in case and number ("главным управлением"):
  // slot by slot, not every form of one with every form of the other, which
  // grows as 13 × 13 × … and repeats the rest of the name in each.
  const paradigms = chosen.map((index) => slotEndings(words[index]!));
  if (chosen.length > 1 && paradigms.every((p) => p !== undefined)) {
    const out = new Set<string>([phrase]);
    for (let slot = 0; slot < SLOTS; slot++) {
      let phrases: string[][] = [words];
      chosen.forEach((index, k) => {
        const { stem, slots } = paradigms[k]!;
        const forms = slots[slot]!.map((ending) => stem + ending).filter((form) => form.length >= 3);
        phrases = phrases.flatMap((ws) => forms.map((form) => ws.map((w, i) => (i === index ? form : w))));
      });
      for (const ws of phrases) out.add(ws.join(' '));
    }
    return [...out];
  }
  let phrases: string[][] = [words];
  for (const index of chosen) {
    const forms = inflectWord(words[index]!);
    phrases = phrases.flatMap((ws) => forms.map((form) => ws.map((w, i) => (i === index ? form : w))));
  }
  return phrases.map((ws) => ws.join(' '));
}

/** Case and number slots: nominative, genitive, dative, accusative, instrumental, prepositional; singular, then plural. */
const SLOTS = 12;
const ADJECTIVE_PLURAL = ['ые|ие', 'ых|их', 'ым|им', 'ые|ие|ых|их', 'ыми|ими', 'ых|их'];
const ADJECTIVE_SLOTS: [RegExp, string[]][] = [
  [/(ый|ий|ой)$/, ['ый|ий|ой', 'ого|его', 'ому|ему', 'ый|ий|ой|ого|его', 'ым|им', 'ом|ем', ...ADJECTIVE_PLURAL]],
  [/(ая|яя)$/, ['ая|яя', 'ой|ей', 'ой|ей', 'ую|юю', 'ой|ей|ою|ею', 'ой|ей', ...ADJECTIVE_PLURAL]],
  [/(ое|ее)$/, ['ое|ее', 'ого|его', 'ому|ему', 'ое|ее', 'ым|им', 'ом|ем', ...ADJECTIVE_PLURAL]],
];
/** Noun paradigms by ending: [ending, what the stem keeps off the word, endings per slot]. */
const NOUN_SLOTS: [RegExp, number, string[]][] = [
  [/ия$/, 1, ['я', 'и', 'и', 'ю', 'ей|ею', 'и', 'и', 'й', 'ям', 'и', 'ями', 'ях']],
  [/я$/, 1, ['я', 'и', 'е', 'ю', 'ей|ею', 'е', 'и', 'ь|й', 'ям', 'и', 'ями', 'ях']],
  [/а$/, 1, ['а', 'ы|и', 'е', 'у', 'ой|ою', 'е', 'ы|и', '', 'ам', 'ы|и', 'ами', 'ах']],
  [/о$/, 1, ['о', 'а', 'у', 'о', 'ом', 'е', 'а', '', 'ам', 'а', 'ами', 'ах']],
  [/е$/, 1, ['е', 'я', 'ю', 'е', 'ем', 'и|е', 'я', 'й', 'ям', 'я', 'ями', 'ях']],
  [/й$/, 1, ['й', 'я', 'ю', 'й', 'ем', 'е', 'и', 'ев', 'ям', 'и', 'ями', 'ях']],
  [/ь$/, 1, ['ь', 'я|и', 'ю|и', 'ь|я', 'ем|ём|ью', 'е|и', 'и', 'ей', 'ям', 'и|ей', 'ями', 'ях']],
  [CONSONANT, 0, ['', 'а', 'у', '|а', 'ом|ем', 'е', 'ы|и', 'ов|ев|ей', 'ам', 'ы|и|ов', 'ами', 'ах']],
];

/** A word's stem and its endings slot by slot (alternatives apart), or undefined when it is not a word declined so. */
function slotEndings(word: string): { stem: string; slots: string[][] } | undefined {
  if (!CYRILLIC_WORD.test(word) || word.length < 3) return undefined;
  if (ADJECTIVE.test(word) && word.length > 4) {
    const endings = ADJECTIVE_SLOTS.find(([ending]) => ending.test(word))![1];
    return { stem: word.slice(0, -2), slots: endings.map((e) => e.split('|')) };
  }
  const noun = NOUN_SLOTS.find(([ending]) => ending.test(word));
  return noun && { stem: word.slice(0, word.length - noun[1]), slots: noun[2].map((e) => e.split('|')) };
}

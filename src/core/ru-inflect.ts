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
 * Case forms of a phrase, declining the words at `indexes`. Each word takes
 * all its forms independently: agreement is not checked, since a form nobody
 * writes is never found and costs only a few table rows.
 */
export function inflectPhrase(phrase: string, indexes: readonly number[]): string[] {
  let phrases: string[][] = [phrase.split(' ')];
  for (const index of indexes) {
    const target = phrases[0]![index];
    if (target === undefined) continue;
    const forms = inflectWord(target);
    phrases = phrases.flatMap((words) => forms.map((form) => words.map((w, i) => (i === index ? form : w))));
  }
  return phrases.map((words) => words.join(' '));
}

// Checks on the dataset's source that go beyond what a downloaded copy is
// held to: dates that lie in the future (as of the day the check runs),
// text written in English only (a reader of the Russian or Chinese tooltip
// would get English), spellings shared between entries without a
// declaration, Traditional aliases the fold makes redundant, products
// named with their maker's possessive, and aliases declined into thousands
// of spellings.
import { buildAliasTable, findAliasConflicts, simplifiedInUse } from './alias-table';
import { HanFold } from './han-fold';
import { hanFoldPairs } from './han-fold-pairs';
import { normalizeKey } from './normalize';
import { inflectPhrase } from './ru-inflect';
import type { Dataset } from './dataset-schema';

const DATE_KEYS = new Set(['date', 'published', 'accessed', 'asOf']);

export function lintDataset(dataset: Dataset, today: string): { id: string; message: string }[] {
  const problems: { id: string; message: string }[] = [];
  for (const entry of dataset.entries) {
    walk(entry, '', (path, key, value, parent) => {
      const local = localTextMissing(value);
      if (local.length > 0) problems.push({ id: entry.id, message: `${path}: written in English only, add ${local.join(' and ')}` });
      if (!DATE_KEYS.has(key) || typeof value !== 'string') return;
      // A date is in the future when it starts after today, at its precision.
      // Stryker disable next-line MethodExpression: a date that is a prefix of today compares as before today whole, so as not in the future either way
      if (value.localeCompare(today.slice(0, value.length)) > 0 && parent.scheduled !== true) {
        problems.push({ id: entry.id, message: `${path}: ${value} is in the future (today is ${today})` });
      }
    });
  }
  problems.push(...redundantTraditional(dataset), ...possessiveAliases(dataset), ...overDeclined(dataset));
  for (const conflict of findAliasConflicts(buildAliasTable(dataset))) {
    for (const id of conflict.ids) {
      const others = conflict.ids.filter((other) => other !== id).join(', ');
      problems.push({ id, message: `alias "${conflict.text}" is also used by ${others}; declare it "ambiguous": true on every entry or drop it` });
    }
  }
  return problems;
}

/**
 * Traditional spellings that another alias of the same entry already
 * covers: pages' Traditional text is folded to Simplified before matching,
 * so "華為" beside "华为" finds nothing more.
 */
function redundantTraditional(dataset: Dataset): { id: string; message: string }[] {
  const fold = new HanFold(hanFoldPairs(simplifiedInUse(dataset)));
  const problems: { id: string; message: string }[] = [];
  for (const entry of dataset.entries) {
    // Stryker disable next-line ArrayDeclaration: a missing list's stand-in holds no Han text, so it neither has nor is a Traditional twin
    const texts = Object.values(entry.aliases).flatMap((list) => (list ?? []).map((alias) => (typeof alias === 'string' ? alias : alias.text)));
    const keys = new Map<string, string>();
    for (const text of texts) {
      const key = normalizeKey(text);
      // Stryker disable next-line ConditionalExpression: folding is idempotent (han-fold-pairs follows chains to their end), so a Traditional key is never what another text folds to
      if (fold.apply(key) === key) keys.set(key, text);
    }
    for (const text of texts) {
      const key = normalizeKey(text);
      const folded = fold.apply(key);
      const twin = folded !== key ? keys.get(folded) : undefined;
      if (twin)
        problems.push({
          id: entry.id,
          message: `alias "${text}" is redundant: Traditional text is folded to Simplified, so "${twin}" already finds it; remove it`,
        });
    }
  }
  return problems;
}

/**
 * A chip's or model's alias with a possessive in it ("Nvidia's H20"): the
 * maker's possessive is a mention of the maker, then one of the product, as
 * the corpus is labelled; one alias across both hides the maker's mention.
 */
function possessiveAliases(dataset: Dataset): { id: string; message: string }[] {
  const problems: { id: string; message: string }[] = [];
  for (const entry of dataset.entries) {
    if (entry.kind !== 'chip' && entry.kind !== 'model') continue;
    for (const alias of Object.values(entry.aliases).flat()) {
      const text = typeof alias === 'string' ? alias : alias?.text;
      if (text && /['’]s\s/u.test(text))
        problems.push({ id: entry.id, message: `alias "${text}" has a possessive: the maker and the product are two mentions, remove it` });
    }
  }
  return problems;
}

/**
 * Spellings one declined alias may make. Each declined word takes all its
 * forms independently, so three declined words make some 15,000 spellings:
 * a table many times its size, and pages that pay for it.
 */
const MAX_DECLINED_FORMS = 600;

function overDeclined(dataset: Dataset): { id: string; message: string }[] {
  const problems: { id: string; message: string }[] = [];
  for (const entry of dataset.entries) {
    // Stryker disable next-line ArrayDeclaration: a missing list's stand-in is a plain string, which is skipped as undeclined
    for (const alias of entry.aliases.ru ?? []) {
      // Stryker disable next-line ConditionalExpression,StringLiteral: a string has no inflect, so without the first test the second skips it
      if (typeof alias === 'string' || alias.inflect === undefined || alias.inflect === false) continue;
      const key = normalizeKey(alias.text);
      // Stryker disable next-line ArrayDeclaration,ArithmeticOperator,StringLiteral: one declined word makes a few dozen spellings at most, under the limit whichever word it is
      const at = alias.inflect === true ? [key.split(' ').length - 1] : typeof alias.inflect === 'number' ? [alias.inflect] : alias.inflect;
      const forms = inflectPhrase(key, at).length;
      if (forms > MAX_DECLINED_FORMS)
        problems.push({
          id: entry.id,
          message: `alias "${alias.text}" declines into ${forms} spellings (at most ${MAX_DECLINED_FORMS}): list its case forms as aliases instead`,
        });
    }
  }
  return problems;
}

/** For text in the interface languages (an object with an English string): the languages it lacks. */
function localTextMissing(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const text = value as Record<string, unknown>;
  if (typeof text.en !== 'string') return [];
  return (['ru', 'zh'] as const).filter((lang) => typeof text[lang] !== 'string' || (text[lang] as string).trim() === '');
}

function walk(value: unknown, path: string, visit: (path: string, key: string, value: unknown, parent: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) walk(item, `${path}[${i}]`, visit);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(record)) {
    const childPath = path ? `${path}.${key}` : key;
    visit(childPath, key, child, record);
    walk(child, childPath, visit);
  }
}

// An entry's latest status as a key, for lists that show it beside the
// name ("On this page"): the background sends the key, the list words it.
import type { Entry } from './dataset-schema';

/** The key of an entry's latest status (export status, Entity List or rule status), if it has one. */
export function latestStatusKey(entry: Entry): string | undefined {
  switch (entry.kind) {
    case 'chip':
      return entry.facts.exportStatus?.at(-1)?.status;
    case 'company':
      return entry.facts.entityList?.at(-1)?.status;
    case 'rule':
      return entry.facts.status.at(-1)?.status;
    // Stryker disable next-line ConditionalExpression,StringLiteral: a switch with no case for a model returns undefined as well
    case 'model':
      return undefined;
  }
}

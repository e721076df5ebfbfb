/**
 * Field names across a project: the same value logged under several keys (`userId`, `user_id`,
 * `uid` for `user.id`), one key spelled two ways, or keys in another case than the project's. The
 * answer is the key the project uses most, counted in the committed catalog or, without one, in
 * the file at hand.
 */
import { applyFieldCase, splitWords, toCamelCase } from '../messages/naming';
import type { Settings } from '../model/settings';
import { compareText } from './catalog';
import type { Catalog } from './types';

export interface FieldIndex {
  /** Value path -> key -> uses. */
  byValue: Map<string, Map<string, number>>;
  /** The key's words run together (`userid`) -> key -> uses. */
  byWords: Map<string, Map<string, number>>;
  /** Uses of multi-word keys in each case. */
  camel: number;
  snake: number;
}

export type Inconsistency =
  | { problem: 'sameValue'; key: string; preferred: string; value: string; uses: number }
  | { problem: 'sameSpelling'; key: string; preferred: string; uses: number }
  | { problem: 'fieldCase'; key: string; preferred: string; fieldCase: 'camel' | 'snake' };

const CAMEL = /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/;
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;

const wordsKey = (key: string) => splitWords(key).join('');

function bump(map: Map<string, Map<string, number>>, group: string, key: string, uses: number) {
  let keys = map.get(group);
  if (!keys) map.set(group, (keys = new Map()));
  keys.set(key, (keys.get(key) ?? 0) + uses);
}

function emptyIndex(): FieldIndex {
  return { byValue: new Map(), byWords: new Map(), camel: 0, snake: 0 };
}

/** Counts one use of a key (with the value it logs, when known). */
export function addToIndex(index: FieldIndex, key: string, value: string | undefined, uses = 1) {
  if (value !== undefined) bump(index.byValue, value, key, uses);
  const words = wordsKey(key);
  if (words) bump(index.byWords, words, key, uses);
  if (CAMEL.test(key)) index.camel += uses;
  else if (SNAKE.test(key)) index.snake += uses;
}

const catalogIndexes = new WeakMap<Catalog, FieldIndex>();

/** The index of a committed catalog: a key's uses are the call sites of the events that log it. */
export function indexOfCatalog(catalog: Catalog): FieldIndex {
  let index = catalogIndexes.get(catalog);
  if (index) return index;
  index = emptyIndex();
  for (const event of catalog.events)
    for (const field of event.fields) {
      const uses = field.presence === 'always' ? event.locations.length : 1;
      addToIndex(index, field.key, undefined, uses);
      for (const value of field.values ?? []) bump(index.byValue, value, field.key, uses);
    }
  catalogIndexes.set(catalog, index);
  return index;
}

/** An index of the given keys and values, one use each: a file's own, when there is no catalog. */
export function indexOfFields(fields: ReadonlyArray<{ key: string; value?: string }>): FieldIndex {
  const index = emptyIndex();
  for (const field of fields) addToIndex(index, field.key, field.value);
  return index;
}

/** The most used key of a group, and its uses; ties go to the first in code-point order. */
function mostUsed(keys: ReadonlyMap<string, number>): [string, number] {
  return [...keys.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0];
}

/** The key the project prefers over `key`, when it strictly prefers one. */
export function inconsistency(
  key: string,
  value: string | undefined,
  index: FieldIndex,
  settings: Settings,
): Inconsistency | null {
  const byValue = value === undefined ? undefined : index.byValue.get(value);
  if (value !== undefined && byValue && byValue.size > 0) {
    const [preferred, uses] = mostUsed(byValue);
    if (preferred !== key && uses > (byValue.get(key) ?? 0))
      return { problem: 'sameValue', key, preferred, value, uses };
  }
  const spellings = index.byWords.get(wordsKey(key));
  if (spellings && spellings.size > 0) {
    const [preferred, uses] = mostUsed(spellings);
    if (preferred !== key && uses > (spellings.get(key) ?? 0))
      return { problem: 'sameSpelling', key, preferred, uses };
  }
  const words = splitWords(key);
  if (words.length < 2 || !(CAMEL.test(key) || SNAKE.test(key))) return null;
  const fieldCase =
    settings.fieldCase !== 'preserve'
      ? settings.fieldCase
      : index.camel > index.snake
        ? 'camel'
        : index.snake > index.camel
          ? 'snake'
          : null;
  if (fieldCase === null) return null;
  // A key already in the project's case stays, acronyms included (`maxELU`, `ipOrCIDR`): the rule is
  // about snake_case among camelCase keys, not about how a team capitalises an acronym.
  if ((fieldCase === 'camel' && CAMEL.test(key)) || (fieldCase === 'snake' && SNAKE.test(key)))
    return null;
  const preferred =
    fieldCase === 'snake' ? applyFieldCase(key, 'snake') : toCamelCase(splitWords(key));
  return preferred === key ? null : { problem: 'fieldCase', key, preferred, fieldCase };
}

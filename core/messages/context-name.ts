/**
 * Event names from where a call stands, for output whose text says nothing (`console.error(err)`,
 * `console.error('Error:', err)`): the enclosing function, method or class (or the variable or
 * object property a function is bound to), else the module's file name, and the outcome its level
 * means (`seed.database.failed`, `load.config.warning`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import * as path from 'node:path';
import { memberPath, staticKeyName, type Node } from '../model/ast';
import type { EventNameCase } from '../model/settings';
import { splitWords } from './naming';

/** The outcome word a level adds to a name taken from the context. Other levels get no such name. */
export const CONTEXT_OUTCOMES: Readonly<Record<string, string>> = {
  error: 'failed',
  warn: 'warning',
};

/** Words that say only that something went wrong: a text of nothing else names no event. */
const GENERIC_WORDS = new Set([
  'error',
  'errors',
  'err',
  'exception',
  'failed',
  'failure',
  'fail',
  'warning',
  'warn',
  'caught',
  'uncaught',
  'unexpected',
  'unknown',
  'occurred',
  'oops',
  'problem',
  'something',
  'went',
  'wrong',
  'an',
  'a',
  'the',
]);

/** Words that already say the outcome: a context name holding one gets no second outcome word. */
const OUTCOME_WORDS = new Set(['error', 'errors', 'failed', 'failure', 'fail', 'warning', 'warn']);

/**
 * Function names that say nothing about the work (`main`, `handler`): such a function is named after
 * its module (`scripts/migrate.ts`'s `main` -> `migrate`).
 */
const MODULE_LEVEL_NAMES = new Set([
  'main',
  'run',
  'start',
  'bootstrap',
  'init',
  'handler',
  'handle',
  'default',
  'callback',
  'cb',
  'fn',
]);

/** File names that say nothing on their own, and the suffixes of a file's role, not its subject. */
const GENERIC_FILES = new Set(['index', 'main', 'mod', 'src', 'lib', '']);
const ROLE_SUFFIXES = new Set(['server', 'client', 'input', 'output', 'test', 'spec', 'd']);

/** Whether a message's text only says that something went wrong ("Error:", "Something went wrong"). */
export function isGenericText(text: string): boolean {
  return splitWords(text).every((word) => GENERIC_WORDS.has(word));
}

/** The name a class, or an object literal of methods, goes by: its own, or what it is bound to. */
function ownerName(owner: Node): string | null {
  if ((owner.type === 'ClassDeclaration' || owner.type === 'ClassExpression') && owner.id)
    return owner.id.name;
  return boundName(owner);
}

/** The name an expression is bound to: `const x = ...`, `{ x: ... }`, `exports.x = ...`, `x = ...` in a class. */
function boundName(node: Node): string | null {
  const holder = node.parent;
  if (!holder) return null;
  if (
    holder.type === 'VariableDeclarator' &&
    holder.init === node &&
    holder.id.type === 'Identifier'
  )
    return holder.id.name;
  if (holder.type === 'Property' && holder.value === node) return staticKeyName(holder);
  if (holder.type === 'PropertyDefinition' && holder.value === node) return staticKeyName(holder);
  if (holder.type === 'AssignmentExpression' && holder.right === node) {
    const target = memberPath(holder.left);
    const last = target?.at(-1);
    return last && last !== 'exports' ? last : null;
  }
  return null;
}

/** A method's words, with its owner's in front when the method's own name is one word (`UserService.create`). */
function methodWords(name: string, owner: Node | undefined): string[] {
  const own = name === 'constructor' ? [] : splitWords(name);
  const ownerLabel = owner ? ownerName(owner) : null;
  if (own.length > 1 || !ownerLabel) return own;
  return [...splitWords(ownerLabel), ...own];
}

/**
 * The words naming the code a node runs in: its nearest named function (a declaration, or a function
 * bound to a variable, property, class field or export), method (with its class or object when the
 * method's name is one word) or class. Anonymous callbacks pass to the code around them. Empty at the
 * top level of a module and inside functions named like an entry point (`main`, `handler`).
 */
export function contextWords(node: Node): string[] {
  for (let current = node.parent; current; current = current.parent) {
    let words: string[] | null = null;
    switch (current.type) {
      case 'FunctionDeclaration':
        words = current.id ? splitWords(current.id.name) : null;
        break;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression': {
        const holder = current.parent;
        if (
          (holder?.type === 'MethodDefinition' || holder?.type === 'Property') &&
          holder.value === current
        ) {
          const name = staticKeyName(holder);
          const owner = holder.type === 'MethodDefinition' ? holder.parent.parent : holder.parent;
          words = name ? methodWords(name, owner) : null;
          break;
        }
        if (holder?.type === 'PropertyDefinition' && holder.value === current) {
          const name = staticKeyName(holder);
          words = name ? methodWords(name, holder.parent.parent) : null;
          break;
        }
        const name =
          (current.type === 'FunctionExpression' ? current.id?.name : undefined) ??
          boundName(current);
        words = name ? splitWords(name) : null;
        break;
      }
      case 'ClassDeclaration':
      case 'ClassExpression': {
        const name = ownerName(current as TSESTree.ClassDeclaration);
        words = name ? splitWords(name) : null;
        break;
      }
    }
    if (words === null || words.length === 0) continue;
    if (words.length === 1 && MODULE_LEVEL_NAMES.has(words[0])) return [];
    return words;
  }
  return [];
}

/**
 * The words of a module's file name (`scripts/migrate.ts` -> migrate, `user.service.ts` -> user
 * service); its folder's for an index file (`jobs/index.ts` -> jobs). Role suffixes (`.server`,
 * `.test`) are not the subject.
 */
export function moduleWords(filename: string): string[] {
  const base = path.basename(filename);
  const segments = base.split('.').slice(0, -1);
  while (segments.length > 1 && ROLE_SUFFIXES.has(segments[segments.length - 1])) segments.pop();
  const name = segments.join('.');
  if (!GENERIC_FILES.has(name)) return splitWords(name);
  const folder = path.basename(path.dirname(filename));
  return GENERIC_FILES.has(folder) || folder === '.' ? [] : splitWords(folder);
}

/** Words of an event name at most; the outcome word takes the last place. */
const MAX_WORDS = 6;

/** Words an identifier may hold that name nothing (`getUserById`, `sendToQueue`). */
const JOINING_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'to',
  'in',
  'on',
  'at',
  'by',
  'with',
  'from',
  'and',
  'or',
]);

const SEPARATORS: Record<EventNameCase, string> = { dot: '.', snake: '_', kebab: '-' };

/**
 * The event name for output at `level` whose text names nothing: the context's words (else the
 * module's), in the order the code names them (`seedDatabase` -> `seed.database`), and the level's
 * outcome (`error` -> `failed`, `warn` -> `warning`) unless a word already says it (`handleError`).
 * Empty when the level has no outcome word or neither the context nor the file name gives a word.
 */
export function contextEventName(
  node: Node,
  filename: string,
  level: string,
  eventCase: EventNameCase,
): string {
  const outcome = CONTEXT_OUTCOMES[level];
  if (!outcome) return '';
  let words = contextWords(node);
  if (words.length === 0) words = moduleWords(filename);
  const subject: string[] = [];
  for (const word of words) {
    if (JOINING_WORDS.has(word) || subject.includes(word)) continue;
    // An event name starts with a letter: a leading number (`2fa`'s file `2-setup`) is dropped.
    if (subject.length === 0 && !/^[a-z]/.test(word)) continue;
    subject.push(word);
  }
  if (subject.length === 0) return '';
  const named = subject.some((word) => OUTCOME_WORDS.has(word))
    ? subject.slice(0, MAX_WORDS)
    : [...subject.slice(0, MAX_WORDS - 1), outcome];
  return named.join(SEPARATORS[eventCase]);
}

/**
 * Naming: words of identifiers and messages, event names, field keys. Shared by every rule and
 * codemod so a suggestion and a codemod always agree on what a thing is called.
 */
import type { EventNameCase, FieldCase, Settings } from '../model/settings';

/**
 * Splits any identifier or phrase into lower-case words: camelCase, PascalCase, snake_case,
 * kebab-case, SCREAMING_CASE and prose ("HTTPServer" -> ["http", "server"]).
 */
export function splitWords(text: string): string[] {
  // One pass over the characters (this runs for every field and event name of every report): a word
  // ends at any character that is not an ASCII letter or digit, before an upper-case letter that
  // follows a lower-case letter or digit ("orderId"), and before the last capital of a run that a
  // lower-case letter follows ("HTTPServer").
  const words: string[] = [];
  let start = -1;
  for (let index = 0; index <= text.length; index++) {
    const kind = index < text.length ? charKind(text.charCodeAt(index)) : OTHER;
    if (kind === OTHER) {
      if (start !== -1) words.push(text.slice(start, index).toLowerCase());
      start = -1;
      continue;
    }
    if (start === -1) {
      start = index;
      continue;
    }
    if (kind !== UPPER) continue;
    const previous = charKind(text.charCodeAt(index - 1));
    const startsWord =
      previous !== UPPER ||
      (index + 1 < text.length && charKind(text.charCodeAt(index + 1)) === LOWER);
    if (startsWord) {
      words.push(text.slice(start, index).toLowerCase());
      start = index;
    }
  }
  return words;
}

const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;

function charKind(code: number): number {
  if (code >= 97 && code <= 122) return LOWER;
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 48 && code <= 57) return DIGIT;
  return OTHER;
}

/** Words that carry no meaning in an event name. */
const STOP_WORDS = new Set([
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
  'into',
  'as',
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'and',
  'or',
  'but',
  'this',
  'that',
  'it',
  'its',
  'our',
  'your',
  'my',
  'we',
  'i',
  'you',
  'so',
  'now',
  'just',
  's',
]);

const EVENT_SEPARATOR: Record<EventNameCase, string> = { dot: '.', snake: '_', kebab: '-' };

/** Words of an event name, at most this many: a name is a label, not a sentence. */
const MAX_EVENT_WORDS = 6;

/**
 * The event name for the static text of a message: lower-cased words without stop words and
 * numbers, joined in the configured case. Empty string when the text has no usable word.
 */
export function eventNameFromText(text: string, eventCase: EventNameCase): string {
  const words: string[] = [];
  for (const split of splitWords(withoutDecoration(text))) {
    const word = withoutLongNumber(split);
    if (STOP_WORDS.has(word) || isNumber(word) || words.includes(word)) continue;
    words.push(word);
    if (words.length === MAX_EVENT_WORDS) break;
  }
  return words.join(EVENT_SEPARATOR[eventCase]);
}

/**
 * The message text as words of an event: terminal colour codes (`\x1b[31m`) are decoration, a URL is
 * an address, not words; a capital alone before a capitalised word belongs to it ("OAuth" is one word,
 * not "o" and "auth"); a contraction keeps its "not" ("couldn't" -> "could not") and loses the rest
 * ("user's" -> "user").
 */
function withoutDecoration(text: string): string {
  let cleaned = text.includes('\u001b') ? text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, ' ') : text;
  if (cleaned.includes('://')) cleaned = cleaned.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, ' ');
  cleaned = cleaned.replace(
    /\b([A-Z])([A-Z][a-z])/g,
    (_, capital: string, next: string) => capital + next.toLowerCase(),
  );
  if (!/['\u2019]/.test(cleaned)) return cleaned;
  return cleaned
    .replace(
      /\b(ca|wo|sha)n['\u2019]t\b/gi,
      (_, stem: string) => `${CONTRACTED_STEMS[stem.toLowerCase()]} not`,
    )
    .replace(/n['\u2019]t\b/gi, ' not')
    .replace(/['\u2019](s|re|ll|ve|m|d)\b/gi, '');
}

/** The verbs whose "n't" form changes their stem. */
const CONTRACTED_STEMS: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall' };

/**
 * A word without the run of six or more digits it ends in: that is an id or a time glued on
 * (`AddApiKeyPermission1765360298674`, a migration's timestamp), not part of the word. Shorter runs
 * are the word's own: oauth2, sha256, ipv6.
 */
function withoutLongNumber(word: string): string {
  let start = word.length;
  while (start > 0 && charKind(word.charCodeAt(start - 1)) === DIGIT) start--;
  return start > 0 && word.length - start >= 6 ? word.slice(0, start) : word;
}

function isNumber(word: string): boolean {
  for (let index = 0; index < word.length; index++)
    if (charKind(word.charCodeAt(index)) !== DIGIT) return false;
  return true;
}

const EVENT_NAME_PATTERNS: Record<EventNameCase, RegExp> = {
  dot: /^[a-z][a-z0-9_]*(\.[a-z0-9][a-z0-9_]*)*$/u,
  snake: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/u,
  kebab: /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/u,
};

/** Whether a constant message already follows the configured event-name convention. */
export function isValidEventName(name: string, eventName: Settings['eventName']): boolean {
  return (eventName.pattern ?? EVENT_NAME_PATTERNS[eventName.case]).test(name);
}

export function toCamelCase(words: readonly string[]): string {
  return words
    .map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
}

/** Applies `fieldCase` to a field key. `preserve` keeps what the code called it. */
export function applyFieldCase(key: string, fieldCase: FieldCase): string {
  if (fieldCase === 'preserve') return key;
  const words = splitWords(key);
  if (words.length === 0) return key;
  return fieldCase === 'snake' ? words.join('_') : toCamelCase(words);
}

export function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

/** Request containers whose name adds nothing to a field key: `req.params.id` is the `id`. */
const REQUEST_OBJECTS: ReadonlySet<string> = new Set(['req', 'request', 'ctx']);
const REQUEST_CONTAINERS: ReadonlySet<string> = new Set([
  'params',
  'query',
  'body',
  'locals',
  'headers',
]);

/**
 * Joins path segments into one key: ['order', 'id'] -> 'orderId', ['account', 'sip_realm'] ->
 * 'accountSipRealm'; a single segment is kept exactly as written.
 */
export function joinKeySegments(segments: readonly string[]): string {
  let cleaned = segments.filter((segment) => segment !== 'this' && segment !== '');
  if (cleaned.length > 2 && REQUEST_OBJECTS.has(cleaned[0]) && REQUEST_CONTAINERS.has(cleaned[1]))
    cleaned = cleaned.slice(2);
  if (cleaned.length === 0) return 'value';
  if (cleaned.length === 1) return cleaned[0];
  return toCamelCase(cleaned.flatMap((segment) => splitWords(segment)));
}

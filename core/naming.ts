/**
 * Naming: words of identifiers and messages, event names, field keys. Shared by every rule and
 * codemod so a suggestion and a codemod always agree on what a thing is called.
 */
import type { EventNameCase, FieldCase, Settings } from './settings';

/**
 * Splits any identifier or phrase into lower-case words: camelCase, PascalCase, snake_case,
 * kebab-case, SCREAMING_CASE and prose ("HTTPServer" -> ["http", "server"]).
 */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Words that carry no meaning in an event name. */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'into', 'as',
  'is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'and', 'or', 'but',
  'this', 'that', 'it', 'its', 'our', 'your', 'my', 'we', 'i', 'you', 'so', 'now', 'just', 's',
]);

const EVENT_SEPARATOR: Record<EventNameCase, string> = { dot: '.', snake: '_', kebab: '-' };

/** Words of an event name, at most this many: a name is a label, not a sentence. */
const MAX_EVENT_WORDS = 6;

/**
 * The event name for the static text of a message: lower-cased words without stop words and
 * numbers, joined in the configured case. Empty string when the text has no usable word.
 */
export function eventNameFromText(text: string, eventCase: EventNameCase): string {
  // Terminal colour codes (`\x1b[31m`) are decoration, and a URL is an address, not words of an event.
  const words = splitWords(text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, ' ').replace(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, ' ')).filter((word, index, all) => !STOP_WORDS.has(word) && !/^\d+$/.test(word) && all.indexOf(word) === index);
  return words.slice(0, MAX_EVENT_WORDS).join(EVENT_SEPARATOR[eventCase]);
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
  return words.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
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
const REQUEST_OBJECTS = /^(req|request|ctx)$/;
const REQUEST_CONTAINERS = /^(params|query|body|locals|headers)$/;

/**
 * Joins path segments into one key: ['order', 'id'] -> 'orderId', ['account', 'sip_realm'] ->
 * 'accountSipRealm'; a single segment is kept exactly as written.
 */
export function joinKeySegments(segments: readonly string[]): string {
  let cleaned = segments.filter((segment) => segment !== 'this' && segment !== '');
  if (cleaned.length > 2 && REQUEST_OBJECTS.test(cleaned[0]) && REQUEST_CONTAINERS.test(cleaned[1])) cleaned = cleaned.slice(2);
  if (cleaned.length === 0) return 'value';
  if (cleaned.length === 1) return cleaned[0];
  return toCamelCase(cleaned.flatMap((segment) => splitWords(segment)));
}

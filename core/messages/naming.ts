/**
 * Naming: words of identifiers and messages, event names, field keys. Shared by every rule and
 * codemod so a suggestion and a codemod always agree on what a thing is called.
 */
import type { EventNameCase, FieldCase, Settings } from '../model/settings';
import {
  BRAND_WORDS,
  E_STEMS,
  FAILURE_OPENERS,
  FILLER_OPENERS,
  GERUNDS_KEPT_FIRST,
  IRREGULAR_PAST,
  JOINING_WORDS,
  LETTER_TRANSLITERATIONS,
  NOT_GERUND,
  NOT_PAST,
  NUMBER_UNITS,
  PARTICLES,
  PREPOSITIONS,
  STATE_OPENERS,
  STOP_WORDS,
} from './words';

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

const EVENT_SEPARATOR: Record<EventNameCase, string> = { dot: '.', snake: '_', kebab: '-' };

/**
 * Segments of an event name, at most this many: a name is a label, not a sentence. A segment is one
 * word or a few words that only mean something together (`not_found`, `logged_in`, `run_failed`).
 */
const MAX_EVENT_SEGMENTS = 5;

/** Marks where a value sat in a message's text (see `eventNameFromParts`). */
export const VALUE_MARK = '\u0000';

export interface EventNameOptions {
  /** Product names to keep whole besides the built-in list (`settings.naming.words`). */
  words?: readonly string[];
  /**
   * What the message is about when its text names only what happened (`Updated ${user.id}`): the
   * subject from the first field key, which makes `user.updated` of a one-word `updated`.
   */
  subject?: string;
}

/** A word of a message, where it sits. */
interface Token {
  word: string;
  /** A value (`${id}`) stood here, not a word. */
  value: boolean;
  /** Joined to the word before by `-` or `_` without spaces (`run-failed`). */
  joined: boolean;
  /** The separator before it holds a clause break (`:`, `,`, `(`...). */
  clause: number;
  /** Which run of letters it came from: `resultId` gives two words of one piece. */
  piece?: number;
}

interface Clause {
  tokens: Token[];
  /** The clause ends with `:` or sat in brackets: it may be a prefix (`[Worker]`, `Enricher:`). */
  prefixLike: boolean;
}

/** A segment of the name under construction. */
interface Segment {
  words: string[];
  /** Consecutive content words (no stop word or value between) share a run: a phrase. */
  run: number;
}

const brandCache = new WeakMap<readonly string[], ReadonlySet<string>>();
const BUILT_IN_BRANDS: ReadonlySet<string> = new Set(BRAND_WORDS);

function brandsWith(extra: readonly string[] | undefined): ReadonlySet<string> {
  if (!extra || extra.length === 0) return BUILT_IN_BRANDS;
  let set = brandCache.get(extra);
  if (!set) {
    set = new Set([...BRAND_WORDS, ...extra.map((word) => word.toLowerCase())]);
    brandCache.set(extra, set);
  }
  return set;
}

/**
 * The event name for the static text of a message, in `subject.action[.outcome]` order where the
 * message says so ("Failed to send invoice" -> `invoice.send.failed`, "Created order" ->
 * `order.created`). Stop words, numbers and repeated words go; product names (`PostHog`), acronyms
 * with digits (`2FA`, `oauth2`) and letters outside ASCII (transliterated where Unicode or a table
 * knows how: `für` -> `fur`) stay. Long messages keep their first clause and whole phrases, never a
 * name ending on "not" or "too". Empty string when the text has no usable word.
 *
 * `text` may mark values with VALUE_MARK: the words between a preposition and a value then name the
 * value, not the event ("Charge failed for order ${id}" -> `charge.failed`).
 */
export function eventNameFromText(
  text: string,
  eventCase: EventNameCase,
  options: EventNameOptions = {},
): string {
  const segments = eventSegments(text, brandsWith(options.words));
  if (segments.length === 1) {
    const only = segments[0].words;
    if (only.length === 1 && RESULT_OF[only[0]])
      segments[0] = { ...segments[0], words: [RESULT_OF[only[0]]] };
  }
  if (segments.length === 1 && options.subject && isPastParticiple(segments[0].words[0])) {
    const subject = splitWords(options.subject)[0];
    if (
      subject &&
      !GENERIC_SUBJECTS.has(subject) &&
      !STOP_WORDS.has(subject) &&
      !PREPOSITIONS.has(subject) &&
      subject !== segments[0].words[0]
    )
      segments.unshift({ words: [subject], run: -1 });
  }
  if (eventCase === 'dot') return segments.map((segment) => segment.words.join('_')).join('.');
  return segments.flatMap((segment) => segment.words).join(EVENT_SEPARATOR[eventCase]);
}

/**
 * The words of a message that could tell it from another, in order: every clause, no stop words,
 * no numbers, and no label: not the word naming a value (`order` in "for order ${id}") nor a
 * `key=` before one (`resultId=${id}`, `phase=start` keeps `start`). What an event name grows by
 * when another message of the file already has its name.
 */
export function distinguishingWords(text: string, options: EventNameOptions = {}): string[] {
  const { tokens, breaks } = tokenize(
    withoutDecoration(negatedSubject(transliterate(text))),
    brandsWith(options.words),
  );
  const labels = keyPieces(tokens, breaks);
  tokens.forEach((token, index) => {
    if (tokens[index + 1]?.value && token.piece !== undefined) labels.add(token.piece);
  });
  const words: string[] = [];
  tokens.forEach((token, index) => {
    if (token.value || /^\d/.test(token.word)) return;
    if (token.piece !== undefined && labels.has(token.piece)) return;
    const next = tokens[index + 1];
    // "not found" is the opposite of "found": the negation stays with its word.
    const negated =
      NEGATIONS.has(token.word) && next && !next.value ? `${token.word}_${next.word}` : null;
    const word = negated ?? token.word;
    if (!negated && (CANNOT_END.has(word) || NEGATIONS.has(tokens[index - 1]?.word ?? ''))) return;
    if (!words.includes(word)) words.push(word);
  });
  return words;
}

const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never']);

/** The pieces written as a key before `=` (`resultId=`, `phase=`): the names of fields, not words. */
function keyPieces(tokens: readonly Token[], breaks: readonly string[]): Set<number> {
  const keys = new Set<number>();
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    const endsClause = !next || next.clause !== token.clause;
    if (token.piece !== undefined && endsClause && /^\s*=/.test(breaks[token.clause] ?? ''))
      keys.add(token.piece);
  });
  return keys;
}

/** `name` with one more segment of `words` (`charge.failed` + retry -> `charge.failed.retry`). */
export function extendedEventName(
  name: string,
  words: readonly string[],
  eventCase: EventNameCase,
): string {
  const segment = words.join(eventCase === 'dot' ? '_' : EVENT_SEPARATOR[eventCase]);
  return `${name}${EVENT_SEPARATOR[eventCase]}${segment}`;
}

/** A message that is one verb in progress names what it leads to: "Skipping ${name}" -> `skipped`. */
const RESULT_OF: Readonly<Record<string, string>> = { skipping: 'skipped', ignoring: 'ignored' };

/** Field-key words that say nothing of what an event is about. */
const GENERIC_SUBJECTS: ReadonlySet<string> = new Set([
  'id',
  'value',
  'count',
  'duration',
  'attempt',
  'max',
  'total',
  'err',
  'error',
  'data',
  'result',
  'name',
  'status',
  'ms',
  'req',
  'res',
  'ctx',
  'e',
  'x',
  'n',
  'i',
]);

/**
 * "No X found" says X was not found; "No X to do" that there is no X: the subject comes first, as
 * everywhere ("No SQL seed files found" -> `sql.seed.files.not_found`, "No keys to process" ->
 * `keys.none`), where the words in their order would give `no_sql.seed.files.found`.
 */
function negatedSubject(text: string): string {
  return text
    .replace(
      /^(\W*)no\s+(.+?)\s+(found|available|configured|provided|exists?|left|returned|set|needed|required)\b/i,
      '$1$2 not $3',
    )
    .replace(/^(\W*)no\s+([\w-]+(?:\s+[\w-]+)?)\s+to\s+\w+/i, '$1$2 none');
}

function eventSegments(text: string, brands: ReadonlySet<string>): Segment[] {
  const { tokens, breaks } = tokenize(
    withoutDecoration(negatedSubject(transliterate(text))),
    brands,
  );
  // `runId=${id}` and `phase=done`: the key names a field, its value may be the event's word.
  const keys = keyPieces(tokens, breaks);
  const clauses = clausesOf({
    tokens: tokens.filter((token) => token.piece === undefined || !keys.has(token.piece)),
    breaks,
  });
  const main = mainTokens(clauses);
  if (main.length === 0) return [];
  return shortened(ordered(main));
}

/** Splits the message into words and values, noting clause breaks and hyphen joins. */
function tokenize(
  text: string,
  brands: ReadonlySet<string>,
): { tokens: Token[]; breaks: string[] } {
  const tokens: Token[] = [];
  /** The separator that ended each clause. */
  const breaks: string[] = [''];
  let clause = 0;
  let joined = false;
  let afterWord = false;
  for (const match of text.matchAll(PIECE)) {
    const piece = match[0];
    if (piece === VALUE_MARK) {
      tokens.push({ word: '', value: true, joined: false, clause });
      joined = false;
      afterWord = false;
      continue;
    }
    const first = piece.charCodeAt(0);
    if (!isWordStart(first, piece)) {
      if (CLAUSE_BREAK.test(piece)) {
        breaks[clause] = piece;
        clause++;
        breaks[clause] = '';
      }
      joined = afterWord && (piece === '-' || piece === '_');
      afterWord = false;
      continue;
    }
    // A unit after a value belongs to it: `${ms}ms`, `${n} seconds`.
    if (tokens[tokens.length - 1]?.value && VALUE_UNITS.test(piece)) continue;
    const words = wordsOfPiece(piece, brands);
    const pieceIndex = match.index;
    words.forEach((word, index) =>
      tokens.push({ word, value: false, joined: index === 0 && joined, clause, piece: pieceIndex }),
    );
    joined = false;
    afterWord = words.length > 0;
  }
  return { tokens, breaks };
}

const VALUE_UNITS =
  /^(times|ago|ms|s|sec|secs|seconds?|millis|milliseconds?|minutes?|mins?|m|h|hrs?|hours?|days?|d|[kmgt]?b|[kmgt]i?b|bytes|px|x|%)$/i;
const PIECE = /[\p{L}\p{N}]+|\u0000|[^\p{L}\p{N}\u0000]+/gu;
const CLAUSE_BREAK =
  /[:;,!?()[\]{}|<>\n\u2026\u2014\u2013=]|\.(\s|$)|^\.$|\s-+\s|^\s*-+\s|\s-+\s*$/;
const PREFIX_END = /^\s*:/;

function isWordStart(code: number, piece: string): boolean {
  return charKind(code) !== OTHER || (code > 127 && /^[\p{L}\p{N}]/u.test(piece));
}

/**
 * The words of one run of letters and digits: split on case ("getUser"), except where the pieces
 * make a product name ("PostHog", "BullMQ"); digits start a word only before another digit ("2FA"
 * stays `2fa`, "oauth2" stays whole). A number alone, or with a unit (`10ms`, `3rd`), is no word.
 */
function wordsOfPiece(piece: string, brands: ReadonlySet<string>): string[] {
  const lower = piece.toLowerCase();
  if (brands.has(lower)) return [lower];
  const parts: string[] = [];
  let start = 0;
  for (let index = 1; index < piece.length; index++) {
    const kind = charKind(piece.charCodeAt(index));
    if (kind !== UPPER) continue;
    const previous = charKind(piece.charCodeAt(index - 1));
    const startsWord =
      previous === LOWER ||
      (previous === UPPER &&
        index + 1 < piece.length &&
        charKind(piece.charCodeAt(index + 1)) === LOWER);
    if (startsWord) {
      parts.push(lower.slice(start, index));
      start = index;
    }
  }
  parts.push(lower.slice(start));
  // "URLs", "IDs": the plural of an acronym, not a word "ls".
  if (parts.length > 1 && parts[parts.length - 1] === 's') parts[parts.length - 2] += parts.pop();
  const words: string[] = [];
  for (let index = 0; index < parts.length; index++) {
    let merged = false;
    for (let length = Math.min(4, parts.length - index); length >= 2 && !merged; length--) {
      const candidate = parts.slice(index, index + length).join('');
      if (brands.has(candidate)) {
        words.push(candidate);
        index += length - 1;
        merged = true;
      }
    }
    if (!merged) words.push(parts[index]);
  }
  const result: string[] = [];
  for (const word of words) {
    const trimmed = withoutLongNumber(word);
    if (trimmed === '' || isNumber(trimmed) || isQuantity(trimmed)) continue;
    result.push(trimmed);
  }
  return result;
}

/** `10ms`, `5s`, `2nd`: a number with its unit. */
function isQuantity(word: string): boolean {
  let index = 0;
  while (index < word.length && charKind(word.charCodeAt(index)) === DIGIT) index++;
  return index > 0 && NUMBER_UNITS.has(word.slice(index));
}

function clausesOf({ tokens, breaks }: { tokens: Token[]; breaks: string[] }): Clause[] {
  const clauses: Clause[] = [];
  for (const token of tokens) {
    const last = clauses[clauses.length - 1];
    if (last && last.tokens[0].clause === token.clause) last.tokens.push(token);
    else {
      const opening = token.clause > 0 ? breaks[token.clause - 1] : '';
      const closing = breaks[token.clause] ?? '';
      clauses.push({
        tokens: [token],
        prefixLike: PREFIX_END.test(closing) || (/\[\s*$/.test(opening) && /^\s*\]/.test(closing)),
      });
    }
  }
  return clauses;
}

function isContent(token: Token): boolean {
  return !token.value && !STOP_WORDS.has(token.word);
}

/** The clause that says what happened, with a short prefix (`Enricher:`) before it kept. */
function mainTokens(clauses: Clause[]): Token[] {
  const withContent = clauses
    .map((clause) => ({ ...clause, tokens: withoutFiller(clause.tokens) }))
    .filter((clause) => clause.tokens.some(isContent));
  if (withContent.length === 0) return [];
  const [first, second] = withContent;
  const firstContent = first.tokens.filter(isContent).length;
  if (!second) return first.tokens;
  const levelOnly = firstContent === 1 && LEVEL_WORDS.has(first.tokens.find(isContent)!.word);
  if (levelOnly) return second.tokens;
  const hasAction =
    first.tokens.some((token) => isContent(token) && isActionWord(token.word)) ||
    FAILURE_OPENERS.some((opener) =>
      opener.every((word, offset) => first.tokens[offset]?.word === word),
    );
  if (first.prefixLike && firstContent <= 3 && !hasAction)
    return [...first.tokens, ...second.tokens];
  return first.tokens;
}

const LEVEL_WORDS: ReadonlySet<string> = new Set([
  'error',
  'warning',
  'warn',
  'info',
  'debug',
  'fatal',
  'critical',
  'note',
]);

function withoutFiller(tokens: Token[]): Token[] {
  const firstWord = tokens.findIndex((token) => !token.value);
  if (firstWord === -1) return tokens;
  for (const opener of FILLER_OPENERS) {
    if (
      tokens.length > firstWord + opener.length &&
      opener.every((word, offset) => tokens[firstWord + offset].word === word)
    )
      return tokens.slice(firstWord + opener.length);
  }
  return tokens;
}

/**
 * Puts the subject first: "Failed to send X" -> X send failed; "Created order" -> order created;
 * "Processing batch" -> batch processing; "Missing key" -> key missing.
 */
function ordered(tokens: Token[]): { segments: Segment[]; tail: number } {
  const start = tokens.findIndex((token) => !token.value);
  const lead = tokens.slice(start);
  for (const opener of FAILURE_OPENERS) {
    if (!opener.every((word, offset) => lead[offset]?.word === word)) continue;
    const verb = lead[opener.length];
    if (!verb || verb.value || verb.clause !== lead[0].clause) continue;
    const gerund = isGerund(verb.word);
    // "Failed payment", "Error: ...": no verb follows, the words are a state (below).
    if ((opener.length === 1 || opener[1] === 'while' || opener[1] === 'when') && !gerund) continue;
    if (opener.length === 1 && opener[0] === 'failed' && !gerund) continue;
    const rest = segmentsOf(lead.slice(opener.length + 1));
    const action = [
      { words: [gerund ? stemOfGerund(verb.word) : verb.word], run: -2 },
      { words: ['failed'], run: -3 },
    ];
    return { segments: [...rest, ...action], tail: 2 };
  }
  // "X failed to send ...": X send failed.
  for (let index = 1; index + 2 < lead.length; index++) {
    if (lead[index].word === 'failed' && lead[index + 1].word === 'to' && !lead[index + 2].value) {
      const subject = segmentsOf(lead.slice(0, index));
      if (subject.length === 0) break;
      return {
        segments: [
          ...subject,
          { words: [lead[index + 2].word], run: -2 },
          { words: ['failed'], run: -3 },
        ],
        tail: 2,
      };
    }
  }
  const segments = segmentsOf(lead);
  const lastSegment = segments[segments.length - 1].words;
  const laterAction =
    segments.length > 1 && lastSegment.length === 1 && isPastParticiple(lastSegment[0]);
  if (segments.length >= 2 && !laterAction) {
    const words = segments[0].words;
    const moved = words.length === 1 ? leadingAction(words[0]) : null;
    if (moved !== null)
      return { segments: [...segments.slice(1), { words: [moved], run: -2 }], tail: 1 };
    if (words.length > 1 && isPastParticiple(words[0]) && PARTICLES.has(words[1]))
      return { segments: [...segments.slice(1), segments[0]], tail: 1 };
  }
  return { segments, tail: 0 };
}

/** The word a message opening with this word ends on instead, or null when it stays first. */
function leadingAction(word: string): string | null {
  if (STATE_OPENERS.has(word) || word === 'failed') return word;
  if (isPastParticiple(word)) return word;
  if (isGerund(word) && !GERUNDS_KEPT_FIRST.has(word))
    return word === 'skipping' ? 'skipped' : word === 'ignoring' ? 'ignored' : word;
  return null;
}

function isPastParticiple(word: string): boolean {
  return (
    IRREGULAR_PAST.has(word) || (word.length > 4 && word.endsWith('ed') && !NOT_PAST.has(word))
  );
}

function isGerund(word: string): boolean {
  return word.length > 5 && word.endsWith('ing') && !NOT_GERUND.has(word);
}

/** What happened, in a word: an action the subject of a one-word name can go before. */
function isActionWord(word: string): boolean {
  return (
    isPastParticiple(word) || isGerund(word) || STATE_OPENERS.has(word) || ACTION_WORDS.has(word)
  );
}

const ACTION_WORDS: ReadonlySet<string> = new Set([
  'done',
  'ready',
  'ok',
  'success',
  'complete',
  'start',
  'stop',
  'timeout',
  'not_found',
]);

/** `fetching` -> `fetch`, `creating` -> `create`, `running` -> `run`. */
export function stemOfGerund(word: string): string {
  const stem = word.slice(0, -3);
  if (E_STEMS.has(stem) || /(at|iz|is|ut|iv|rv|lv|[bdgkpt]l|uc|ud|ag)$/.test(stem))
    return `${stem}e`;
  const last = stem.charAt(stem.length - 1);
  if (stem.length >= 3 && last === stem.charAt(stem.length - 2) && !/[lsz]/.test(last))
    return stem.slice(0, -1);
  return stem;
}

/**
 * Segments of a run of tokens: stop words and values go; "not"/"too" join the word after them;
 * a particle joins the verb before it (`timed_out`); hyphenated words stay one segment
 * (`run_failed`); words between a preposition and a value name the value and go too, when two
 * segments remain without them.
 */
function segmentsOf(tokens: readonly Token[]): Segment[] {
  const dropped = namingTails(tokens);
  const segments: Segment[] = [];
  let run = 0;
  let pending: string[] | null = null;
  let previousKept = false;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    const last = segments[segments.length - 1];
    if (token.value || dropped.has(index)) {
      run++;
      previousKept = false;
      pending = null;
      continue;
    }
    const word = token.word;
    if (pending) {
      // "not be consumed" -> `not_consumed`; "not in cache" keeps its preposition.
      if (STOP_WORDS.has(word) && !PREPOSITIONS.has(word)) continue;
      pending.push(word);
      if (STOP_WORDS.has(word) || JOINING_WORDS.has(word)) continue;
      segments.push({ words: pending, run });
      pending = null;
      previousKept = true;
      continue;
    }
    if (JOINING_WORDS.has(word)) {
      pending = [word];
      continue;
    }
    if (token.joined && previousKept && last) {
      if (!STOP_WORDS.has(word) || index + 1 < tokens.length) last.words.push(word);
      continue;
    }
    if (
      PARTICLES.has(word) &&
      previousKept &&
      last &&
      joinsParticle(last, token, tokens[index + 1])
    ) {
      last.words.push(word);
      continue;
    }
    // Once the name has a subject and more, a preposition opens detail: "Job failed after 3
    // attempts", "Export ready for download".
    if (segments.length >= 2 && BREAKERS.has(word) && !actionFollows(tokens, index, segments))
      break;
    if (isAdverb(word)) continue;
    if (STOP_WORDS.has(word)) {
      run++;
      previousKept = false;
      continue;
    }
    if (segments.some((segment) => segment.words.length === 1 && segment.words[0] === word)) {
      previousKept = false;
      continue;
    }
    segments.push({ words: [word], run });
    previousKept = true;
  }
  return segments;
}

const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);

/** Words after which, once a name has two segments, the message only adds detail. */
const BREAKERS: ReadonlySet<string> = new Set([
  ...PREPOSITIONS,
  'after',
  'because',
  'since',
  'while',
  'when',
  'until',
  'before',
  'during',
  'due',
  'took',
  'per',
  'against',
  'across',
  'through',
  'between',
  'over',
  'under',
]);

/**
 * Whether what happened comes after this preposition ("S3 upload of ${key} completed") while the
 * name has no action yet: then the words up to it are not detail.
 */
function actionFollows(
  tokens: readonly Token[],
  from: number,
  segments: readonly Segment[],
): boolean {
  if (segments.some((segment) => isActionWord(segment.words[0]))) return false;
  for (let index = from + 1; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token.value && (isPastParticiple(token.word) || token.word === 'failed')) return true;
  }
  return false;
}

/** "permanently", "gracefully": how, not what, happened. */
function isAdverb(word: string): boolean {
  return (
    word.length >= 7 &&
    /(ally|ently|antly|fully|ously|ively|ately|ibly|ably|lessly|edly|ingly|arily|orily)$/.test(
      word,
    ) &&
    !NOT_ADVERBS.has(word)
  );
}

const NOT_ADVERBS: ReadonlySet<string> = new Set([
  'monthly',
  'quarterly',
  'assembly',
  'anomaly',
  'friendly',
  'butterfly',
]);

/** `logged in`, `timed out`, `falling back`: the particle ends the verb, not a phrase. */
function joinsParticle(last: Segment, token: Token, next: Token | undefined): boolean {
  const verb = last.words[last.words.length - 1];
  const particle = token.word;
  const closes = !next || next.value || STOP_WORDS.has(next.word) || next.clause !== token.clause;
  if (!closes) return false;
  if (particle === 'in' || particle === 'on' || particle === 'over')
    return (
      !next?.value &&
      /^(log|sign|check|opt|plug|roll|logg|sign|check|opt|plugg|roll)(ed|ing)?$/.test(verb)
    );
  return isPastParticiple(verb) || isGerund(verb) || PHRASAL_STEMS.has(verb);
}

const PHRASAL_STEMS: ReadonlySet<string> = new Set([
  'back',
  'clean',
  'fall',
  'fell',
  'log',
  'roll',
  'set',
  'shut',
  'sign',
  'spin',
  'start',
  'time',
  'back',
  'gave',
  'give',
  'opt',
]);

/**
 * Indexes of words that only name the value after them: "for order ${id}" ("order" is the field's
 * name, `orderId`). Kept when fewer than two other segments would remain.
 */
function namingTails(tokens: readonly Token[]): Set<number> {
  const dropped = new Set<number>();
  for (let index = 0; index < tokens.length; index++) {
    if (!PREPOSITIONS.has(tokens[index].word) || tokens[index].value) continue;
    let cursor = index + 1;
    while (cursor < tokens.length && ARTICLES.has(tokens[cursor].word)) cursor++;
    const nouns: number[] = [];
    while (cursor < tokens.length && nouns.length < 3 && isContent(tokens[cursor])) {
      nouns.push(cursor);
      cursor++;
    }
    if (nouns.length === 0 || nouns.length > 2 || !tokens[cursor]?.value) continue;
    for (const noun of nouns) dropped.add(noun);
  }
  if (dropped.size === 0) return dropped;
  const remaining = tokens.filter(
    (token, index) => isContent(token) && !dropped.has(index) && !JOINING_WORDS.has(token.word),
  ).length;
  return remaining >= 2 ? dropped : new Set();
}

/**
 * At most MAX_EVENT_SEGMENTS segments: the action a reordering put last stays; otherwise whole
 * phrases from the start, never half of one unless the first phrase alone is too long; never ending
 * on a word that cannot end a phrase.
 */
function shortened({ segments, tail }: { segments: Segment[]; tail: number }): Segment[] {
  let kept = segments;
  if (kept.length > MAX_EVENT_SEGMENTS) {
    const head = kept.slice(0, kept.length - tail);
    const room = MAX_EVENT_SEGMENTS - tail;
    let cut = room;
    // Back to the start of the phrase the cut falls in, if a whole phrase is kept before it.
    if (head[cut] && head[cut].run === head[cut - 1].run) {
      let start = cut - 1;
      while (start > 0 && head[start - 1].run === head[cut].run) start--;
      if (start > 0) cut = start;
    }
    kept = [...head.slice(0, cut), ...kept.slice(kept.length - tail)];
  }
  while (kept.length > 1 && endsOpen(kept[kept.length - 1])) kept = kept.slice(0, -1);
  return kept;
}

/** The segment ends on a word that cannot end a phrase (a particle closing its verb can). */
function endsOpen(segment: Segment): boolean {
  const last = segment.words[segment.words.length - 1];
  return CANNOT_END.has(last) && !(segment.words.length > 1 && PARTICLES.has(last));
}

/** Words that cannot end a phrase: a name ending on one was cut in the middle. */
export const CANNOT_END: ReadonlySet<string> = new Set([
  ...STOP_WORDS,
  ...JOINING_WORDS,
  'more',
  'less',
  'most',
  'much',
  'many',
  'like',
  'nor',
  'against',
  'between',
  'through',
  'toward',
  'towards',
  'among',
]);

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
 * Letters outside ASCII, in ASCII where that keeps their meaning: accents go ("für" -> "fur",
 * "café" -> "cafe"), ß becomes "ss", Cyrillic and Greek are transliterated. Other scripts stay as
 * they are: a name in them is still a name, where dropping the letters would leave none.
 */
export function transliterate(text: string): string {
  if (!/[^\u0000-\u007f]/.test(text)) return text;
  return text.replace(/[^\u0000-\u007f]/g, (char) => {
    const code = char.charCodeAt(0);
    // Latin, Greek and Cyrillic letters lose their marks first ("é" -> "e", "ά" -> "α").
    const base =
      (code >= 0xc0 && code <= 0x4ff) || (code >= 0x1e00 && code <= 0x1fff)
        ? char.normalize('NFKD').replace(/\p{M}/gu, '')
        : char;
    const lower = base.toLowerCase();
    const known = LETTER_TRANSLITERATIONS[lower];
    if (known !== undefined) return base === lower ? known : known.toUpperCase();
    return base;
  });
}

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
  // A name may start with a digit (`2fa.enabled`) and hold letters of any script (`用户.登录`).
  dot: /^(?=[\p{Ll}\p{Lo}\d_]*[\p{Ll}\p{Lo}])[\p{Ll}\p{Lo}\d][\p{Ll}\p{Lo}\d_]*(\.[\p{Ll}\p{Lo}\d][\p{Ll}\p{Lo}\d_]*)*$/u,
  snake: /^(?=\d*[\p{Ll}\p{Lo}])[\p{Ll}\p{Lo}\d]+(_[\p{Ll}\p{Lo}\d]+)*$/u,
  kebab: /^(?=\d*[\p{Ll}\p{Lo}])[\p{Ll}\p{Lo}\d]+(-[\p{Ll}\p{Lo}\d]+)*$/u,
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

/** Objects in the middle of a path that only wrap what is named: `pod.metadata.name` is `podName`. */
const WRAPPERS: ReadonlySet<string> = new Set([
  'metadata',
  'meta',
  'data',
  'attributes',
  'props',
  'properties',
  'spec',
  'details',
  'info',
]);

/**
 * Joins path segments into one key: ['order', 'id'] -> 'orderId', ['account', 'sip_realm'] ->
 * 'accountSipRealm'; a single segment is kept exactly as written.
 */
export function joinKeySegments(segments: readonly string[]): string {
  let cleaned = segments.filter((segment) => segment !== 'this' && segment !== '');
  if (cleaned.length > 2 && REQUEST_OBJECTS.has(cleaned[0]) && REQUEST_CONTAINERS.has(cleaned[1]))
    cleaned = cleaned.slice(2);
  // `req.url`, `ctx.method`: the request's own fields.
  if (cleaned.length === 2 && REQUEST_OBJECTS.has(cleaned[0])) cleaned = cleaned.slice(1);
  // `pod.metadata.name`: the wrapper in the middle says nothing.
  if (cleaned.length > 2)
    cleaned = cleaned.filter(
      (segment, index) => index === 0 || index === cleaned.length - 1 || !WRAPPERS.has(segment),
    );
  if (cleaned.length === 0) return 'detail';
  if (cleaned.length === 1) return cleaned[0];
  // `run.runId`, `plainRun.runId`, `job.tenantId`: a camel-case name already says whose it is.
  const last = cleaned[cleaned.length - 1];
  if (/^[a-z][a-z0-9]*[A-Z]/.test(last)) return last;
  return toCamelCase(cleaned.flatMap((segment) => splitWords(segment)));
}

/**
 * Field keys from the words of a message around a value: the author already named the value there
 * ("took ${ms}ms" is a duration, "attempt ${n} of ${max}" an attempt and its maximum, "order ${id}"
 * an order id). The expression's own name is the fallback, and wins when it is the more specific.
 */
import type { KeyContext } from './fields';
import { splitWords, toCamelCase } from './naming';
import { STOP_WORDS } from './words';

/** Names that say nothing of what a value is. */
const WEAK_KEYS: ReadonlySet<string> = new Set([
  'arg',
  'args',
  'data',
  'detail',
  'e',
  'el',
  'entry',
  'item',
  'n',
  'num',
  'obj',
  'o',
  'res',
  'result',
  's',
  'str',
  'tmp',
  'v',
  'val',
  'value',
  'x',
  'i',
  'j',
  'k',
  't',
  'ms',
  'elapsed',
  'diff',
  'delta',
  'seconds',
  'secs',
  'minutes',
  'mins',
  'hours',
  'millis',
  'max',
  'min',
  'total',
  'limit',
]);

/** Names of a value that are only useful with what they belong to: `order ${id}` -> `orderId`. */
const QUALIFIED_KEYS: ReadonlySet<string> = new Set([
  'id',
  'ids',
  'uuid',
  'name',
  'key',
  'code',
  'type',
  'status',
  'url',
  'path',
  'slug',
  'email',
  'number',
  'version',
  'count',
  'index',
  'ref',
  'size',
  'state',
  'label',
  'kind',
  'title',
]);

/** Words before a value that are not its name: verbs and the like ("said", "got", "failed"). */
const NOT_NAMES: ReadonlySet<string> = new Set([
  // Irregular past tenses, which the `-ed` test cannot see.
  'ran',
  'ate',
  'began',
  'built',
  'caught',
  'chose',
  'came',
  'did',
  'drew',
  'fell',
  'gave',
  'went',
  'had',
  'held',
  'kept',
  'knew',
  'left',
  'lost',
  'made',
  'met',
  'paid',
  'read',
  'rose',
  'saw',
  'sold',
  'spent',
  'stood',
  'threw',
  'told',
  'won',
  'wrote',
  'got',
  'said',
  'set',
  'sent',
  'seen',
  'took',
  'found',
  'done',
  'failed',
  'is',
  'was',
  'received',
  'returned',
  'reason',
  'because',
  'message',
  'msg',
  'error',
  'err',
  'using',
  'value',
  'new',
  'old',
  'skipping',
  'processing',
  'total',
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'head',
  'options',
  'ms',
  'sec',
  'secs',
  'seconds',
  'usage',
  'miss',
  'hit',
  'failure',
  'success',
  'timeout',
  'start',
  'end',
  'stop',
  'ok',
]);

const ATTEMPT_WORDS = /^(attempt|attempts|retry|retries|try|tries|retrying)$/;

/** Units after a value, and the key ending they give. */
const UNITS: ReadonlyArray<[RegExp, string]> = [
  [/^\s?(ms|millis|milliseconds?)\b/i, 'Ms'],
  [/^\s?(s|secs?|seconds?)\b/i, 'Seconds'],
  [/^\s?(mins?|minutes?)\b/i, 'Minutes'],
  [/^\s?(h|hrs?|hours?)\b/i, 'Hours'],
  [/^\s?(bytes?|b)\b/i, 'Bytes'],
  [/^\s?(kb|kib)\b/i, 'Kb'],
  [/^\s?(mb|mib)\b/i, 'Mb'],
  [/^\s?(gb|gib)\b/i, 'Gb'],
  [/^\s?%/, 'Percent'],
];

const TIMEOUT_BEFORE = /\b(timeout|timed\s+out)\b[^.]*$/i;
const DELAY_BEFORE =
  /\b(retry(ing)?|delay(ing)?|backoff|back(ing)?\s+off|sleep(ing)?|wait(ing)?|again|reschedul\w*)\b[^.]*\b(in|after|for)?\s*$/i;
const DURATION_WORDS =
  /(duration|elapsed|latency|took|time|ttl|interval|delay|timeout|age|uptime)/i;

/** The key for a value given the words around it in its message; `fromExpression` otherwise. */
export function keyFromContext(fromExpression: string, context: KeyContext): string {
  const expressionWords = splitWords(fromExpression);
  const weak =
    WEAK_KEYS.has(fromExpression) ||
    fromExpression.length <= 1 ||
    expressionWords.every((word) => WEAK_KEYS.has(word));
  // A unit after the value: `${ms}ms`, `${size} MB`, `${cpu}%`.
  for (const [unit, suffix] of UNITS) {
    if (!unit.test(context.after)) continue;
    if (suffix === 'Seconds' && !/^\s?(s|secs?|seconds?)\b/i.test(context.after)) continue;
    const expressionHasUnit = fromExpression.toLowerCase().endsWith(suffix.toLowerCase());
    if (!weak && expressionHasUnit) return fromExpression;
    // Bytes are counted like rows: `${bytes} bytes`, `${payload.length} bytes` keep their name.
    if (!weak && suffix === 'Bytes') return fromExpression;
    const named = lastNames(context.before, 2);
    if (suffix === 'Ms' || suffix === 'Seconds' || suffix === 'Minutes' || suffix === 'Hours') {
      if (!weak && fromExpression !== 'durationMs') return `${stripUnit(fromExpression)}${suffix}`;
      if (TIMEOUT_BEFORE.test(context.before)) return `timeout${suffix}`;
      if (DELAY_BEFORE.test(context.before)) return `delay${suffix}`;
      if (named && DURATION_WORDS.test(named)) return `${named}${suffix}`;
      return `duration${suffix}`;
    }
    if (!weak) return `${stripUnit(fromExpression)}${suffix}`;
    return `${named ?? (suffix === 'Percent' ? '' : 'size')}${suffix}`.replace(/^[A-Z]/, (c) =>
      c.toLowerCase(),
    );
  }
  // `attempt ${n} of ${max}`: the maximum of what came before.
  if (context.beforePrevious !== undefined && /^\s*(of|\/|out\s+of)\s*$/i.test(context.before)) {
    const noun = lastNames(context.beforePrevious, 1);
    if (noun) {
      const counted = ATTEMPT_WORDS.test(noun) ? 'Attempts' : capitalize(plural(noun));
      if (!weak && !/^(max|total|count|limit)$/.test(fromExpression)) return fromExpression;
      return ATTEMPT_WORDS.test(noun) ? `max${counted}` : `total${counted}`;
    }
    // `${done}/${total} records`: the total of what follows.
    const after = /^\s+([a-z]{3,}s)\b/i.exec(context.after)?.[1]?.toLowerCase();
    if (weak && after && isPlural(after)) return `total${capitalize(after)}`;
  }
  // `Synced ${n} rows`: a count of what follows.
  const counted = /^\s+([a-z]{3,}s)\b/i.exec(context.after)?.[1]?.toLowerCase();
  if (weak && counted && isPlural(counted) && !STOP_WORDS.has(counted)) return `${counted}Count`;
  // `order ${id}`, `status=${code}`, `attempt ${n}`: the word before names the value.
  const explicitWord = /(?:^|[\s,;([{])([A-Za-z][\w-]*)\s*[=:]\s*["'`[(]?$/.exec(
    context.before,
  )?.[1];
  const explicit = explicitWord && isName(explicitWord.toLowerCase()) ? explicitWord : undefined;
  const named = explicit ? toCamelCase(splitWords(explicit)) : lastNames(context.before, 2);
  if (!named) return fromExpression;
  const namedWords = splitWords(named);
  if (ATTEMPT_WORDS.test(named) && /^\s*(of|\/)\s*/i.test(context.after)) return 'attempt';
  if (expressionWords.some((word) => namedWords.includes(word)) && !weak) return fromExpression;
  if (QUALIFIED_KEYS.has(fromExpression)) {
    const last = namedWords[namedWords.length - 1];
    return last === fromExpression.toLowerCase() ? named : `${named}${capitalize(fromExpression)}`;
  }
  if (weak) return named;
  // The expression's own name is specific (`config.host`, `region`, `program`).
  return fromExpression;
}

/**
 * The one or two words right before the value that name it, camel-cased: "Payload size " ->
 * `payloadSize`, "order #" -> `order`; null when a stop word, a verb or punctuation stands there.
 */
function lastNames(before: string, most: number): string | null {
  const match = /([A-Za-z][A-Za-z0-9]*)(?:[ \t]+([A-Za-z][A-Za-z0-9]*))?[ \t]*[#"'`([]?$/.exec(
    before,
  );
  if (!match) return null;
  const last = (match[2] ?? match[1]).toLowerCase();
  if (!isName(last)) return null;
  const first = match[2] ? match[1].toLowerCase() : undefined;
  if (most === 2 && first && isName(first) && QUALIFIED_KEYS.has(last))
    return toCamelCase([...splitWords(first), ...splitWords(last)]);
  return toCamelCase(splitWords(match[2] ?? match[1]));
}

function isName(word: string): boolean {
  return (
    !STOP_WORDS.has(word) && !NOT_NAMES.has(word) && !/(ed|ing|ly)$/.test(word) && word.length > 1
  );
}

function isPlural(word: string): boolean {
  return (
    !/(ss|us|is|ous)$/.test(word) &&
    !/^(has|was|does|this|always|status|access|success|process|progress)$/.test(word)
  );
}

function plural(word: string): string {
  if (word.endsWith('s')) return word;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

function stripUnit(key: string): string {
  return key.replace(/(Ms|Millis|Seconds|Secs|Sec|Bytes|Mb|Kb|Gb|Percent|Pct)$/, '');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

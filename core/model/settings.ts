/**
 * `settings['structured-logging']`: one place for rules and codemods. Parsed once per settings
 * object, validated with messages that name the offending option.
 */

export type LoggerStyle = 'pino' | 'bunyan' | 'winston' | 'nestjs';
export type StyleSetting = LoggerStyle | 'auto';
export type EventNameCase = 'dot' | 'snake' | 'kebab';
export type FieldCase = 'camel' | 'snake' | 'preserve';

export interface CustomLoggerShape {
  /** Dotted receiver pattern with `*` segments: 'logger', 'this.logger', '*.log'. */
  match: string;
  messageArg: number;
  fieldsArg?: number;
  /** Methods that log; default: the usual level names plus `log`. */
  methods?: string[];
}

export interface Settings {
  loggers: CustomLoggerShape[];
  style: StyleSetting;
  eventName: { case: EventNameCase; pattern?: RegExp };
  fieldCase: FieldCase;
  /** Explicit error key, or undefined to use the style's default (`err` for pino/bunyan, `error` otherwise). */
  errorKey?: string;
  logger?: { importFrom: string; importName: string; importKind: 'named' | 'default' };
  sensitive: {
    names: string[];
    allow: string[];
    redactors: string[];
    categories: Array<'secret' | 'financial' | 'personal'>;
    /** How redact-sensitive-data redacts: the literal '[REDACTED]', a call to `redactor`, or removing the field. */
    redaction: 'literal' | 'wrap' | 'remove';
    /**
     * Whether redact-sensitive-data adds field paths to the `redact` option of a pino logger created
     * in the project rather than redacting at the call (default true).
     */
    loggerRedact: boolean;
    redactor?: { importFrom: string; importName: string; importKind: 'named' | 'default' };
  };
  metrics: { denyLabels: string[]; allowLabels: string[] };
  /** The committed telemetry catalog (`logging-catalog.json`), relative to the working directory. */
  catalog?: string;
  /**
   * Whether a package whose package.json declares `bin` is a command-line tool, whose console output
   * is its interface (no-console quiet, console-to-logger leaves it). Default true; false for a
   * library that also ships a command.
   */
  cliPackages: boolean;
  naming: {
    /** Product names kept as one word in event names besides the built-in list (`PostHog`, `BullMQ`). */
    words: string[];
    /**
     * Whether `JSON.stringify(x)` and `String(x)` in a message become the field `x` itself: the
     * logger serialises fields, and a field holding the string cannot be searched by its parts.
     */
    unwrapSerialized: boolean;
  };
  /**
   * The line width rewritten calls stay within when no Prettier configuration gives one; the codemod
   * CLI fills it from the file's ESLint `max-len` rule when it is not set.
   */
  printWidth?: number;
}

export const SETTINGS_KEY = 'structured-logging';

export class SettingsError extends Error {
  constructor(option: string, problem: string) {
    super(`Invalid settings['${SETTINGS_KEY}'].${option}: ${problem}`);
    this.name = 'SettingsError';
  }
}

const STYLES: readonly StyleSetting[] = ['auto', 'pino', 'bunyan', 'winston', 'nestjs'];
const EVENT_CASES: readonly EventNameCase[] = ['dot', 'snake', 'kebab'];
const FIELD_CASES: readonly FieldCase[] = ['camel', 'snake', 'preserve'];

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejectUnknownKeys(value: Raw, allowed: readonly string[], option: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      const where = option ? `${option}.${key}` : key;
      throw new SettingsError(where, `unknown option (expected one of: ${allowed.join(', ')})`);
    }
  }
}

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  option: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new SettingsError(
      option,
      `expected one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return value as T;
}

function stringList(value: unknown, option: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new SettingsError(option, 'expected an array of strings');
  }
  return value as string[];
}

function nonNegativeInteger(value: unknown, option: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new SettingsError(
      option,
      `expected a non-negative integer, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function parseLoggers(value: unknown): CustomLoggerShape[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new SettingsError('loggers', 'expected an array of { match, messageArg, fieldsArg? }');
  return value.map((entry: unknown, index) => {
    const option = `loggers[${index}]`;
    if (!isRecord(entry))
      throw new SettingsError(option, 'expected an object { match, messageArg, fieldsArg? }');
    rejectUnknownKeys(entry, ['match', 'messageArg', 'fieldsArg', 'methods'], option);
    if (typeof entry.match !== 'string' || !/^(\*|[\w$]+)(\.(\*|[\w$]+))*$/.test(entry.match)) {
      throw new SettingsError(
        `${option}.match`,
        `expected a dotted pattern such as 'logger', 'this.logger' or '*.log', got ${JSON.stringify(entry.match)}`,
      );
    }
    const shape: CustomLoggerShape = {
      match: entry.match,
      messageArg: nonNegativeInteger(entry.messageArg ?? 0, `${option}.messageArg`),
    };
    if (entry.fieldsArg !== undefined)
      shape.fieldsArg = nonNegativeInteger(entry.fieldsArg, `${option}.fieldsArg`);
    if (shape.fieldsArg === shape.messageArg)
      throw new SettingsError(`${option}.fieldsArg`, 'must differ from messageArg');
    if (entry.methods !== undefined) shape.methods = stringList(entry.methods, `${option}.methods`);
    return shape;
  });
}

function parseEventName(value: unknown): Settings['eventName'] {
  if (value === undefined) return { case: 'dot' };
  if (!isRecord(value))
    throw new SettingsError(
      'eventName',
      "expected { case: 'dot' | 'snake' | 'kebab' } or { pattern: '<regexp>' }",
    );
  rejectUnknownKeys(value, ['case', 'pattern'], 'eventName');
  const result: Settings['eventName'] = {
    case: oneOf(value.case, EVENT_CASES, 'eventName.case', 'dot'),
  };
  if (value.pattern !== undefined) {
    if (typeof value.pattern !== 'string')
      throw new SettingsError('eventName.pattern', 'expected a regular expression source string');
    try {
      result.pattern = new RegExp(value.pattern, 'u');
    } catch (error) {
      throw new SettingsError(
        'eventName.pattern',
        `not a valid regular expression (${(error as Error).message})`,
      );
    }
  }
  return result;
}

function parseLoggerImport(value: unknown, option = 'logger'): Settings['logger'] {
  if (value === undefined) return undefined;
  if (!isRecord(value))
    throw new SettingsError(option, "expected { importFrom: './logger', importName: 'logger' }");
  rejectUnknownKeys(value, ['importFrom', 'importName', 'importKind'], option);
  if (typeof value.importFrom !== 'string' || value.importFrom === '')
    throw new SettingsError(`${option}.importFrom`, 'expected a module specifier string');
  const importName = value.importName ?? 'logger';
  if (typeof importName !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(importName))
    throw new SettingsError(`${option}.importName`, 'expected an identifier');
  return {
    importFrom: value.importFrom,
    importName,
    importKind: oneOf(
      value.importKind,
      ['named', 'default'] as const,
      `${option}.importKind`,
      'named',
    ),
  };
}

function parseSection<K extends string>(
  value: unknown,
  option: string,
  keys: readonly K[],
): Record<K, string[]> {
  if (value !== undefined && !isRecord(value))
    throw new SettingsError(option, `expected an object with ${keys.join(', ')}`);
  const raw = value ?? {};
  rejectUnknownKeys(raw, keys, option);
  return Object.fromEntries(
    keys.map((key) => [key, stringList(raw[key], `${option}.${key}`)]),
  ) as Record<K, string[]>;
}

const CATEGORIES = ['secret', 'financial', 'personal'] as const;

function parseSensitive(value: unknown): Settings['sensitive'] {
  if (value !== undefined && !isRecord(value))
    throw new SettingsError('sensitive', 'expected an object');
  const raw = value ?? {};
  rejectUnknownKeys(
    raw,
    ['names', 'allow', 'redactors', 'categories', 'redaction', 'redactor', 'loggerRedact'],
    'sensitive',
  );
  const categories =
    raw.categories === undefined
      ? [...CATEGORIES]
      : stringList(raw.categories, 'sensitive.categories');
  for (const category of categories) {
    if (!(CATEGORIES as readonly string[]).includes(category))
      throw new SettingsError(
        'sensitive.categories',
        `unknown category '${category}' (expected ${CATEGORIES.join(', ')})`,
      );
  }
  const redactor =
    raw.redactor === undefined ? undefined : parseLoggerImport(raw.redactor, 'sensitive.redactor');
  const redaction = oneOf(
    raw.redaction,
    ['literal', 'wrap', 'remove'] as const,
    'sensitive.redaction',
    'literal',
  );
  if (raw.loggerRedact !== undefined && typeof raw.loggerRedact !== 'boolean')
    throw new SettingsError(
      'sensitive.loggerRedact',
      `expected true or false, got ${JSON.stringify(raw.loggerRedact)}`,
    );
  if (redaction === 'wrap' && !redactor)
    throw new SettingsError(
      'sensitive.redactor',
      "redaction 'wrap' needs { importFrom, importName } of the redacting function",
    );
  return {
    names: stringList(raw.names, 'sensitive.names'),
    allow: stringList(raw.allow, 'sensitive.allow'),
    redactors:
      raw.redactors === undefined
        ? ['redact', 'mask', ...(redactor ? [redactor.importName] : [])]
        : stringList(raw.redactors, 'sensitive.redactors'),
    categories: categories as Settings['sensitive']['categories'],
    redaction,
    loggerRedact: raw.loggerRedact !== false,
    redactor,
  };
}

function parseNaming(value: unknown): Settings['naming'] {
  if (value !== undefined && !isRecord(value))
    throw new SettingsError('naming', 'expected an object { words?, unwrapSerialized? }');
  const raw = value ?? {};
  rejectUnknownKeys(raw, ['words', 'unwrapSerialized'], 'naming');
  const words = stringList(raw.words, 'naming.words');
  for (const word of words) {
    if (!/^[\p{L}\p{N}]+$/u.test(word))
      throw new SettingsError(
        'naming.words',
        `expected words of letters and digits only (such as 'PostHog'), got ${JSON.stringify(word)}`,
      );
  }
  if (raw.unwrapSerialized !== undefined && typeof raw.unwrapSerialized !== 'boolean')
    throw new SettingsError(
      'naming.unwrapSerialized',
      `expected true or false, got ${JSON.stringify(raw.unwrapSerialized)}`,
    );
  return { words, unwrapSerialized: raw.unwrapSerialized !== false };
}

const cache = new WeakMap<object, Settings>();
const DEFAULTS = parseSettingsUncached(undefined);

/** Validates and normalises the raw settings object; throws SettingsError naming the option. */
export function parseSettings(raw: unknown): Settings {
  if (raw === undefined || raw === null) return DEFAULTS;
  if (!isRecord(raw)) throw new SettingsError('', 'expected an object');
  const cached = cache.get(raw);
  if (cached) return cached;
  const parsed = parseSettingsUncached(raw);
  cache.set(raw, parsed);
  return parsed;
}

function parseSettingsUncached(raw: Raw | undefined): Settings {
  const value = raw ?? {};
  rejectUnknownKeys(
    value,
    [
      'loggers',
      'style',
      'eventName',
      'fieldCase',
      'errorKey',
      'logger',
      'sensitive',
      'metrics',
      'catalog',
      'naming',
      'cliPackages',
      'printWidth',
    ],
    '',
  );
  if (value.cliPackages !== undefined && typeof value.cliPackages !== 'boolean')
    throw new SettingsError(
      'cliPackages',
      `expected true or false, got ${JSON.stringify(value.cliPackages)}`,
    );
  if (
    value.errorKey !== undefined &&
    (typeof value.errorKey !== 'string' || value.errorKey === '')
  ) {
    throw new SettingsError('errorKey', 'expected a non-empty string');
  }
  if (value.catalog !== undefined && (typeof value.catalog !== 'string' || value.catalog === ''))
    throw new SettingsError(
      'catalog',
      'expected the path of a catalog file, relative to the working directory',
    );
  if (
    value.printWidth !== undefined &&
    !(Number.isInteger(value.printWidth) && (value.printWidth as number) > 0)
  )
    throw new SettingsError(
      'printWidth',
      `expected a positive whole number of columns, got ${JSON.stringify(value.printWidth)}`,
    );
  const sensitive = parseSensitive(value.sensitive);
  return {
    loggers: parseLoggers(value.loggers),
    style: oneOf(value.style, STYLES, 'style', 'auto'),
    eventName: parseEventName(value.eventName),
    fieldCase: oneOf(value.fieldCase, FIELD_CASES, 'fieldCase', 'preserve'),
    errorKey: value.errorKey as string | undefined,
    logger: parseLoggerImport(value.logger),
    sensitive,
    metrics: parseSection(value.metrics, 'metrics', ['denyLabels', 'allowLabels'] as const),
    naming: parseNaming(value.naming),
    cliPackages: value.cliPackages !== false,
    ...(value.catalog === undefined ? {} : { catalog: value.catalog as string }),
    ...(value.printWidth === undefined ? {} : { printWidth: value.printWidth as number }),
  };
}

/** Reads the plugin's settings from an ESLint `settings` object. */
export function settingsFrom(
  eslintSettings: Readonly<Record<string, unknown>> | undefined,
): Settings {
  return parseSettings(eslintSettings?.[SETTINGS_KEY]);
}

export function isFieldsFirst(style: LoggerStyle): boolean {
  return style === 'pino' || style === 'bunyan';
}

export function errorKeyFor(settings: Settings, style: LoggerStyle): string {
  return settings.errorKey ?? (isFieldsFirst(style) ? 'err' : 'error');
}

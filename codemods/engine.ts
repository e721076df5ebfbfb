/**
 * The codemod engine: parse, ask the shared analysis for rewrites, apply the ones that do not
 * overlap, and account for everything. Every codemod is a `collect` function on top of it; the
 * same module exposes each one as a plain jscodeshift transform.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type * as TypeScript from 'typescript';
import {
  applyEdits,
  applyEditsWithin,
  editsSpan,
  oneLine,
  overlaps,
  type Edit,
} from '../core/model/edits';
import type { FileModel } from '../core/model/file';
import { graftEdits } from './graft';
import {
  ParseError,
  parseFile,
  rewrittenStatementsParse,
  syntaxError,
  type ParsedModel,
} from '../core/model/parse';
import { parseSettings, type Settings } from '../core/model/settings';

/**
 * A rewrite to apply, a call left alone with the reason, or a call made safe by an edit to another
 * file (paths added to the `redact` option of the pino logger it logs through). `redactPaths` feed
 * pino's `redact` list in the report.
 */
export type Finding = (
  | { node: TSESTree.Node; edits: Edit[] }
  | { node: TSESTree.Node; reason: string }
  | { node: TSESTree.Node; loggerRedaction: LoggerRedaction }
) & { redactPaths?: readonly string[] };

/** Field paths to add to the `redact` option of a pino logger created in another file. */
export interface LoggerRedaction {
  /** Absolute path of the file that creates the logger, and the offset of the creating call. */
  filename: string;
  offset: number;
  /** `src/logger.ts:3`, for messages. */
  where: string;
  paths: readonly string[];
}

/** What a codemod may do beyond the file it reads. */
export interface CollectOptions {
  /**
   * Edits to other files are collected and made after every file was read (the CLI's runner);
   * a plain jscodeshift transform sees one file and rewrites in place instead.
   */
  crossFileEdits?: boolean;
}

export interface Codemod {
  name: string;
  description: string;
  /** The rule this codemod fixes: its output must pass that rule, and the rule's suggestions equal it. */
  rule: string;
  /**
   * Cheap text test: a file (or a rewritten region of one) that fails it cannot contain a target, so
   * it is not parsed for this codemod. The same tests let the paired rules skip files.
   */
  mayApply(text: string, settings: Settings): boolean;
  /** Fails before any file is touched when the settings cannot support this codemod. */
  checkSettings?(settings: Settings): string | null;
  /** `cwd` is the project root relative settings paths start from. */
  collect(file: ParsedModel, settings: Settings, cwd: string, options?: CollectOptions): Finding[];
  /**
   * Whether, with these settings, the paired rule's suggestions produce exactly this codemod's output
   * (default: always). The agreement test checks it wherever it holds.
   */
  matchesSuggestions?(settings: Settings, input: string): boolean;
  /** Edits that support the accepted rewrites (an import they need), applied once per file. */
  supportEdits?(file: FileModel, settings: Settings, cwd: string, firstChange: number): Edit[];
}

export interface Location {
  line: number;
  column: number;
}

export interface ChangeRecord extends Location {
  before: string;
  after: string;
}

export interface SkipRecord extends Location {
  code: string;
  reason: string;
}

export interface FileOutcome {
  /** The new text, or null when nothing changed (the file is then never written). */
  output: string | null;
  changes: ChangeRecord[];
  skips: SkipRecord[];
  /** Set when the file could not be parsed; it is left exactly as it was. */
  parseError?: { message: string; line?: number; column?: number };
  /** Field paths a pino logger could redact itself (`redact: [...]`). */
  redactPaths?: string[];
  /** Paths to add to pino loggers created in other files, and the calls that need them. */
  loggerRedactions?: Array<LoggerRedaction & { codemod: string } & Location>;
}

/**
 * Line and column (both from 1) of offsets in one text. The line starts are found once per text,
 * not once per reported change or skip; each lookup is a binary search.
 */
function locator(text: string): (offset: number) => Location {
  const lineStarts = [0];
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1))
    lineStarts.push(newline + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
}

/** How much of a call a codemod report shows. */
const REPORTED_CODE_LENGTH = 160;

interface Accepted {
  node: TSESTree.Node;
  edits: Edit[];
  /** The node and every edit (edits may reach past the node): what is reported and guarded. */
  span: [number, number];
}

type Span = readonly [number, number];

/** How many items, from the first, satisfy `test`, which holds for a prefix of them: a binary search. */
function prefixLength<T>(items: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (test(items[middle])) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Spans that overlap none of each other, kept sorted by start then end. Sorted that way their ends
 * rise too, so of the spans starting before a new one ends, the last reaches furthest: checking it
 * alone answers what checking every span would, and a file's rewrites cost O(n log n), not O(n²).
 */
class DisjointSpans {
  private readonly spans: Span[] = [];

  /** Whether `span` overlaps a held span, in the sense of `overlaps`. */
  overlapsAny(span: Span): boolean {
    const before = prefixLength(this.spans, (held) => held[0] < span[1]);
    return before > 0 && overlaps(this.spans[before - 1], span);
  }

  add(span: Span): void {
    this.spans.splice(
      prefixLength(
        this.spans,
        (held) => held[0] < span[0] || (held[0] === span[0] && held[1] <= span[1]),
      ),
      0,
      span,
    );
  }
}

interface Collected {
  accepted: Accepted[];
  skips: Array<{ node: TSESTree.Node; reason: string }>;
  support: Edit[];
  redactPaths: string[];
  loggerRedactions: Array<{ node: TSESTree.Node; redaction: LoggerRedaction }>;
}

/** One codemod's findings on one parse, overlapping rewrites turned into skips. */
function collectFindings(
  codemod: Codemod,
  file: ParsedModel,
  settings: Settings,
  cwd: string,
  options: CollectOptions,
): Collected {
  const findings = codemod.collect(file, settings, cwd, options);
  const collected: Collected = {
    accepted: [],
    skips: [],
    support: [],
    redactPaths: [...new Set(findings.flatMap((finding) => finding.redactPaths ?? []))],
    loggerRedactions: [],
  };
  const acceptedSpans = new DisjointSpans();
  for (const finding of findings) {
    if ('reason' in finding) {
      collected.skips.push(finding);
      continue;
    }
    if ('loggerRedaction' in finding) {
      collected.loggerRedactions.push({ node: finding.node, redaction: finding.loggerRedaction });
      continue;
    }
    // From the first edit to the last: two rewrites of one codemod may not overlap here.
    const edits = editsSpan(finding.edits);
    if (acceptedSpans.overlapsAny(edits)) {
      collected.skips.push({
        node: finding.node,
        reason: 'overlaps another rewrite in this file; run the codemod again',
      });
      continue;
    }
    acceptedSpans.add(edits);
    collected.accepted.push({
      node: finding.node,
      edits: finding.edits,
      span: [Math.min(finding.node.range[0], edits[0]), Math.max(finding.node.range[1], edits[1])],
    });
  }
  if (collected.accepted.length > 0) {
    const firstChange = collected.accepted.reduce(
      (first, finding) => Math.min(first, finding.span[0]),
      Infinity,
    );
    collected.support = codemod.supportEdits?.(file, settings, cwd, firstChange) ?? [];
  }
  return collected;
}

export interface PipelineOutcome extends FileOutcome {
  /** Which codemod each change and skip came from. */
  changes: Array<ChangeRecord & { codemod: string }>;
  skips: Array<SkipRecord & { codemod: string }>;
  /** How many times the whole file was parsed (once, plus once per codemod that had to see another's rewrite and could not be shown it by a graft). */
  parses: number;
  /** How many times a later codemod was shown earlier rewrites by parsing only the statements they changed (see graftEdits). */
  grafts: number;
  /** Whether the new text was parsed whole to check it, because its rewritten statements alone could not vouch for it. */
  checkedWholeFile: boolean;
}

/** A rewrite already applied on top of the parsed text: where, and what it was before and after. */
interface AppliedRegion {
  span: [number, number];
  before: string;
  after: string;
}

/**
 * Whether any span touches any region (shares an offset with it, ends included). The regions may
 * overlap one another, so they are sorted by start with the furthest end reached so far: a span
 * touches one iff, among those starting at or before its end, that furthest end reaches its start.
 * O((n + m) log m) rather than comparing every span with every region.
 */
function touchesAny(regions: readonly Span[], spans: readonly Span[]): boolean {
  const sorted = [...regions].sort((a, b) => a[0] - b[0]);
  const furthest: number[] = [];
  for (const [, end] of sorted)
    furthest.push(Math.max(end, furthest[furthest.length - 1] ?? -Infinity));
  return spans.some(([start, end]) => {
    const before = prefixLength(sorted, (region) => region[0] <= end);
    return before > 0 && furthest[before - 1] >= start;
  });
}

/**
 * Runs codemods in order over one file's text and never throws for bad input. The file is parsed
 * once; a later codemod reuses that parse, with its edits applied on top of the earlier ones, unless
 * an earlier codemod added support edits (imports change what names resolve to) or rewrote a region
 * where the later codemod's own text test passes (before or after the rewrite): then the later one
 * must see the new tree. It gets it by a graft (the changed statements parsed alone and put in place
 * of the old ones), or, where a graft cannot show the edits, by parsing the whole text again.
 * `reparseEachStep` forces a whole parse after every step; tests use it to prove that both shortcuts
 * give the same output.
 */
export function runCodemods(
  codemods: readonly Codemod[],
  original: string,
  filename: string,
  settings: Settings,
  cwd = process.cwd(),
  options: { reparseEachStep?: boolean; program?: TypeScript.Program } & CollectOptions = {},
): PipelineOutcome {
  const outcome: PipelineOutcome = {
    output: null,
    changes: [],
    skips: [],
    redactPaths: [],
    loggerRedactions: [],
    parses: 0,
    grafts: 0,
    checkedWholeFile: false,
  };
  let text = original;
  /** The parse the findings come from, and the edits applied on top of its text to give `text`. */
  let base:
    | {
        file: ParsedModel;
        edits: Edit[];
        rewritten: TSESTree.Node[];
        regions: AppliedRegion[];
        support: boolean;
        locate?: (offset: number) => Location;
      }
    | undefined;
  /** Support edits were grafted: only a parse of the whole text shows that an added import fits where it went. */
  let graftedSupport = false;
  const parse = (): boolean => {
    if (base && base.edits.length > 0 && !options.reparseEachStep) {
      const grafted = graftEdits(base.file, base.rewritten, base.edits, text);
      if (grafted) {
        graftedSupport ||= base.support;
        base = { file: grafted, edits: [], rewritten: [], regions: [], support: false };
        outcome.grafts++;
        return true;
      }
    }
    try {
      base = {
        file: parseFile(text, filename, options.program),
        edits: [],
        rewritten: [],
        regions: [],
        support: false,
      };
      outcome.parses++;
      return true;
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      outcome.parseError =
        text === original
          ? { message: error.message, line: error.line, column: error.column }
          : {
              message: `a rewrite would not parse, file left unchanged (please report this): ${error.message}`,
            };
      return false;
    }
  };
  for (const codemod of codemods) {
    if (!codemod.mayApply(text, settings)) continue;
    const stale = (current: NonNullable<typeof base>) =>
      options.reparseEachStep ||
      current.support ||
      current.regions.some(
        (region) =>
          codemod.mayApply(region.before, settings) || codemod.mayApply(region.after, settings),
      );
    if ((base === undefined || (base.edits.length > 0 && stale(base))) && !parse())
      return { ...outcome, changes: [], output: null };
    let current = base!;
    let collected = collectFindings(codemod, current.file, settings, cwd, options);
    if (current.regions.length > 0) {
      const spans = [
        ...collected.accepted.map((finding) => finding.span),
        ...collected.skips.map((skip) => skip.node.range),
        ...collected.support.map((edit) => edit.range),
      ];
      if (
        touchesAny(
          current.regions.map((region) => region.span),
          spans,
        )
      ) {
        if (!parse()) return { ...outcome, changes: [], output: null };
        current = base!;
        collected = collectFindings(codemod, current.file, settings, cwd, options);
      }
    }
    const { file } = current;
    const locate = (current.locate ??= locator(file.text));
    for (const skip of collected.skips)
      outcome.skips.push({
        codemod: codemod.name,
        ...locate(skip.node.range[0]),
        code: oneLine(file.getText(skip.node), REPORTED_CODE_LENGTH),
        reason: skip.reason,
      });
    outcome.redactPaths!.push(
      ...collected.redactPaths.filter((path) => !outcome.redactPaths!.includes(path)),
    );
    for (const { node, redaction } of collected.loggerRedactions)
      outcome.loggerRedactions!.push({
        codemod: codemod.name,
        ...locate(node.range[0]),
        ...redaction,
      });
    if (collected.accepted.length === 0) continue;
    for (const finding of collected.accepted) {
      const [start, end] = finding.span;
      const before = file.text.slice(start, end);
      const after = applyEditsWithin(file.text, finding.span, finding.edits);
      outcome.changes.push({
        codemod: codemod.name,
        ...locate(start),
        before: oneLine(before, REPORTED_CODE_LENGTH),
        after: oneLine(after, REPORTED_CODE_LENGTH),
      });
      current.regions.push({ span: finding.span, before, after });
      current.rewritten.push(finding.node);
    }
    for (const edit of collected.support)
      current.regions.push({ span: edit.range, before: '', after: edit.text });
    current.support ||= collected.support.length > 0;
    current.edits.push(
      ...collected.accepted.flatMap((finding) => finding.edits),
      ...collected.support,
    );
    text = applyEdits(file.text, current.edits);
  }
  if (text === original) return outcome;
  // Last line of defence: never hand back code that no longer parses. A parse after the last rewrite
  // already showed it; otherwise the rewritten statements are parsed alone, and only when they cannot
  // vouch for the file (an added import, a rewrite outside a plain statement) is the whole text.
  const { file, edits, rewritten, support } = base!;
  outcome.checkedWholeFile =
    graftedSupport || support || !rewrittenStatementsParse(file, rewritten, edits);
  const problem = outcome.checkedWholeFile ? syntaxError(text, filename) : null;
  if (problem)
    return {
      ...outcome,
      changes: [],
      output: null,
      parseError: {
        message: `the rewrite would not parse, file left unchanged (please report this): ${problem}`,
      },
    };
  return { ...outcome, output: text };
}

/** Runs one codemod over one file's text. Never throws for bad input; a parse failure is reported. */
export function runCodemod(
  codemod: Codemod,
  text: string,
  filename: string,
  settings: Settings,
  cwd = process.cwd(),
): FileOutcome {
  return runCodemods([codemod], text, filename, settings, cwd);
}

/** Settings for a plain `jscodeshift -t` run: `--settings='{"style":"pino"}'` or individual flags. */
function settingsFromOptions(options: Record<string, unknown>): Settings {
  if (typeof options.settings === 'string') return parseSettings(JSON.parse(options.settings));
  if (options.settings && typeof options.settings === 'object')
    return parseSettings(options.settings);
  const raw: Record<string, unknown> = {};
  for (const key of ['style', 'fieldCase', 'errorKey'])
    if (typeof options[key] === 'string') raw[key] = options[key];
  return parseSettings(raw);
}

export interface JscodeshiftFile {
  path: string;
  source: string;
}

export interface JscodeshiftApi {
  report?: (message: string) => void;
}

/** Wraps a codemod in jscodeshift's transform signature. Returns undefined for "no change". */
export function toTransform(codemod: Codemod) {
  return function transform(
    file: JscodeshiftFile,
    api: JscodeshiftApi,
    options: Record<string, unknown> = {},
  ): string | undefined {
    const settings = settingsFromOptions(options);
    const problem = codemod.checkSettings?.(settings);
    if (problem) throw new Error(problem);
    const outcome = runCodemod(codemod, file.source, file.path, settings);
    if (outcome.parseError)
      throw new Error(
        `${file.path}: could not parse, left unchanged: ${outcome.parseError.message}`,
      );
    for (const skip of outcome.skips)
      api.report?.(`${file.path}:${skip.line}:${skip.column} left unchanged: ${skip.reason}`);
    return outcome.output ?? undefined;
  };
}

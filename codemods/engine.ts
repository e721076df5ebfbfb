/**
 * The codemod engine: parse, ask the shared analysis for rewrites, apply the ones that do not
 * overlap, and account for everything. Every codemod is a `collect` function on top of it; the
 * same module exposes each one as a plain jscodeshift transform.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { applyEdits, editsSpan, overlaps, type Edit } from '../core/edits';
import type { FileModel } from '../core/file';
import { ParseError, parseFile, syntaxError, type ParsedModel } from '../core/parse';
import { parseSettings, type Settings } from '../core/settings';

/** A rewrite to apply, or a call left alone with the reason. `redactPaths` feed pino's `redact` list. */
export type Finding = ({ node: TSESTree.Node; edits: Edit[] } | { node: TSESTree.Node; reason: string }) & { redactPaths?: readonly string[] };

export interface Codemod {
  name: string;
  description: string;
  /** The rule this codemod fixes: its output must pass that rule, and the rule's suggestions equal it. */
  rule: string;
  /** Cheap text test: a file that fails it cannot contain a target and is not parsed. */
  mayApply(text: string): boolean;
  /** Fails before any file is touched when the settings cannot support this codemod. */
  checkSettings?(settings: Settings): string | null;
  collect(file: ParsedModel, settings: Settings): Finding[];
  /**
   * Whether, with these settings, the paired rule's suggestions produce exactly this codemod's output
   * (default: always). The agreement test checks it wherever it holds.
   */
  matchesSuggestions?(settings: Settings): boolean;
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
}

function locationOf(file: FileModel, offset: number): Location {
  const before = file.text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

/**
 * Parses on demand and keeps the model while the text does not change, so `codemod all` parses a
 * file once, and again only after a codemod rewrote it.
 */
export class ParsedFile {
  private model: ParsedModel | undefined;
  private modelText: string | undefined;
  constructor(readonly filename: string) {}

  get(text: string): ParsedModel {
    if (this.model === undefined || this.modelText !== text) {
      this.model = parseFile(text, this.filename);
      this.modelText = text;
    }
    return this.model;
  }
}

/** Runs one codemod over one file's text. Never throws for bad input; a parse failure is reported. */
export function runCodemod(codemod: Codemod, text: string, filename: string, settings: Settings, cwd = process.cwd(), parsed = new ParsedFile(filename)): FileOutcome {
  if (!codemod.mayApply(text)) return { output: null, changes: [], skips: [] };
  let file: ParsedModel;
  try {
    file = parsed.get(text);
  } catch (error) {
    if (error instanceof ParseError) return { output: null, changes: [], skips: [], parseError: { message: error.message, line: error.line, column: error.column } };
    throw error;
  }
  const findings = codemod.collect(file, settings);
  const redactPaths = [...new Set(findings.flatMap((finding) => finding.redactPaths ?? []))];
  const accepted: Array<{ node: TSESTree.Node; edits: Edit[]; span: [number, number] }> = [];
  const skips: SkipRecord[] = [];
  for (const finding of findings) {
    const code = oneLine(file.getText(finding.node));
    if ('reason' in finding) {
      skips.push({ ...locationOf(file, finding.node.range[0]), code, reason: finding.reason });
      continue;
    }
    const span = editsSpan(finding.edits);
    if (accepted.some((other) => overlaps(other.span, span))) {
      skips.push({ ...locationOf(file, finding.node.range[0]), code, reason: 'overlaps another rewrite in this file; run the codemod again' });
      continue;
    }
    accepted.push({ ...finding, span });
  }
  if (accepted.length === 0) return { output: null, changes: [], skips, redactPaths };
  const firstChange = Math.min(...accepted.map((finding) => finding.span[0]));
  const support = codemod.supportEdits?.(file, settings, cwd, firstChange) ?? [];
  const output = applyEdits(text, [...accepted.flatMap((finding) => finding.edits), ...support]);
  // Last line of defence: never hand back code that no longer parses.
  const problem = syntaxError(output, filename);
  if (problem) {
    return { output: null, changes: [], skips, redactPaths, parseError: { message: `the rewrite would not parse, file left unchanged (please report this): ${problem}` } };
  }
  const changes = accepted.map((finding) => {
    // Edits may reach past the node (the `${` `}` around a value, the comma after a property).
    const start = Math.min(finding.node.range[0], finding.span[0]);
    const end = Math.max(finding.node.range[1], finding.span[1]);
    const localEdits = finding.edits.map((edit) => ({ range: [edit.range[0] - start, edit.range[1] - start] as [number, number], text: edit.text }));
    return { ...locationOf(file, start), before: oneLine(text.slice(start, end)), after: oneLine(applyEdits(text.slice(start, end), localEdits)) };
  });
  return { output: output === text ? null : output, changes, skips, redactPaths };
}

/** Settings for a plain `jscodeshift -t` run: `--settings='{"style":"pino"}'` or individual flags. */
function settingsFromOptions(options: Record<string, unknown>): Settings {
  if (typeof options.settings === 'string') return parseSettings(JSON.parse(options.settings));
  if (options.settings && typeof options.settings === 'object') return parseSettings(options.settings);
  const raw: Record<string, unknown> = {};
  for (const key of ['style', 'fieldCase', 'errorKey']) if (typeof options[key] === 'string') raw[key] = options[key];
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
  return function transform(file: JscodeshiftFile, api: JscodeshiftApi, options: Record<string, unknown> = {}): string | undefined {
    const settings = settingsFromOptions(options);
    const problem = codemod.checkSettings?.(settings);
    if (problem) throw new Error(problem);
    const outcome = runCodemod(codemod, file.source, file.path, settings);
    if (outcome.parseError) throw new Error(`${file.path}: could not parse, left unchanged: ${outcome.parseError.message}`);
    for (const skip of outcome.skips) api.report?.(`${file.path}:${skip.line}:${skip.column} left unchanged: ${skip.reason}`);
    return outcome.output ?? undefined;
  };
}

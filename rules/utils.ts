import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { oneLine, type Edit } from '../core/model/edits';
import { outsideServerLogsReason } from '../core/console/console';
import {
  createFileModel,
  type FileModel,
  type ScopeManagerLike,
  type VariableLike,
} from '../core/model/file';
import { mayContainLogCalls, type LogCall } from '../core/loggers/log-calls';
import { analyzeDeclaredLogCall } from '../core/loggers/contract';
import { messageOfCall, type MessageAnalysis } from '../core/messages/message';
import { settingsFrom, type Settings } from '../core/model/settings';
import type { RewriteResult } from '../core/messages/rewrite';

export interface StructuredLoggingDocs {
  description: string;
  /** The lightest config that enables the rule; configs are derived from this. */
  recommended?: 'recommended' | 'strict';
  requiresTypeChecking?: false;
}

export const REPOSITORY_URL =
  'https://github.com/structured-logging/eslint-plugin-structured-logging';

/**
 * typescript-eslint's RuleCreator, minus its cost on every file: it deep-merges the defaults into the
 * options (with structuredClone) each time a rule starts on a file. Here the merge is made once per
 * distinct options value, so a whole run pays for it once per config.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: Readonly<
  ESLintUtils.RuleWithMetaAndName<Options, MessageIds, StructuredLoggingDocs>
>): ESLintUtils.RuleModule<MessageIds, Options, StructuredLoggingDocs> & { name: string } {
  const defaults = (meta.defaultOptions ?? []) as unknown as Options;
  const merged = (given: readonly unknown[]) =>
    ESLintUtils.applyDefault<Options, Options>(defaults, given as Options) as Options;
  let withDefaults: Options | undefined;
  const resolved = new Map<string, Options>();
  return {
    name,
    meta: {
      ...meta,
      docs: { ...meta.docs, url: `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md` },
    },
    create(context) {
      currentFile(context).rulesOn.add(name);
      const given = context.options;
      // Where the config gives no options, ESLint 9.15+ hands each file a new array holding the very
      // objects of the rule's meta.defaultOptions, and older versions an empty array: the defaults.
      if (given.length === 0 || isDefaultOptions(given, defaults))
        return create(context, (withDefaults ??= merged(defaults)));
      // Configured options are merged anew for every file, so they are told apart by value.
      const key = JSON.stringify(given);
      let options = resolved.get(key);
      if (options === undefined) resolved.set(key, (options = merged(given)));
      return create(context, options);
    },
  };
}

function isDefaultOptions(given: readonly unknown[], defaults: readonly unknown[]): boolean {
  return (
    given.length === defaults.length && given.every((value, index) => value === defaults[index])
  );
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

type TextTest = (text: string, settings: Settings) => boolean;

/**
 * What the rules share about the file being linted: its model, built on first request, and the
 * answers of the text tests asked so far. One slot for the current file, not WeakMaps keyed by the
 * AST: the model holds the AST, and V8's young-generation collector keeps a WeakMap entry whose value
 * reaches its key alive, so every linted file (tree, tokens, scopes) used to survive until the next
 * full collection. ESLint lints one file at a time per thread, and a new file has a new AST, so one
 * slot is enough; it holds at most the last file.
 */
let current:
  | {
      ast: TSESTree.Program;
      model?: FileModel;
      textTests: Map<TextTest, boolean>;
      /** The plugin's rules started on this file (ESLint starts every enabled rule before it walks the tree). */
      rulesOn: Set<string>;
    }
  | undefined;

function currentFile(context: AnyContext): NonNullable<typeof current> {
  const ast = context.sourceCode.ast;
  if (current?.ast !== ast) current = { ast, textTests: new Map(), rulesOn: new Set() };
  return current;
}

/**
 * Whether another of the plugin's rules is on for the file being linted, asked while the tree is
 * walked: two rules that would report one problem with the same rewrite report it once (error-field
 * leaves a dynamic message that loses an error to no-dynamic-message, which names the error).
 */
export function ruleIsOn(context: AnyContext, name: string): boolean {
  return currentFile(context).rulesOn.has(name);
}

/** The file model for the file being linted: built once per file and shared by every rule. */
export function fileModelFor(context: AnyContext): FileModel {
  const state = currentFile(context);
  if (state.model) return state.model;
  const sourceCode = context.sourceCode;
  state.model = createFileModel({
    text: sourceCode.text,
    ast: sourceCode.ast,
    filename: context.filename,
    // typescript-eslint's typed linting: the checker can say what a receiver's methods are declared as.
    program: sourceCode.parserServices?.program ?? undefined,
    scopeManager: sourceCode.scopeManager as unknown as ScopeManagerLike | null,
    lookup: (identifier) => {
      // Walk the scope chain from the identifier: O(depth), and the same answer as its reference.
      for (
        let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier);
        scope;
        scope = scope.upper
      ) {
        const variable = scope.set.get(identifier.name);
        if (variable) return variable as unknown as VariableLike;
      }
      return null;
    },
  });
  return state.model;
}

/**
 * Whether the file passes one of core's cheap text tests (mayContainLogCalls and friends), run once
 * per file however many rules ask. A rule whose test fails returns no listeners at all.
 */
export function fileMayContain(context: AnyContext, test: TextTest): boolean {
  const answers = currentFile(context).textTests;
  let answer = answers.get(test);
  if (answer === undefined)
    answers.set(test, (answer = test(context.sourceCode.text, settingsFor(context))));
  return answer;
}

export function settingsFor(context: AnyContext): Settings {
  return settingsFrom(context.settings);
}

/** Lazily computed per-file values: rules pay for the model only when a candidate node shows up. */
export function lazyFile(context: AnyContext): { file: () => FileModel; settings: () => Settings } {
  let file: FileModel | undefined;
  let settings: Settings | undefined;
  return {
    file: () => (file ??= fileModelFor(context)),
    settings: () => (settings ??= settingsFor(context)),
  };
}

export function editsToFix(edits: readonly Edit[]): TSESLint.ReportFixFunction {
  return (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text));
}

/** The suggestion that applies a structured rewrite, when there is one. */
export function rewriteSuggestions(
  rewrite: RewriteResult,
): TSESLint.SuggestionReportDescriptor<'useStructuredCall'>[] {
  return rewrite.ok
    ? [
        {
          messageId: 'useStructuredCall',
          data: { preview: previewText(rewrite.preview) },
          fix: editsToFix(rewrite.edits),
        },
      ]
    : [];
}

/** One line, at most 80 characters, for a suggestion's description. */
export function previewText(text: string): string {
  return oneLine(text, 80);
}

/**
 * The listener every message rule starts with: each recognised log call that has a message, with the
 * shared (memoised) analysis of both.
 */
export function onLogMessage(
  context: AnyContext,
  visit: (call: LogCall, message: MessageAnalysis, file: FileModel, settings: Settings) => void,
): TSESLint.RuleListener {
  const { file, settings } = lazyFile(context);
  // Most files of a project log nothing: one text test instead of an analysis of every call.
  if (!fileMayContain(context, mayContainLogCalls)) return {};
  return {
    CallExpression(node) {
      const call = analyzeDeclaredLogCall(node, file(), settings());
      const message = call && messageOfCall(call, file());
      if (message && !outsideServerLogsReason(call!, file(), settings(), context.cwd))
        visit(call!, message, file(), settings());
    },
  };
}

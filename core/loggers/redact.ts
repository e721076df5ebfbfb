/**
 * pino's own redaction: the `redact` option of a pino logger's creation, read and extended.
 *
 * A path added there is censored by the logger in every call, before the line is written, and the
 * call sites keep their values for the code that still needs them. So where a pino logger is created
 * in the project, `redact-sensitive-data` adds the sensitive field paths to that option (one edit to
 * the logger) instead of destroying values at each call, and `no-sensitive-data` does not report a
 * field whose path the option already covers.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isStringLiteral, staticKeyName, unwrap } from '../model/ast';
import type { Edit } from '../model/edits';
import type { FileModel } from '../model/file';
import type { ParsedModel } from '../model/parse';
import { preferredQuote, quoteString } from '../messages/rewrite';

/** A pino logger's creation, as a place to add redaction paths. */
export interface RedactTarget {
  /** Absolute path of the file that creates the logger. */
  filename: string;
  /** `src/logger.ts:3`, for messages. */
  where: string;
  /** Start offset of the creating call (`pino(...)`) in that file. */
  offset: number;
  /** The paths the option already redacts, when it is a literal list. */
  paths: readonly string[];
  /** Why the option cannot be extended by an edit; the paths are then listed for the user instead. */
  problem?: string;
}

type RedactOption =
  | { kind: 'none'; options: TSESTree.ObjectExpression | null }
  | { kind: 'list'; list: TSESTree.ArrayExpression; paths: string[] }
  | { kind: 'problem'; problem: string; paths: string[] };

function literalPaths(list: TSESTree.ArrayExpression): string[] | null {
  const paths: string[] = [];
  for (const element of list.elements) {
    if (!element || !isStringLiteral(element)) return null;
    paths.push(element.value);
  }
  return paths;
}

function propertyOf(object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined {
  return object.properties.find(
    (entry): entry is TSESTree.Property =>
      entry.type === 'Property' && staticKeyName(entry) === key,
  );
}

/** What the creating call says about redaction: nothing yet, a literal list, or a shape not edited. */
function redactOption(call: TSESTree.CallExpression, file: FileModel): RedactOption {
  const first = call.arguments[0];
  if (!first) return { kind: 'none', options: null };
  const options = unwrap(first);
  if (options.type !== 'ObjectExpression')
    return {
      kind: 'problem',
      problem: `its options are \`${file.getText(first)}\`, not an object written in the call`,
      paths: [],
    };
  if (options.properties.some((entry) => entry.type === 'SpreadElement'))
    return { kind: 'problem', problem: 'its options spread another object', paths: [] };
  const redact = propertyOf(options, 'redact');
  if (!redact) return { kind: 'none', options };
  const value = unwrap(redact.value);
  const list =
    value.type === 'ArrayExpression'
      ? value
      : value.type === 'ObjectExpression'
        ? unwrap(propertyOf(value, 'paths')?.value ?? value)
        : value;
  const paths = list.type === 'ArrayExpression' ? literalPaths(list) : null;
  if (list.type === 'ArrayExpression' && paths) return { kind: 'list', list, paths };
  return {
    kind: 'problem',
    problem: `its \`redact\` is \`${file.getText(redact.value)}\`, not a list of strings`,
    paths: paths ?? [],
  };
}

/** The redaction target of a pino creation call in `file`. */
export function redactTarget(
  call: TSESTree.CallExpression,
  file: FileModel,
  where: string,
): RedactTarget {
  const option = redactOption(call, file);
  return {
    filename: file.filename,
    where,
    offset: call.range[0],
    paths: option.kind === 'none' ? [] : option.paths,
    problem: option.kind === 'problem' ? option.problem : undefined,
  };
}

/** The sub-paths of a whole risky object that carry its secrets. */
const RISKY_PATHS: Readonly<Record<string, readonly string[]>> = {
  headers: ['authorization', 'cookie', '["set-cookie"]', '["x-api-key"]'],
  cookies: ['*'],
};

/**
 * The `redact` paths that censor a sensitive finding under a field (`user.apiKey`; a whole
 * `headers` object gives its secret headers), or undefined when it is not under a field path
 * (text in the message, an argument of a logger that takes no fields first).
 */
export function redactPathsFor(
  finding: { kind: string; fieldPath?: string },
  fieldsFirst: boolean,
): string[] | undefined {
  const path = finding.fieldPath;
  if (!fieldsFirst || !path) return undefined;
  const last = path.split('.').pop() ?? '';
  if (finding.kind !== 'risky' || !RISKY_PATHS[last]) return [path];
  return RISKY_PATHS[last].map((sub) => (sub.startsWith('[') ? `${path}${sub}` : `${path}.${sub}`));
}

/** Whether a field path is censored by the option: the path itself, or a wildcard over it. */
export function redactCovers(paths: readonly string[], path: string): boolean {
  const segments = path.split('.');
  return paths.some((redacted) => {
    const parts = redacted.split('.');
    return (
      parts.length === segments.length &&
      parts.every((part, index) => part === '*' || part === segments[index])
    );
  });
}

/** Inserts `items` after the last of `existing` (or as the only content of `container`). */
function appendItems(
  existing: readonly TSESTree.Node[],
  container: TSESTree.Node,
  items: string,
  file: FileModel,
): Edit {
  const last = existing[existing.length - 1];
  if (!last) return { range: [container.range[0] + 1, container.range[1] - 1], text: items };
  const text = file.text;
  const lineStart = text.lastIndexOf('\n', last.range[0]) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const multiLine = text.slice(container.range[0], last.range[0]).includes('\n');
  return {
    range: [last.range[1], last.range[1]],
    text: `,${multiLine ? `\n${indent}` : ' '}${items}`,
  };
}

/**
 * The edit that adds `paths` to the `redact` option of the pino creation call at `offset` in `file`,
 * or why it cannot be made. No edit when every path is already covered.
 */
export function redactEdit(
  file: FileModel,
  call: TSESTree.CallExpression,
  paths: readonly string[],
): { edits: Edit[] } | { reason: string } {
  const option = redactOption(call, file);
  if (option.kind === 'problem') return { reason: option.problem };
  const present = option.kind === 'list' ? option.paths : [];
  const missing = [...new Set(paths)].filter((path) => !redactCovers(present, path));
  if (missing.length === 0) return { edits: [] };
  const quote = preferredQuote(file);
  const quoted = missing.map((path) => quoteString(path, quote));
  if (option.kind === 'list')
    return {
      edits: [
        appendItems(option.list.elements as TSESTree.Node[], option.list, quoted.join(', '), file),
      ],
    };
  // A long list goes one path a line, the way a formatter would lay it out.
  const lineStart = file.text.lastIndexOf('\n', call.range[0]) + 1;
  const indent = /^[ \t]*/.exec(file.text.slice(lineStart))![0];
  const long = quoted.join(', ').length > 60;
  const property = long
    ? `redact: [\n${quoted.map((item) => `${indent}    ${item},`).join('\n')}\n${indent}  ]`
    : `redact: [${quoted.join(', ')}]`;
  const object = long ? `{\n${indent}  ${property},\n${indent}}` : `{ ${property} }`;
  if (option.options)
    return {
      edits: [
        option.options.properties.length === 0
          ? { range: option.options.range, text: object }
          : appendItems(option.options.properties, option.options, property, file),
      ],
    };
  const close = call.range[1] - 1;
  if (file.text[close] !== ')') return { reason: 'the call does not end with its arguments' };
  return { edits: [{ range: [close, close], text: object }] };
}

/** The pino creation call that starts at `offset`, if the file still has one there. */
export function creationCallAt(file: ParsedModel, offset: number): TSESTree.CallExpression | null {
  for (const call of file.nodesOfType('CallExpression')) if (call.range[0] === offset) return call;
  return null;
}

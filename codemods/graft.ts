/**
 * A codemod that must see an earlier codemod's rewrites needs the tree of the new text. Parsing the
 * whole file again is the dearest step of a run, and the rewrites change a few statements: here only
 * those are parsed, their trees are grafted in place of the old ones, and every other node keeps its
 * shape and moves by the length the edits before it added. The result is the tree parseFile gives
 * for the new text (test/graft.test.ts compares the two, node by node). Locations (`loc`) are not
 * kept up to date: the codemods read ranges only.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { applyEditsWithin, type Edit } from '../core/model/edits';
import {
  modelOfTree,
  parseJavaScript,
  parseTypeScript,
  rewrittenStatements,
  type ParsedModel,
} from '../core/model/parse';

type Node = TSESTree.Node;
type Range = [number, number];

/** A statement to replace and the tree of its new text, ranges already in the new text's offsets. */
interface Replacement {
  old: Node;
  fresh: Node;
  comments: TSESTree.Comment[];
}

/** Statements to insert at the top level (an added import), before body[index]. */
interface Insertion {
  index: number;
  statements: TSESTree.ProgramStatement[];
  comments: TSESTree.Comment[];
}

/**
 * The model of `text` (the file's text with `edits` applied), built from `file` by parsing only the
 * statements holding the rewritten nodes and the statements the edits insert at the top level.
 * Null when the edits cannot be shown that way (the caller then parses the whole text): an edit
 * outside those statements that is not a top-level insertion, a statement that does not parse back
 * alone as one statement of its kind, or an insertion that the next statement could run on from.
 * Takes `file` over: its tree becomes the new one, so nothing may read the old model afterwards.
 */
export function graftEdits(
  file: ParsedModel,
  rewritten: readonly Node[],
  edits: readonly Edit[],
  text: string,
): ParsedModel | null {
  const statements = outermost(rewritten);
  if (!statements) return null;
  const byStatement = new Map<Node, Edit[]>(statements.map((statement) => [statement, []]));
  const insertionsAt = new Map<number, Edit>();
  const trivia: Array<{ edit: Edit; comment: { range: readonly [number, number] } | null }> = [];
  for (const edit of edits) {
    const holder = statements.find(
      (statement) => edit.range[0] >= statement.range[0] && edit.range[1] <= statement.range[1],
    );
    const comment = holder ? undefined : triviaEdit(file, edit);
    if (holder) byStatement.get(holder)!.push(edit);
    else if (comment !== undefined) trivia.push({ edit, comment });
    else if (edit.range[0] !== edit.range[1] || insertionsAt.has(edit.range[0])) return null;
    else insertionsAt.set(edit.range[0], edit);
  }
  const shift = shifter(edits);
  // Everything is parsed before the old tree is touched: a null answer leaves it as it was.
  const replacements = reparseStatements(file, byStatement, shift);
  if (!replacements) return null;
  const insertions: Insertion[] = [];
  for (const [at, edit] of insertionsAt) {
    const insertion = parseInsertion(file, at, edit.text, shift.placed(at, [edit]));
    if (!insertion) return null;
    insertions.push(insertion);
  }

  const ast = file.ast;
  const replaced = new Set(replacements.map((replacement) => replacement.old));
  moveRanges(ast, replaced, shift, Math.min(...edits.map((edit) => edit.range[0])));
  for (const { old, fresh } of replacements) replaceChild(old.parent!, old, fresh);
  for (const insertion of insertions.sort((a, b) => b.index - a.index))
    ast.body.splice(insertion.index, 0, ...insertion.statements);
  setRange(ast, 0, text.length);
  if (
    file.parser === 'typescript-estree' &&
    insertions.some((insertion) =>
      insertion.statements.some((statement) => /^(Import|Export)/.test(statement.type)),
    )
  ) {
    ast.sourceType = 'module';
  }
  if (ast.comments) {
    const kept = ast.comments.filter(
      (comment) =>
        !statements.some(
          (statement) =>
            comment.range[0] >= statement.range[0] && comment.range[1] <= statement.range[1],
        ) &&
        !trivia.some(
          ({ edit, comment: edited }) =>
            edited === null &&
            comment.range[0] >= edit.range[0] &&
            comment.range[1] <= edit.range[1],
        ),
    );
    // A comment edited in place keeps its start; its text is the new one.
    const edited = kept.filter((comment) =>
      trivia.some((entry) => entry.comment?.range[0] === comment.range[0]),
    );
    for (const comment of kept) moveRange(comment, shift);
    for (const comment of edited) {
      const closing = comment.type === 'Block' ? 2 : 0;
      comment.value = text.slice(comment.range[0] + 2, comment.range[1] - closing);
    }
    ast.comments = [
      ...kept,
      ...replacements.flatMap((r) => r.comments),
      ...insertions.flatMap((i) => i.comments),
    ].sort((a, b) => a.range[0] - b.range[0]);
  }
  return modelOfTree(text, file.filename, ast, file.parser);
}

/**
 * Whether an edit outside the rewritten statements touches only comments and the space around them
 * (a stale `eslint-disable` directive removed, or a rule taken out of its list): the tree keeps its
 * shape and only moves. The comment edited in place, null for a removal of whole comments and
 * space; undefined for any other edit. Never inside a string, a template or JSX text, whose spaces
 * are not space between tokens.
 */
function triviaEdit(
  file: ParsedModel,
  edit: Edit,
): { range: readonly [number, number] } | null | undefined {
  const [start, end] = edit.range;
  if (start === end) return undefined;
  const text = file.text;
  // Directives are one-line comments: the comments of the lines the edit touches are enough.
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const comments = file.commentsWithin([from, lineEnd === -1 ? text.length : lineEnd]);
  const inside = comments.find(
    (comment) => comment.range[0] + 2 <= start && end <= comment.range[1],
  );
  if (inside) {
    const block = text.startsWith('/*', inside.range[0]);
    const fits =
      end <= inside.range[1] - (block ? 2 : 0) &&
      !/[\r\n\u2028\u2029]|\*\//.test(edit.text) &&
      !(block && edit.text.endsWith('*'));
    return fits ? inside : undefined;
  }
  if (edit.text !== '') return undefined;
  // Whole comments and whitespace, no comment cut in two.
  let rest = '';
  let at = start;
  for (const comment of comments) {
    if (comment.range[1] <= start || comment.range[0] >= end) continue;
    if (comment.range[0] < start || comment.range[1] > end) return undefined;
    rest += text.slice(at, comment.range[0]);
    at = comment.range[1];
  }
  rest += text.slice(at, end);
  if (rest.trim() !== '') return undefined;
  // The innermost node around the range must be one whose children are separated by plain space.
  let holder: Node = file.ast;
  for (;;) {
    const overlapping: Node[] = [];
    forEachChild(holder, (child) => {
      if (child.range[0] < end && start < child.range[1]) overlapping.push(child);
    });
    if (overlapping.length === 0) break;
    const [child] = overlapping;
    if (overlapping.length > 1 || child.range[0] > start || child.range[1] < end) return undefined;
    holder = child;
  }
  return /^(Literal|TemplateLiteral|TemplateElement|JSX\w*)$/.test(holder.type) ? undefined : null;
}

/** The statements around the rewritten nodes, none inside another; null if a node is in none. */
function outermost(rewritten: readonly Node[]): Node[] | null {
  const statements = rewrittenStatements(rewritten);
  return (
    statements &&
    statements.filter(
      (inner) =>
        !statements.some(
          (outer) =>
            outer !== inner && outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1],
        ),
    )
  );
}

/**
 * Where offsets of the old text land in the new one. An edit moves a start at or after its end, and
 * an end after its start: a node that starts where text is inserted comes after the insertion, one
 * that ends there comes before it.
 */
function shifter(edits: readonly Edit[]) {
  const deltas = edits.map((edit) => ({
    edit,
    from: edit.range[0],
    to: edit.range[1],
    by: edit.text.length - (edit.range[1] - edit.range[0]),
  }));
  return {
    start: (offset: number) =>
      deltas.reduce((sum, delta) => (delta.to <= offset ? sum + delta.by : sum), offset),
    end: (offset: number) =>
      deltas.reduce((sum, delta) => (delta.from < offset ? sum + delta.by : sum), offset),
    /** Where new text placed at `offset` starts: after every edit before it, but for the edits that make it. */
    placed: (offset: number, own: readonly Edit[]) =>
      deltas.reduce(
        (sum, delta) => (delta.to <= offset && !own.includes(delta.edit) ? sum + delta.by : sum),
        offset,
      ),
  };
}

type Shift = ReturnType<typeof shifter>;

/** The innermost function around a node, whose kind decides what `await` and `yield` mean in it. */
function enclosingFunction(node: Node): Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (
      /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression|StaticBlock)$/.test(
        current.type,
      )
    )
      return current;
  }
  return null;
}

/**
 * The statements' new texts, parsed where they stand: at the top level as statements of a program,
 * and inside a function in a function of the same kind (async or not, generator or not), so `await`,
 * `yield` and `return` parse as they do in place. All in one parse: pieces one after another, each
 * of which must come back as one statement of its old kind spanning exactly its own text (so no piece
 * ran on into the next, and none split in two).
 */
function reparseStatements(
  file: ParsedModel,
  byStatement: ReadonlyMap<Node, readonly Edit[]>,
  shift: Shift,
): Replacement[] | null {
  const pieces: Array<{
    statement: Node;
    wrapped: boolean;
    from: number;
    to: number;
    newStart: number;
  }> = [];
  let batch = '';
  for (const [statement, inside] of byStatement) {
    const around = enclosingFunction(statement);
    const async = around !== null && 'async' in around && around.async;
    const generator = around !== null && 'generator' in around && around.generator;
    // Distinct names: a module may not declare one function twice.
    batch += around
      ? `${async ? 'async ' : ''}function${generator ? '*' : ''} graft${pieces.length}() {\n`
      : '';
    const from = batch.length;
    batch += applyEditsWithin(file.text, statement.range, inside);
    pieces.push({
      statement,
      wrapped: around !== null,
      from,
      to: batch.length,
      newStart: shift.placed(statement.range[0], inside),
    });
    batch += around ? '\n}\n' : '\n';
  }
  const parsed = parseFragment(file, batch);
  if (!parsed || parsed.program.body.length !== pieces.length) return null;
  const replacements: Replacement[] = [];
  for (const [i, piece] of pieces.entries()) {
    const top = parsed.program.body[i];
    const fresh = !piece.wrapped
      ? top
      : top.type === 'FunctionDeclaration' && top.body.body.length === 1
        ? top.body.body[0]
        : null;
    if (
      !fresh ||
      fresh.type !== piece.statement.type ||
      fresh.range[0] !== piece.from ||
      fresh.range[1] !== piece.to
    )
      return null;
    moveFresh(fresh, piece.newStart - piece.from);
    replacements.push({ old: piece.statement, fresh, comments: [] });
  }
  // Comments belong to the piece they lie in (none lies in a wrapper's own text).
  for (const comment of parsed.comments) {
    const index = pieces.findIndex(
      (piece) => comment.range[0] >= piece.from && comment.range[1] <= piece.to,
    );
    if (index === -1) return null;
    moveFreshRange(comment, pieces[index].newStart - pieces[index].from);
    replacements[index].comments.push(comment);
  }
  return replacements;
}

/**
 * Top-level statements inserted at `at`. Only where the old text has a statement boundary, and only
 * text that no following statement can run on from: it ends in `;` or is an import (a line that starts
 * with `(`, `[` or a template would otherwise continue a `const x = require(...)` before it).
 */
function parseInsertion(
  file: ParsedModel,
  at: number,
  inserted: string,
  newStart: number,
): Insertion | null {
  const body = file.ast.body;
  if (body.some((statement) => statement.range[0] < at && at < statement.range[1])) return null;
  const trimmed = inserted.trim();
  if (!trimmed.endsWith(';') && !/^import\s/.test(trimmed)) return null;
  const parsed = parseFragment(file, inserted);
  if (!parsed || parsed.program.body.length === 0) return null;
  for (const statement of parsed.program.body) moveFresh(statement, newStart);
  for (const comment of parsed.comments) moveFreshRange(comment, newStart);
  return {
    index: body.filter((statement) => statement.range[1] <= at).length,
    statements: parsed.program.body,
    comments: parsed.comments,
  };
}

/** A piece of text through the parser that built the file, the same way; null when it does not parse. */
function parseFragment(
  file: ParsedModel,
  text: string,
): { program: TSESTree.Program; comments: TSESTree.Comment[] } | null {
  if (file.parser === 'espree') {
    const program = parseJavaScript(text, [
      file.ast.sourceType === 'module' ? 'module' : 'commonjs',
    ]);
    return program ? { program, comments: program.comments ?? [] } : null;
  }
  try {
    return { program: parseTypeScript(text, file.filename), comments: [] };
  } catch {
    return null;
  }
}

/**
 * Moves every node of the old tree to its new offsets, except inside statements being replaced. A
 * node that ends before the first edit keeps its offsets, and so does everything inside it.
 */
function moveRanges(
  root: Node,
  replaced: ReadonlySet<Node>,
  shift: Shift,
  firstEdit: number,
): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.range[1] <= firstEdit) continue;
    moveRange(node, shift);
    forEachChild(node, (child) => {
      if (!replaced.has(child)) stack.push(child);
    });
  }
}

function moveRange(node: { range: Range }, shift: Shift): void {
  setRange(node, shift.start(node.range[0]), shift.end(node.range[1]));
}

/** espree's nodes also carry `start` and `end` (acorn's offsets): they move with the range. */
function setRange(
  node: { range: Range; start?: number; end?: number },
  start: number,
  end: number,
): void {
  node.range = [start, end];
  if (node.start !== undefined) {
    node.start = start;
    node.end = end;
  }
}

/** Moves a freshly parsed subtree by a fixed amount (its offsets were in the fragment's text). */
function moveFresh(root: Node, by: number): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    moveFreshRange(node, by);
    forEachChild(node, (child) => stack.push(child));
  }
}

function moveFreshRange(node: { range: Range }, by: number): void {
  setRange(node, node.range[0] + by, node.range[1] + by);
}

/**
 * Each child once. espree shares one node between two keys where the source names it once
 * (`import { a }`: imported and local; `export { a }`: local and exported), and moving it twice
 * would move it too far.
 */
function forEachChild(node: Node, visit: (child: Node) => void): void {
  let previous: unknown;
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const child of value)
        if (child && typeof child === 'object' && 'type' in child) visit(child as Node);
    } else if (value && typeof value === 'object' && 'type' in value && value !== previous) {
      visit(value as Node);
    }
    previous = value;
  }
}

/** Puts `fresh` where `old` is among its parent's children. */
function replaceChild(parent: Node, old: Node, fresh: Node): void {
  const record = parent as unknown as Record<string, unknown>;
  for (const key of visitorKeys[parent.type] ?? []) {
    const value = record[key];
    if (value === old) {
      record[key] = fresh;
      return;
    }
    if (Array.isArray(value)) {
      const at = value.indexOf(old);
      if (at !== -1) {
        value[at] = fresh;
        return;
      }
    }
  }
  throw new Error(`graft: ${old.type} is not a child of its parent ${parent.type}`);
}

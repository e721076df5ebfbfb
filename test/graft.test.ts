/**
 * graftEdits must give the tree parseFile gives for the new text: every node, offset and index entry.
 * Anything less and a later codemod would see a file that is not there.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODEMODS } from '../codemods/registry';
import { applyEdits, editsSpan, overlaps, type Edit } from '../core/model/edits';
import { graftEdits } from '../codemods/graft';
import { parseFile, type ParsedModel } from '../core/model/parse';
import { parseSettings } from '../core/model/settings';
import { fixtureCases } from './fixtures';
import { writeCorpus } from './corpus';

/** The first difference between two trees, as a path; null when they are the same ('parent' and 'loc' aside). */
function difference(a: unknown, b: unknown, at = 'ast'): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${at}: ${String(a)} vs ${String(b)}`;
  const keysOf = (value: object) =>
    Object.keys(value).filter((key) => key !== 'parent' && key !== 'loc');
  const [keysA, keysB] = [keysOf(a), keysOf(b)];
  if (keysA.join() !== keysB.join()) return `${at}: keys ${keysA.join()} vs ${keysB.join()}`;
  for (const key of keysA) {
    const found = difference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${at}.${key}`,
    );
    if (found) return found;
  }
  return null;
}

const INDEXED = [
  'CallExpression',
  'NewExpression',
  'MemberExpression',
  'Identifier',
  'VariableDeclarator',
  'ImportDeclaration',
] as const;

/** Where a graft and a fresh parse of the same text disagree: tree, index or parents; null when nowhere. */
function disagreement(grafted: ParsedModel, fresh: ParsedModel): string | null {
  const tree = difference(grafted.ast, fresh.ast);
  if (tree) return tree;
  for (const type of INDEXED) {
    const ranges = (file: ParsedModel) =>
      file
        .nodesOfType(type)
        .map((node) => `${node.range.join('-')}<${node.parent?.type ?? 'none'}`)
        .join(' ');
    if (ranges(grafted) !== ranges(fresh)) return `index of ${type}`;
  }
  return grafted.text === fresh.text ? null : 'text';
}

/** One codemod's rewrites of one parse, as the engine accepts them, with the support edits they need. */
function rewritesOf(
  file: ParsedModel,
  codemod: (typeof CODEMODS)[number],
  settings: ReturnType<typeof parseSettings>,
) {
  const accepted: Array<{ node: TSESTree.Node; edits: Edit[]; span: [number, number] }> = [];
  for (const finding of codemod.collect(file, settings, path.dirname(file.filename))) {
    if (!('edits' in finding)) continue;
    const span = editsSpan(finding.edits);
    if (!accepted.some((other) => overlaps(other.span, span)))
      accepted.push({ node: finding.node, edits: finding.edits, span });
  }
  if (accepted.length === 0) return null;
  const first = Math.min(
    ...accepted.map((rewrite) => Math.min(rewrite.node.range[0], rewrite.span[0])),
  );
  const support = codemod.supportEdits?.(file, settings, path.dirname(file.filename), first) ?? [];
  return {
    nodes: accepted.map((rewrite) => rewrite.node),
    edits: [...accepted.flatMap((rewrite) => rewrite.edits), ...support],
    support: support.length,
  };
}

/** Grafts every codemod's rewrites of a text and compares each result with a fresh parse. */
function graftEachCodemod(
  text: string,
  filename: string,
  settings: ReturnType<typeof parseSettings>,
) {
  const tally = { tried: 0, grafted: 0, withSupport: 0 };
  for (const codemod of CODEMODS) {
    if (!codemod.mayApply(text, settings)) continue;
    const file = parseFile(text, filename);
    const rewrites = rewritesOf(file, codemod, settings);
    if (!rewrites) continue;
    tally.tried++;
    const newText = applyEdits(text, rewrites.edits);
    const grafted = graftEdits(file, rewrites.nodes, rewrites.edits, newText);
    if (!grafted) continue;
    tally.grafted++;
    if (rewrites.support > 0) tally.withSupport++;
    expect(
      disagreement(grafted, parseFile(newText, filename)),
      `${codemod.name} on ${filename}`,
    ).toBeNull();
  }
  return tally;
}

describe('graftEdits gives the tree a fresh parse of the new text gives', () => {
  it('on a generated corpus, rewrites and added imports alike', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-graft-'));
    const files = writeCorpus(directory, 240, 17, { profile: 'offending' });
    const settings = parseSettings({
      style: 'pino',
      logger: { importFrom: './logger', importName: 'logger' },
    });
    const total = { tried: 0, grafted: 0, withSupport: 0 };
    for (const file of files) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
        parseFile(text, file);
      } catch {
        continue; // the corpus's deliberately broken files
      }
      const tally = graftEachCodemod(text, file, settings);
      total.tried += tally.tried;
      total.grafted += tally.grafted;
      total.withSupport += tally.withSupport;
    }
    // Not vacuous: nearly every rewrite grafts, added imports included.
    expect(total.tried).toBeGreaterThan(150);
    expect(total.grafted).toBeGreaterThan(total.tried * 0.95);
    expect(total.withSupport).toBeGreaterThan(10);
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('on every fixture', () => {
    let grafted = 0;
    for (const fixture of CODEMODS.flatMap((codemod) => fixtureCases(codemod.name))) {
      const settings = parseSettings({
        logger: { importFrom: './logger', importName: 'logger' },
        ...fixture.settings,
      });
      try {
        parseFile(fixture.input, fixture.inputPath);
      } catch {
        continue; // fixtures of files no parser accepts
      }
      grafted += graftEachCodemod(fixture.input, fixture.inputPath, settings).grafted;
    }
    expect(grafted).toBeGreaterThan(20);
  });

  it('where `await` and `yield` mean what their function makes them mean', () => {
    const cases: Array<[string, string]> = [
      ['async function f() {\n  logger.info(`a ${await b()}`);\n}\n', 'a.ts'],
      ['function* f() {\n  logger.info(`a ${yield b}`);\n}\n', 'a.js'],
      // A sloppy script, where `await` and `yield` are plain names outside async functions and generators.
      [
        'function f(await, yield) {\n  logger.info(`a ${await} ${yield}`);\n}\nwith (o) {}\n',
        'a.js',
      ],
      ['const g = async () => {\n  logger.info(`a ${await b}`);\n};\n', 'a.mjs'],
      ['logger.info(`a ${await b()}`);\nexport {};\n', 'a.mjs'],
    ];
    for (const [text, name] of cases) {
      const file = parseFile(text, name);
      const call = file
        .nodesOfType('CallExpression')
        .find((node) => node.callee.type === 'MemberExpression')!;
      const template = call.arguments[0];
      const edits: Edit[] = [
        {
          range: template.range,
          text: `{ a: ${file.getText((template as TSESTree.TemplateLiteral).expressions[0])} }, 'a'`,
        },
      ];
      const newText = applyEdits(text, edits);
      const grafted = graftEdits(file, [call], edits, newText);
      expect(grafted, text).not.toBeNull();
      expect(disagreement(grafted!, parseFile(newText, name)), text).toBeNull();
    }
  });
  it('keeps a statement that ends where text is inserted before that text, and one that starts there after it', () => {
    const text = "logger.info(`a ${b}`);\nimport x from 'x';\nimport y from 'y';\n";
    const file = parseFile(text, 'a.mjs');
    const call = file.nodesOfType('CallExpression')[0];
    const [, first, second] = file.ast.body;
    const edits: Edit[] = [
      { range: call.arguments[0].range, text: "{ b }, 'a'" },
      { range: [first.range[1], first.range[1]], text: "\nimport { logger } from './logger';" },
    ];
    expect(second.range[0]).toBeGreaterThan(first.range[1]);
    const newText = applyEdits(text, edits);
    const grafted = graftEdits(file, [call], edits, newText);
    expect(grafted).not.toBeNull();
    expect(disagreement(grafted!, parseFile(newText, 'a.mjs'))).toBeNull();
    expect(grafted!.ast.body.map((statement) => statement.type)).toEqual([
      'ExpressionStatement',
      'ImportDeclaration',
      'ImportDeclaration',
      'ImportDeclaration',
    ]);
  });
});

describe('graftEdits declines what it cannot show, and then leaves the old tree as it was', () => {
  const unchanged = (file: ParsedModel, text: string, name: string) =>
    expect(difference(file.ast, parseFile(text, name).ast)).toBeNull();

  it('a rewrite that does not parse, or parses as something else', () => {
    const text = 'function f() {\n  logger.info(`a ${b}`);\n}\n';
    // Unbalanced; and one that closes the wrapper and opens another (two statements where one was).
    for (const replacement of ["'a', { b", "'a'); } function graft9() { f(b"]) {
      const file = parseFile(text, 'a.js');
      const call = file.nodesOfType('CallExpression')[0];
      const edits: Edit[] = [{ range: call.arguments[0].range, text: replacement }];
      expect(graftEdits(file, [call], edits, applyEdits(text, edits)), replacement).toBeNull();
      unchanged(file, text, 'a.js');
    }
  });

  it('an edit outside any plain statement (a class field)', () => {
    const text = 'class Job {\n  done = () => logger.info(`job ${id}`);\n}\n';
    const file = parseFile(text, 'a.ts');
    const call = file.nodesOfType('CallExpression')[0];
    const edits: Edit[] = [{ range: call.arguments[0].range, text: "{ id }, 'job'" }];
    expect(graftEdits(file, [call], edits, applyEdits(text, edits))).toBeNull();
    unchanged(file, text, 'a.ts');
  });

  it('an inserted line that the next statement could run on from', () => {
    const text = '(async () => {\n  logger.info(`a ${b}`);\n})();\n';
    const file = parseFile(text, 'a.js');
    const call = file
      .nodesOfType('CallExpression')
      .find((node) => node.callee.type === 'MemberExpression')!;
    const edits: Edit[] = [
      { range: [0, 0], text: "const { logger } = require('./logger')\n" },
      { range: call.arguments[0].range, text: "{ b }, 'a'" },
    ];
    // Parsed whole, the new text is one statement: `require('./logger')(async () => ...)()`.
    const newText = applyEdits(text, edits);
    expect(parseFile(newText, 'a.js').ast.body).toHaveLength(1);
    expect(graftEdits(file, [call], edits, newText)).toBeNull();
    unchanged(file, text, 'a.js');
  });
});

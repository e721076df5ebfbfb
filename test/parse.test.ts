/** The codemods' parser choice: espree for JavaScript, typescript-estree for TypeScript and as fallback. */
import type { TSESTree } from '@typescript-eslint/utils';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODEMODS } from '../codemods/registry';
import { applyEdits, type Edit } from '../core/model/edits';
import { createFileModel, type DeclaratorTest } from '../core/model/file';
import {
  ParseError,
  parseFile,
  parseTypeScript,
  rewrittenStatementsParse,
  syntaxError,
} from '../core/model/parse';
import { parseSettings } from '../core/model/settings';
import { fixtureCases } from './fixtures';
import { writeCorpus } from './corpus';

describe('parseFile', () => {
  it('parses JavaScript with espree, comments included', () => {
    const file = parseFile("console.log('a' /* why */);\n", 'a.js');
    expect(file.ast.comments?.map((comment) => comment.range)).toEqual([[16, 25]]);
    expect(file.commentsWithin([0, 26])).toHaveLength(1);
  });

  it('falls back to typescript-estree for JavaScript that espree rejects', () => {
    const file = parseFile('export function f(a: string) {}\n', 'a.js');
    expect(file.nodesOfType('TSTypeAnnotation')).toHaveLength(1);
  });

  it('parses sloppy-mode scripts that are not valid modules', () => {
    const file = parseFile('var mode = 0644;\nwith (obj) { console.log(mode); }\n', 'legacy.js');
    expect(file.nodesOfType('WithStatement')).toHaveLength(1);
  });

  it('finds TypeScript comments on demand, JSX and nested braces included', () => {
    const text =
      "const x = <div>{/* c */}</div>;\nconsole.log('saved', { id } /* note */, () => { return 1; });\n";
    const file = parseFile(text, 'a.tsx');
    expect(file.ast.comments).toBeUndefined();
    expect(
      file.commentsWithin([0, text.length]).map((comment) => text.slice(...comment.range)),
    ).toEqual(['/* c */', '/* note */']);
    // A URL is not a comment.
    expect(
      parseFile("log.info('see https://example.com');\n", 'a.ts').commentsWithin([0, 40]),
    ).toEqual([]);
  });

  it('finds the comments typescript-estree finds, whatever a JSDoc block contains', () => {
    // Read from a real spec file: with JSDoc parsed, the `/*)` after a scope in a tag looked like a comment of its own.
    const text =
      "/**\n * Third-party packages (like @acme-ee/*) failed to build.\n */\nfunction f(/** @type {number} */ a) {\n  logger.info('x ' + a); // why\n}\n";
    const estree =
      require('@typescript-eslint/typescript-estree') as typeof import('@typescript-eslint/typescript-estree');
    const expected = estree
      .parse(text, { range: true, comment: true, filePath: 'a.ts' })
      .comments?.map((comment) => comment.range);
    expect(expected).toHaveLength(3);
    expect(
      parseFile(text, 'a.ts')
        .commentsWithin([0, text.length])
        .map((comment) => comment.range),
    ).toEqual(expected);
  });

  it('indexes nodes by type in source order', () => {
    const file = parseFile('a(b(), new C(d()));\n', 'a.ts');
    expect(
      file.nodesOfType('CallExpression', 'NewExpression').map((node) => file.getText(node)),
    ).toEqual(['a(b(), new C(d()))', 'b()', 'new C(d())', 'd()']);
  });

  it('throws ParseError with a position for text no parser accepts', () => {
    expect(() => parseFile('function (', 'a.js')).toThrow(ParseError);
  });
});

describe('parseTypeScript: typescript-estree given the source file it would build itself', () => {
  const estree =
    require('@typescript-eslint/typescript-estree') as typeof import('@typescript-eslint/typescript-estree');
  const options = (file: string) => ({
    range: true,
    loc: true,
    comment: false,
    jsx: !/\.[mc]?ts$/.test(file),
    filePath: path.basename(file),
  });

  it('builds the very tree typescript-estree builds from the text, on every fixture and a generated corpus', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-parse-'));
    const extra: Array<[string, string]> = [
      ['module.mts', 'const a = 1;\n'], // a module by its extension alone
      ['script.cts', 'const a = require("a");\n'],
      ['view.tsx', 'export const V = <T,>(p: T) => <div>{String(p)}</div>;\n'],
      ['legacy.js', 'export function f(a: string) { return <b>{a}</b>; }\n'],
      [
        'types.ts',
        "import type { A } from 'a';\nexport enum E { A = 1 }\ntype M = { [K in keyof A]: A[K] };\ntype I = import('x').Y<string>;\nconst c = <string>d;\n",
      ],
    ];
    const inputs: Array<[string, string]> = [
      ...CODEMODS.flatMap((codemod) =>
        fixtureCases(codemod.name).map((c): [string, string] => [c.inputPath, c.input]),
      ),
      ...writeCorpus(directory, 60, 23, { profile: 'offending' }).map((file): [string, string] => [
        file,
        fs.readFileSync(file, 'utf8'),
      ]),
      ...extra,
    ];
    let compared = 0;
    for (const [file, text] of inputs) {
      if (/\.[mc]?jsx?$/.test(file) && !file.endsWith('legacy.js')) continue; // espree's
      let expected: unknown;
      try {
        expected = estree.parse(text, options(file));
      } catch {
        expect(() => parseTypeScript(text, file)).toThrow(ParseError);
        continue;
      }
      expect(parseTypeScript(text, file)).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(60);
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it("relies on a TypeScript hook that still moves a source file's children cache to another key", () => {
    const ts = require('typescript') as typeof import('typescript') & Record<string, unknown>;
    const source = ts.createSourceFile(
      'a.ts',
      'export const a = 1;\n',
      ts.ScriptTarget.Latest,
      true,
    );
    source.getChildren(source);
    const cached = ts.getNodeChildren as (node: unknown, file: unknown) => unknown;
    expect(cached(source, source)).toBeDefined();
    const elsewhere = {};
    (ts.transferSourceFileChildren as (from: unknown, to: object) => void)(source, elsewhere);
    expect(cached(source, source)).toBeUndefined();
    expect(cached(source, elsewhere)).toBeDefined();
  });
});

describe('syntaxError', () => {
  it('accepts valid JavaScript and TypeScript and names the problem in invalid text', () => {
    expect(syntaxError('const a = <b/>;', 'a.jsx')).toBeNull();
    expect(syntaxError('const a = <T>b;', 'a.ts')).toBeNull();
    // Top-level await in a module by its extension alone, and JSDoc that is not valid JSDoc.
    expect(syntaxError('const a = await load();\n', 'a.mts')).toBeNull();
    expect(syntaxError('/** @param {{ a: */\nconst a = 1;\n', 'a.ts')).toBeNull();
    expect(syntaxError('logger.info({ a }, "x"', 'a.js')).toMatch(/expected/);
  });
});

describe('rewrittenStatementsParse', () => {
  const settings = parseSettings({
    style: 'pino',
    logger: { importFrom: './logger', importName: 'logger' },
  });

  /** Each codemod's rewrites of one parse, as the engine would accept them: no two overlapping. */
  function rewritesOf(file: ReturnType<typeof parseFile>) {
    const accepted: Array<{ node: TSESTree.Node; edits: Edit[] }> = [];
    for (const codemod of CODEMODS) {
      if (!codemod.mayApply(file.text, settings)) continue;
      for (const finding of codemod.collect(file, settings, path.dirname(file.filename))) {
        if (
          !('edits' in finding) ||
          accepted.some((other) =>
            other.edits.some((a) =>
              finding.edits.some((b) => a.range[0] <= b.range[1] && b.range[0] <= a.range[1]),
            ),
          )
        )
          continue;
        accepted.push(finding);
      }
    }
    return accepted;
  }

  it('never vouches for a rewrite that the whole-file check rejects (corrupted rewrites on a generated corpus)', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-quick-check-'));
    const files = writeCorpus(directory, 150, 5, { profile: 'offending' });
    let seed = 7;
    const random = (below: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 8) % below;
    const damage = ['(', ')', '{', '}', '[', ']', ',', ';', "'", '"', '`', ':', '.', '=>', '${'];
    let vouchedValid = 0;
    let rejected = 0;
    for (const filename of files) {
      let file: ReturnType<typeof parseFile>;
      try {
        file = parseFile(fs.readFileSync(filename, 'utf8'), filename);
      } catch {
        continue; // the corpus's deliberately broken files
      }
      const rewrites = rewritesOf(file);
      if (rewrites.length === 0) continue;
      const nodes = rewrites.map((rewrite) => rewrite.node);
      const edits = rewrites.flatMap((rewrite) => rewrite.edits);
      const honest = rewrittenStatementsParse(file, nodes, edits);
      if (honest) vouchedValid++;
      // What it vouches for, the whole-file check accepts too.
      if (honest) expect(syntaxError(applyEdits(file.text, edits), filename), filename).toBeNull();
      for (let attempt = 0; attempt < 6; attempt++) {
        const target = random(edits.length);
        const mutated = edits.map((edit, i) => {
          if (i !== target) return edit;
          const at = random(edit.text.length + 1);
          const text =
            random(3) === 0
              ? edit.text.slice(0, at) + edit.text.slice(at + 1)
              : edit.text.slice(0, at) + damage[random(damage.length)] + edit.text.slice(at);
          return { range: edit.range, text };
        });
        const wholeFile = syntaxError(applyEdits(file.text, mutated), filename);
        if (wholeFile !== null) rejected++;
        if (rewrittenStatementsParse(file, nodes, mutated))
          expect(wholeFile, `${filename}: ${mutated[target].text}`).toBeNull();
      }
    }
    // Not vacuous: most honest rewrites take the quick path, and many damaged ones are caught.
    expect(vouchedValid).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(150);
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('leaves the verdict to the whole file when an edit reaches outside the rewritten statements, or out of the wrapper', () => {
    const text = 'logger.info(`a ${b}`);\n';
    const file = parseFile(text, 'a.js');
    const call = file.nodesOfType('CallExpression')[0];
    expect(rewrittenStatementsParse(file, [call], [{ range: [12, 20], text: "'a', { b }" }])).toBe(
      true,
    );
    expect(
      rewrittenStatementsParse(
        file,
        [call],
        [{ range: [0, 0], text: "import { logger } from './logger';\n" }],
      ),
    ).toBe(false);
    expect(rewrittenStatementsParse(file, [call], [{ range: [12, 20], text: "'a', { b" }])).toBe(
      false,
    );
    // Text that closes the wrapper and opens another one parses, but not as one statement of its kind.
    const escape: Edit = { range: [12, 20], text: "'a'); } async function* check() { f(b" };
    expect(syntaxError(applyEdits(text, [escape]), 'a.js')).not.toBeNull();
    expect(rewrittenStatementsParse(file, [call], [escape])).toBe(false);
    expect(
      rewrittenStatementsParse(
        parseFile(text, 'a.ts'),
        [parseFile(text, 'a.ts').nodesOfType('CallExpression')[0]],
        [escape],
      ),
    ).toBe(false);
  });
});

describe('FileModel.mayDeclare: a text test that may answer "declared nowhere" before any scope analysis', () => {
  const mayDeclare = (text: string, name = 'console') => parseFile(text, 'a.ts').mayDeclare(name);

  it('answers no when every use of the name is a member read or a property', () => {
    expect(
      mayDeclare(
        "console.log('a');\nconsole ['warn']('b');\nconsole?.info('c');\nwindow.console.log('d');\n",
      ),
    ).toBe(false);
    // Other names that contain it do not count.
    expect(
      mayDeclare(
        'const $console = 1;\nconst consoleOut = 2;\nconsole.log($console, consoleOut);\n',
      ),
    ).toBe(false);
  });

  it('answers "look it up" wherever the name could be declared', () => {
    expect(mayDeclare('const console = make();\nconsole.log(1);\n')).toBe(true);
    expect(mayDeclare('function f(console) {\n  console.log(1);\n}\n')).toBe(true);
    expect(mayDeclare('function f(...console) {\n  console.log(1);\n}\n')).toBe(true);
    expect(mayDeclare("import * as console from 'x';\n")).toBe(true);
    expect(mayDeclare('namespace console.extra {\n  export const a = 1;\n}\n')).toBe(true);
    expect(mayDeclare('const \\u0063onsole = make();\nconsole.log(1);\n')).toBe(true);
  });

  it('agrees with scope analysis on whether the name is declared', () => {
    for (const text of [
      'console.log(1);\n',
      'let console;\nconsole.log(1);\n',
      'class console {}\n',
      'const { console } = globalThis;\n',
    ]) {
      const file = parseFile(text, 'a.js');
      if (!file.mayDeclare('console')) expect(file.isDeclared('console'), text).toBe(false);
      expect(file.isDeclared('console'), text).toBe(text !== 'console.log(1);\n');
    }
  });
});

describe('FileModel holds its file only as long as the file is in use', () => {
  // V8 gives an object whose getters close over a file a map of its own in the old generation, and
  // that map keeps the file alive through every young-generation collection (see core/file.ts).
  it('has no getters, only data and methods', () => {
    for (const file of [
      parseFile("import pino from 'pino';\nexport const a = 1;\n", 'a.ts'),
      parseFile('const a = require("a");\n', 'a.js'),
    ]) {
      const accessors = Object.entries(Object.getOwnPropertyDescriptors(file)).filter(
        ([, descriptor]) => descriptor.get || descriptor.set,
      );
      expect(accessors.map(([key]) => key)).toEqual([]);
      expect(file.moduleSystem()).toMatch(/^(esm|commonjs)$/);
    }
  });

  it("turns typescript-estree's alias getters into plain values, so no node of the tree has a getter", () => {
    const text =
      "import a from 'a' with { type: 'json' };\nexport { b } from 'b';\nexport * from 'c';\nexport const d = import('d');\ntype T = import('e').F;\n";
    const file = parseFile(text, 'a.ts');
    const withGetters: string[] = [];
    for (const type of [
      'ImportDeclaration',
      'ExportNamedDeclaration',
      'ExportAllDeclaration',
      'ImportExpression',
      'TSImportType',
      'Identifier',
      'Literal',
    ] as const) {
      for (const node of file.nodesOfType(type)) {
        if (
          Object.values(Object.getOwnPropertyDescriptors(node)).some((descriptor) => descriptor.get)
        )
          withGetters.push(type);
      }
    }
    expect(withGetters).toEqual([]);
    const [declaration] = file.nodesOfType('ImportDeclaration');
    // The same node everywhere: in the body, as its children's parent, in the index; aliases kept.
    expect(file.ast.body[0]).toBe(declaration);
    expect(declaration.specifiers[0].parent).toBe(declaration);
    expect(declaration.parent).toBe(file.ast);
    expect((declaration as unknown as { assertions: unknown }).assertions).toBe(
      declaration.attributes,
    );
    expect(declaration.attributes).toHaveLength(1);
    expect(file.nodesOfType('ExportNamedDeclaration')).toHaveLength(2);
  });
});

describe('FileModel.mayBeBoundBy: which names a kind of declarator binds, before any scope analysis', () => {
  const everyDeclarator = () => true;
  const withInit: DeclaratorTest = (declarator) => declarator.init !== null;

  it('collects every name a passing declarator binds, destructured names included', () => {
    const file = parseFile(
      'const a = 1, { b, c: [d, ...e], f = 2 } = g(), [, h] = i;\nlet j;\nfunction k(l) {}\n',
      'a.ts',
    );
    for (const name of ['a', 'b', 'd', 'e', 'f', 'h', 'j'])
      expect(file.mayBeBoundBy(name, everyDeclarator), name).toBe(true);
    // Property keys, initialisers, functions and parameters are not bound by a declarator.
    for (const name of ['c', 'g', 'i', 'k', 'l'])
      expect(file.mayBeBoundBy(name, everyDeclarator), name).toBe(false);
    expect(file.mayBeBoundBy('j', withInit)).toBe(false);
    expect(file.mayBeBoundBy('a', withInit)).toBe(true);
  });

  it('always says "look it up" under ESLint, which keeps no index of declarators', () => {
    const ast = parseFile('let a;\n', 'a.ts').ast;
    const model = createFileModel({ text: 'let a;\n', ast, filename: 'a.ts', scopeManager: null });
    expect(model.mayBeBoundBy('zzz', everyDeclarator)).toBe(true);
  });
});

/** The codemods' parser choice: espree for JavaScript, typescript-estree for TypeScript and as fallback. */
import { describe, expect, it } from 'vitest';
import { ParseError, parseFile, syntaxError } from '../core/parse';

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
    const text = "const x = <div>{/* c */}</div>;\nconsole.log('saved', { id } /* note */, () => { return 1; });\n";
    const file = parseFile(text, 'a.tsx');
    expect(file.ast.comments).toBeUndefined();
    expect(file.commentsWithin([0, text.length]).map((comment) => text.slice(...comment.range))).toEqual(['/* c */', '/* note */']);
    // A URL is not a comment.
    expect(parseFile("log.info('see https://example.com');\n", 'a.ts').commentsWithin([0, 40])).toEqual([]);
  });

  it('indexes nodes by type in source order', () => {
    const file = parseFile('a(b(), new C(d()));\n', 'a.ts');
    expect(file.nodesOfType('CallExpression', 'NewExpression').map((node) => file.getText(node))).toEqual(['a(b(), new C(d()))', 'b()', 'new C(d())', 'd()']);
  });

  it('throws ParseError with a position for text no parser accepts', () => {
    expect(() => parseFile('function (', 'a.js')).toThrow(ParseError);
  });
});

describe('syntaxError', () => {
  it('accepts valid JavaScript and TypeScript and names the problem in invalid text', () => {
    expect(syntaxError('const a = <b/>;', 'a.jsx')).toBeNull();
    expect(syntaxError('const a = <T>b;', 'a.ts')).toBeNull();
    expect(syntaxError('logger.info({ a }, "x"', 'a.js')).toMatch(/expected/);
  });
});

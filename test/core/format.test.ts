/**
 * A rewritten call stays within the project's line width (core/model/format.ts): past Prettier's
 * printWidth its arguments go one a line, and the fields object too when it alone is too wide.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodemod } from '../../codemods/engine';
import { structuredMessages } from '../../codemods/structured-messages';
import { formatOptions } from '../../core/model/format';
import { parseSettings, SettingsError } from '../../core/model/settings';

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-format-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const CODE =
  "import pino from 'pino';\nconst logger = pino();\nexport function ship(order: { id: string }, carrier: string) {\n  logger.info(`Shipped order ${order.id} with ${carrier}`);\n}\n";

function rewrite(root: string): string | null {
  const file = path.join(root, 'src/ship.ts');
  return runCodemod(structuredMessages, CODE, file, parseSettings({}), root).output;
}

describe('the line width of a rewritten call', () => {
  it('without a formatter configuration, writes the call on one line', () => {
    expect(rewrite(project({}))).toContain(
      "  logger.info({ orderId: order.id, carrier }, 'order.shipped');\n",
    );
  });

  it("past .prettierrc's printWidth, puts the arguments one a line", () => {
    const root = project({ '.prettierrc.json': '{ "printWidth": 50 }' });
    expect(rewrite(root)).toContain(
      "  logger.info(\n    { orderId: order.id, carrier },\n    'order.shipped',\n  );\n",
    );
  });

  it("breaks the fields object too when it alone is too wide, and follows trailingComma and tabs from package.json's prettier key", () => {
    const root = project({
      'package.json': JSON.stringify({
        prettier: { printWidth: 30, useTabs: true, trailingComma: 'none' },
      }),
    });
    expect(rewrite(root)).toContain(
      "  logger.info(\n  \t{\n  \t\torderId: order.id,\n  \t\tcarrier\n  \t},\n  \t'order.shipped'\n  );\n",
    );
  });

  it('without a formatter configuration, keeps to the printWidth setting, without trailing commas', () => {
    const file = path.join(project({}), 'src/ship.ts');
    const settings = parseSettings({ printWidth: 50 });
    expect(
      runCodemod(structuredMessages, CODE, file, settings, path.dirname(file)).output,
    ).toContain("  logger.info(\n    { orderId: order.id, carrier },\n    'order.shipped'\n  );\n");
  });
});

describe('the Prettier configuration that applies to a file', () => {
  const ship = (root: string, file = 'src/ship.ts') => formatOptions(path.join(root, file));

  it('reads a .prettierrc written in YAML, and .prettierrc.yaml', () => {
    expect(ship(project({ '.prettierrc': 'printWidth: 40\ntrailingComma: none\n' }))).toEqual({
      printWidth: 40,
      indent: '  ',
      trailingComma: false,
    });
    expect(ship(project({ '.prettierrc.yaml': 'printWidth: 90\nuseTabs: true\n' }))).toEqual({
      printWidth: 90,
      indent: '\t',
      trailingComma: true,
    });
  });

  it('loads a CommonJS prettier.config.js and an ES module prettier.config.mjs', () => {
    const commonJs = project({ 'prettier.config.js': 'module.exports = { printWidth: 120 };\n' });
    expect(ship(commonJs)?.printWidth).toBe(120);
    const esm = project({
      'prettier.config.mjs':
        'const config = { printWidth: 100, tabWidth: 4 };\nexport default config;\n',
    });
    expect(ship(esm)).toEqual({ printWidth: 100, indent: '    ', trailingComma: true });
  });

  it.each([
    ['a function', 'prettier.config.js', 'module.exports = () => ({ printWidth: 40 });\n'],
    ['a Promise', 'prettier.config.js', 'module.exports = Promise.resolve({ printWidth: 40 });\n'],
    [
      'a module with top-level await',
      '.prettierrc.mjs',
      'export default await { printWidth: 40 };\n',
    ],
    ['a .prettierrc.toml', '.prettierrc.toml', 'printWidth = 40\n'],
  ])('knows no width from %s, and looks no further up', (_kind, name, text) => {
    const root = project({
      'package.json': JSON.stringify({ prettier: { printWidth: 30 } }),
      [`app/${name}`]: text,
    });
    expect(ship(root, 'app/src/ship.ts')).toBeNull();
    // Nor is a width given for files without a configuration assumed: the formatter has its own.
    const fallback = { printWidth: 60, text: CODE };
    expect(formatOptions(path.join(root, 'app/src/ship.ts'), fallback)).toBeNull();
  });

  it('applies the overrides whose files match, by name or by path from the configuration', () => {
    const root = project({
      '.prettierrc.json': JSON.stringify({
        printWidth: 100,
        overrides: [
          { files: '*.ts', excludeFiles: 'legacy/**', options: { printWidth: 60 } },
          { files: ['src/cli/*.ts'], options: { useTabs: true } },
        ],
      }),
    });
    expect(ship(root)).toMatchObject({ printWidth: 60, indent: '  ' });
    expect(ship(root, 'src/ship.js')).toMatchObject({ printWidth: 100 });
    expect(ship(root, 'legacy/ship.ts')).toMatchObject({ printWidth: 100 });
    expect(ship(root, 'src/cli/main.ts')).toMatchObject({ printWidth: 60, indent: '\t' });
  });

  it('looks past a package.json without a prettier key, as Prettier does', () => {
    const root = project({
      '.prettierrc.json': '{ "printWidth": 70 }',
      'app/package.json': JSON.stringify({ name: 'app' }),
    });
    expect(ship(root, 'app/src/ship.ts')?.printWidth).toBe(70);
  });

  it("without a configuration, takes the given width and the file's own indent", () => {
    const file = path.join(project({}), 'src/ship.ts');
    const tabs = 'export function a() {\n\tif (b) {\n\t\tc();\n\t}\n}\n';
    expect(formatOptions(file, { printWidth: 90, text: tabs })).toEqual({
      printWidth: 90,
      indent: '\t',
      trailingComma: false,
    });
    // A block comment's ` * ` is no indent.
    const fourSpaces =
      '/**\n * Ships.\n */\nfunction a() {\n    if (b) {\n        c();\n    }\n}\n';
    expect(formatOptions(file, { printWidth: 90, text: fourSpaces })?.indent).toBe('    ');
    expect(formatOptions(file)).toBeNull();
  });
});

describe('the printWidth setting', () => {
  it('takes a positive whole number of columns', () => {
    expect(parseSettings({ printWidth: 100 }).printWidth).toBe(100);
    expect(parseSettings({}).printWidth).toBeUndefined();
  });

  it.each([0, -80, 99.5, '100'])('rejects %j, naming the option', (printWidth) => {
    expect(() => parseSettings({ printWidth })).toThrow(SettingsError);
    expect(() => parseSettings({ printWidth })).toThrow(
      /\.printWidth: expected a positive whole number of columns/,
    );
  });
});

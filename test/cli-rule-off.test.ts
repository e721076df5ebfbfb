/**
 * A codemod leaves the files its rule does not check: where the user's ESLint config turns the rule
 * off, or, without a config naming this plugin's rules, where the recommended preset does (tests,
 * scripts, CLIs). --include-rule-off rewrites them too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeRepo, read, run } from './cli-helpers';

const LOGGER = "import pino from 'pino';\nexport const logger = pino();\n";
const SETTINGS = '{"logger":{"importFrom":"./src/logger","importName":"logger"}}';

beforeAll(assertBuilt);

describe('codemods and the files their rule leaves', () => {
  it("leaves the preset's script folders, with a note, unless --include-rule-off", () => {
    const dir = makeRepo({
      'src/logger.ts': LOGGER,
      'src/main.ts': "console.log('Server ready');\n",
      'scripts/migrate.ts': "console.log('Migration done');\n",
    });
    const result = run(dir, 'codemod', 'console-to-logger', '.', '--json', '--settings', SETTINGS);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(read(dir, 'src/main.ts')).toContain("logger.info('server.ready');");
    expect(read(dir, 'scripts/migrate.ts')).toBe("console.log('Migration done');\n");
    expect(report.notes).toEqual([
      expect.stringContaining(
        'console-to-logger left 1 file where no-console is off (scripts/migrate.ts)',
      ),
    ]);
    const all = run(
      dir,
      'codemod',
      'console-to-logger',
      'scripts',
      '--include-rule-off',
      '--force',
      '--settings',
      SETTINGS,
    );
    expect(all.code).toBe(0);
    expect(read(dir, 'scripts/migrate.ts')).toContain("logger.info('migration.done');");
  });

  it("follows the user's ESLint config where it names the plugin's rules", () => {
    const dir = makeRepo({
      'src/logger.js': "const pino = require('pino');\nmodule.exports = { logger: pino() };\n",
      'src/main.js': "console.log('Server ready');\n",
      'src/legacy/report.js': "console.log('Report ready');\n",
      'eslint.config.js': `module.exports = [
  {
    settings: { 'structured-logging': { logger: { importFrom: './src/logger', importName: 'logger' } } },
    rules: {},
  },
  { files: ['src/**'], plugins: { 'structured-logging': { rules: {} } } },
];
`,
    });
    // A config naming none of the plugin's rules: the preset's folders decide, so both are rewritten.
    const result = run(dir, 'codemod', 'console-to-logger', 'src', '--json');
    expect(result.code).toBe(0);
    expect(read(dir, 'src/main.js')).toContain("logger.info('server.ready');");
    expect(read(dir, 'src/legacy/report.js')).toContain("logger.info('report.ready');");
  });
});

/**
 * End to end: `structured-logging init` adds the recommended config and settings to the project's
 * flat config in each shape users write, prints the lines instead where it cannot edit safely, and
 * leaves a configured project alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJavaScript } from '../core/model/parse';
import { assertBuilt, makeDir, run } from './cli-helpers';

beforeAll(assertBuilt);

const APP = {
  'src/logger.ts': "import pino from 'pino';\nexport const logger = pino();\n",
  'src/app.ts': "import { logger } from './logger';\nlogger.info(`Started ${id}`);\n",
};

function init(config: Record<string, string>, ...flags: string[]) {
  const dir = makeDir({ ...APP, ...config });
  const result = run(dir, 'init', ...flags);
  const [name] = Object.keys(config);
  return { result, text: name ? fs.readFileSync(path.join(dir, name), 'utf8') : '' };
}

describe('structured-logging init', () => {
  it('adds the plugin to a defineConfig array, after the project entries, with the loggers found', () => {
    const { result, text } = init({
      'eslint.config.mjs':
        "import { defineConfig } from 'eslint/config';\n\nexport default defineConfig([\n  { rules: { semi: 'error' } }\n]);\n",
    });
    expect(result.code).toBe(0);
    expect(text).toContain("import structuredLogging from 'eslint-plugin-structured-logging';");
    expect(text).toMatch(
      /\{ rules: \{ semi: 'error' \} \},\n {2}structuredLogging\.configs\.recommended,\n {2}\{\n/,
    );
    expect(text).toContain('//   pino src/logger.ts:2: 1 call sites');
    expect(parseJavaScript(text, ['module'])).not.toBeNull();
    expect(result.stderr).toContain('npm install --save-dev eslint-plugin-structured-logging');
  });

  it('spreads into a CommonJS array and requires the plugin after the last require', () => {
    const { text } = init({
      'eslint.config.js':
        "const globals = require('globals');\n\nmodule.exports = [\n  { languageOptions: { globals: globals.node } },\n];\n",
    });
    expect(text).toContain(
      "const globals = require('globals');\nconst structuredLogging = require('eslint-plugin-structured-logging');",
    );
    expect(text).toContain('  ...structuredLogging.configs.recommended,');
    expect(parseJavaScript(text, ['commonjs'])).not.toBeNull();
  });

  it('adds an argument to tseslint.config(...) and defineConfig(...) calls with several arguments', () => {
    const { text } = init({
      'eslint.config.mjs':
        "import tseslint from 'typescript-eslint';\n\nexport default tseslint.config(tseslint.configs.recommended, { rules: {} });\n",
    });
    expect(text).toMatch(/\{ rules: \{\} \},\n {2}structuredLogging\.configs\.recommended,/);
    expect(parseJavaScript(text, ['module'])).not.toBeNull();
  });

  it('--dry prints the diff and writes nothing; a configured project is left alone', () => {
    const config = { 'eslint.config.mjs': 'export default [];\n' };
    const dry = init(config, '--dry');
    expect(dry.text).toBe('export default [];\n');
    expect(dry.result.stdout).toContain('+  ...structuredLogging.configs.recommended,');
    expect(dry.result.stderr).toMatch(/^dry run: would add/);
    const done = init({
      'eslint.config.mjs':
        "import s from 'eslint-plugin-structured-logging';\nexport default [...s.configs.recommended];\n",
    });
    expect(done.result.stderr).toContain(
      'already uses eslint-plugin-structured-logging: nothing to do',
    );
  });

  it('prints the lines to add when there is no config, or one it cannot edit safely', () => {
    const none = init({});
    expect(none.result.stderr).toContain(
      'no eslint.config.* in this folder. Add this to your flat config:',
    );
    expect(none.result.stderr).toContain('...structuredLogging.configs.recommended,');
    const opaque = init({ 'eslint.config.js': "module.exports = require('./shared-config');\n" });
    expect(opaque.text).toBe("module.exports = require('./shared-config');\n");
    expect(opaque.result.stderr).toContain(
      'does not export an array or a defineConfig(...) call this can edit safely',
    );
  });
});

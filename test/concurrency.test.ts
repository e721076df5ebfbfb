/**
 * Rules keep no state between files: ESLint's --concurrency (worker threads) and --cache give the
 * same findings as a plain serial run, on a generated corpus.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from './corpus';

const ROOT = path.resolve(__dirname, '..');
let project: string;

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-concurrency-'));
  writeCorpus(project, 120, 11, { profile: 'offending' });
  const parser = require.resolve('@typescript-eslint/parser', { paths: [ROOT] });
  fs.writeFileSync(
    path.join(project, 'eslint.config.js'),
    `const structuredLogging = require(${JSON.stringify(path.join(ROOT, 'dist/rules/index.js'))});
module.exports = [
  { files: ['**/*.{js,ts}'], languageOptions: { parser: require(${JSON.stringify(parser)}) } },
  ...structuredLogging.configs.strict,
  { settings: { 'structured-logging': { style: 'pino', logger: { importFrom: './src/logger', importName: 'logger' } } } },
];
`,
  );
});

async function findings(options: ESLint.Options): Promise<string[]> {
  const results = await new ESLint({ cwd: project, ...options }).lintFiles(['src']);
  return results
    .flatMap((result) =>
      result.messages.map(
        (m) =>
          `${path.relative(project, result.filePath)}:${m.line}:${m.column}:${m.ruleId}:${m.suggestions?.length ?? 0}`,
      ),
    )
    .sort();
}

describe('no state between files', () => {
  it('--concurrency 2 reports exactly what a serial run reports', async () => {
    const serial = await findings({});
    expect(serial.length).toBeGreaterThan(100);
    expect(await findings({ concurrency: 2 })).toEqual(serial);
  }, 120_000);

  it('--cache: a second, cached run reports the same', async () => {
    const cacheLocation = path.join(project, '.eslintcache');
    const first = await findings({ cache: true, cacheLocation });
    expect(fs.existsSync(cacheLocation)).toBe(true);
    expect(await findings({ cache: true, cacheLocation })).toEqual(first);
  }, 120_000);
});

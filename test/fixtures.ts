/** Fixture discovery: fixtures/<codemod>/<case>.input.<ext>, found by readdir, never listed by hand. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '../fixtures');

export interface FixtureCase {
  codemod: string;
  name: string;
  inputPath: string;
  input: string;
  /** null for no-change-* cases: the output must equal the input. */
  output: string | null;
  settings: Record<string, unknown> | undefined;
  /** Reasons the codemod must give for the calls it leaves alone, when the case lists them. */
  skips: string[] | undefined;
}

function readIfExists(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

export function fixtureCases(codemod: string): FixtureCase[] {
  const directory = path.join(FIXTURES, codemod);
  return fs
    .readdirSync(directory)
    .filter((file) => /\.input\.[cm]?[jt]sx?$/.test(file))
    .sort()
    .map((file) => {
      const name = file.replace(/\.input\..*$/, '');
      const extension = file.slice(file.indexOf('.input.') + '.input'.length);
      const output = readIfExists(path.join(directory, `${name}.output${extension}`));
      if (name.startsWith('no-change-') === (output !== undefined)) {
        throw new Error(
          `${codemod}/${file}: no-change-* cases have no output file, every other case has one`,
        );
      }
      const settings = readIfExists(path.join(directory, `${name}.settings.json`));
      const skips = readIfExists(path.join(directory, `${name}.skips.txt`));
      return {
        codemod,
        name,
        inputPath: path.join(directory, file),
        input: fs.readFileSync(path.join(directory, file), 'utf8'),
        output: output ?? null,
        settings: settings ? (JSON.parse(settings) as Record<string, unknown>) : undefined,
        skips: skips?.split('\n').filter(Boolean),
      };
    });
}

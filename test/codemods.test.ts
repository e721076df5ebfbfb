import { applyTransform } from 'jscodeshift/dist/testUtils';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodemod } from '../codemods/engine';
import { CODEMODS } from '../codemods/registry';
import { parseFile } from '../core/model/parse';
import { parseSettings } from '../core/model/settings';
import { fixtureCases } from './fixtures';
import { applySuggestionsOneByOne, lint } from './lint';

for (const codemod of CODEMODS) {
  describe(`codemod ${codemod.name}`, async () => {
    const transform = await import(path.join(__dirname, '../codemods', `${codemod.name}.ts`));
    const cases = fixtureCases(codemod.name);

    it('has fixtures, including no-change cases', () => {
      expect(cases.filter((c) => c.output !== null).length).toBeGreaterThan(0);
      expect(cases.some((c) => c.name.startsWith('no-change-'))).toBe(true);
    });

    for (const fixture of cases) {
      const options = fixture.settings ? { settings: JSON.stringify(fixture.settings) } : {};
      const run = (source: string) =>
        applyTransform(transform, options, { path: fixture.inputPath, source });
      const expected = fixture.output ?? fixture.input;

      describe(fixture.name, () => {
        it('produces the expected output through jscodeshift', () => {
          expect(run(fixture.input)).toBe(fixture.output === null ? '' : fixture.output.trim());
        });

        it('is idempotent: a second run changes nothing', () => {
          expect(run(expected)).toBe('');
        });

        it('output parses', () => {
          expect(() => parseFile(expected, fixture.inputPath)).not.toThrow();
        });

        it(`output passes ${codemod.rule}`, () => {
          // Under its real path, as the codemod saw it: relative imports and files on disk count.
          const reports = lint(
            expected,
            fixture.inputPath,
            { [codemod.rule]: 'error' },
            fixture.settings,
          );
          // Calls the codemod deliberately left alone (listed in <case>.skips.txt) may still be reported,
          // and keep the rule's suggestion where that is not the codemod's rewrite (wrap, remove).
          const agrees =
            codemod.matchesSuggestions?.(parseSettings(fixture.settings), fixture.input) ?? true;
          const remaining = fixture.skips
            ? reports.filter((report) => agrees && report.suggestions?.length)
            : reports;
          expect(remaining.map((report) => `${report.line}: ${report.message}`)).toEqual([]);
        });

        if (
          fixture.output !== null &&
          (codemod.matchesSuggestions?.(parseSettings(fixture.settings), fixture.input) ?? true)
        ) {
          // Names chosen for the whole file must not depend on which call is rewritten first.
          it.each(['first', 'last'] as const)(
            `${codemod.rule}'s suggestions, applied %s to last/first, produce the codemod's code`,
            (order) => {
              expect(
                applySuggestionsOneByOne(
                  fixture.input,
                  fixture.inputPath,
                  { [codemod.rule]: 'error' },
                  fixture.settings,
                  order,
                ),
              ).toBe(fixture.output);
            },
          );
        }

        if (fixture.skips) {
          it('reports why it left calls alone', () => {
            const outcome = runCodemod(
              codemod,
              fixture.input,
              fixture.inputPath,
              parseSettings(fixture.settings),
            );
            expect(outcome.skips.map((skip) => skip.reason)).toEqual(fixture.skips);
          });
        }
      });
    }
  });
}

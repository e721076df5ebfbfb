/**
 * Issue 21: each rule's precision and recall on a labelled set of real-code-shaped cases
 * (data/precision/cases.json), linted as a user's ESLint would with the plugin's presets: recommended,
 * and strict for event-name-format, which only strict turns on. A case says how many reports its rule
 * should give; reports beyond that are false positives, missing ones false negatives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../rules/index';

interface LabelledCase {
  rule: string;
  file: string;
  expect: number;
  note: string;
  code: string;
}

const { cases } = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../data/precision/cases.json'), 'utf8'),
) as { cases: LabelledCase[] };

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.95;

function reportsOf(testCase: LabelledCase): Linter.LintMessage[] {
  const preset = testCase.rule === 'event-name-format' ? 'strict' : 'recommended';
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    testCase.code,
    [
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
        languageOptions: {
          parser: tsParser,
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
      },
      ...(plugin.configs[preset] as Linter.Config[]),
    ],
    testCase.file,
  );
  const fatal = messages.find((message) => message.ruleId === null);
  if (fatal) throw new Error(`${testCase.note}: ${fatal.message}`);
  return messages.filter((message) => message.ruleId === `structured-logging/${testCase.rule}`);
}

interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  cases: number;
  wrong: string[];
}

const tallies = new Map<string, Tally>();
for (const testCase of cases) {
  const tally = tallies.get(testCase.rule) ?? {
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    cases: 0,
    wrong: [],
  };
  tallies.set(testCase.rule, tally);
  const got = reportsOf(testCase).length;
  tally.cases++;
  tally.truePositives += Math.min(got, testCase.expect);
  tally.falsePositives += Math.max(0, got - testCase.expect);
  tally.falseNegatives += Math.max(0, testCase.expect - got);
  if (got !== testCase.expect)
    tally.wrong.push(
      `${testCase.note} (${testCase.file}): ${got} reports, expected ${testCase.expect}`,
    );
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const precisionOf = (tally: Tally) =>
  ratio(tally.truePositives, tally.truePositives + tally.falsePositives);
const recallOf = (tally: Tally) =>
  ratio(tally.truePositives, tally.truePositives + tally.falseNegatives);

describe('precision and recall on the labelled set', () => {
  it('prints the table', () => {
    const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
    const rows = [...tallies].map(
      ([rule, tally]) =>
        `| ${rule} | ${tally.cases} | ${tally.truePositives} | ${tally.falsePositives} | ${tally.falseNegatives} | ${percent(precisionOf(tally))} | ${percent(recallOf(tally))} |`,
    );
    const wrong = [...tallies.values()].flatMap((tally) => tally.wrong);
    console.log(
      [
        '| rule | cases | TP | FP | FN | precision | recall |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        ...(wrong.length > 0 ? ['', 'Cases the rules get wrong:', ...wrong] : []),
      ].join('\n'),
    );
    // The set holds real cases of each kind for every rule it measures.
    for (const tally of tallies.values()) {
      expect(tally.cases).toBeGreaterThanOrEqual(25);
      expect(tally.truePositives).toBeGreaterThan(0);
    }
  });

  for (const [rule, tally] of tallies) {
    it(`${rule}: precision and recall at least 95%`, () => {
      expect(precisionOf(tally), tally.wrong.join('\n')).toBeGreaterThanOrEqual(MIN_PRECISION);
      expect(recallOf(tally), tally.wrong.join('\n')).toBeGreaterThanOrEqual(MIN_RECALL);
    });
  }
});

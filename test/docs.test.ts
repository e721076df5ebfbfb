/** Every rule doc's examples are linted: each "Incorrect" block must report, each "Correct" block must not. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../rules/index';
import { lint } from './lint';

const DOCS = path.resolve(__dirname, '../docs/rules');

interface Example {
  kind: 'incorrect' | 'correct';
  language: string;
  code: string;
  line: number;
}

export function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  let kind: Example['kind'] | undefined;
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const heading = /^#{2,4}\s+(.*)$/.exec(line);
    if (heading)
      kind = /^incorrect/i.test(heading[1])
        ? 'incorrect'
        : /^correct/i.test(heading[1])
          ? 'correct'
          : undefined;
    const fence = /^```(\w+)/.exec(line);
    if (fence && kind) {
      const start = index;
      const body: string[] = [];
      for (index++; index < lines.length && !lines[index].startsWith('```'); index++)
        body.push(lines[index]);
      examples.push({ kind, language: fence[1], code: `${body.join('\n')}\n`, line: start + 1 });
    }
  }
  return examples;
}

for (const name of Object.keys(plugin.rules)) {
  describe(`docs/rules/${name}.md`, () => {
    const examples = examplesOf(fs.readFileSync(path.join(DOCS, `${name}.md`), 'utf8'));

    it('has incorrect and correct examples', () => {
      expect(examples.some((example) => example.kind === 'incorrect')).toBe(true);
      expect(examples.some((example) => example.kind === 'correct')).toBe(true);
    });

    for (const example of examples) {
      it(`${example.kind} example at line ${example.line}`, () => {
        const filename = `example.${example.language === 'js' ? 'js' : 'ts'}`;
        const reports = lint(example.code, filename, { [name]: 'error' });
        if (example.kind === 'incorrect') expect(reports.length).toBeGreaterThan(0);
        else expect(reports.map((report) => `${report.line}: ${report.message}`)).toEqual([]);
      });
    }
  });
}

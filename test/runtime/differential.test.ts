/**
 * Differential runtime test: for every case under fixtures/runtime/ (found by readdir), the codemods'
 * rewrite must keep every value the real logger printed before. See harness.ts for what a case is.
 *
 * RUNTIME_REPORT=<file> writes a markdown summary of every case (outcome, problems, outputs) there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  caseNames,
  loadCase,
  runVersion,
  sourceDiff,
  type LoadedCase,
  type RunResult,
} from './harness';
import { printsErrorMessage, printsStack, probeTokens } from './io';
import { typecheck } from './typecheck';

interface CaseReport {
  name: string;
  expect: string;
  problems: string[];
  details: string;
}

const reports: CaseReport[] = [];

function indent(text: string): string {
  return text.replace(/^/gm, '    ');
}

/** Everything needed to see why a case fails: the codemods' changes and skips, the diff, both outputs. */
function details(
  loaded: LoadedCase,
  before: RunResult,
  after: RunResult,
  typeErrors: { before: string[]; after: string[] } | null,
): string {
  const changes = loaded.modules.flatMap((module) =>
    module.outcome.changes.map(
      (change) =>
        `${path.basename(module.file)}:${change.line} ${change.before}  =>  ${change.after}`,
    ),
  );
  const skips = loaded.modules.flatMap((module) =>
    module.outcome.skips.map(
      (skip) => `${path.basename(module.file)}:${skip.line} ${skip.code}: ${skip.reason}`,
    ),
  );
  const parts = [
    `changes:\n${indent(changes.join('\n') || '(none)')}`,
    `skips:\n${indent(skips.join('\n') || '(none)')}`,
    `source diff:\n${indent(sourceDiff(loaded) || '(no change)')}`,
    `output before:\n${indent(before.output || '(nothing printed)')}${before.error ? `\n  run() threw:\n${indent(before.error)}` : ''}`,
    `output after:\n${indent(after.output || '(nothing printed)')}${after.error ? `\n  run() threw:\n${indent(after.error)}` : ''}`,
  ];
  if (typeErrors)
    parts.push(
      `type errors before:\n${indent(typeErrors.before.join('\n') || '(none)')}`,
      `type errors after:\n${indent(typeErrors.after.join('\n') || '(none)')}`,
    );
  return parts.join('\n');
}

function printsAnyProbe(loaded: LoadedCase, output: string): boolean {
  return Object.entries(loaded.spec.probes).some(([name, value]) => {
    const error = loaded.errorProbes.get(name);
    return error
      ? printsErrorMessage(output, error) || printsStack(output, error)
      : probeTokens(value).some((token) => output.includes(token));
  });
}

/** Every way the rewrite of this case lost what the logger printed, or broke the case's other promises. */
function problemsOf(
  loaded: LoadedCase,
  before: RunResult,
  after: RunResult,
  typeErrors: { before: string[]; after: string[] } | null,
): string[] {
  const { spec, entry } = loaded;
  const problems: string[] = [];
  // The case itself must be sound before the codemod is judged.
  if (before.error) problems.push('fixture: the original code throws');
  if (!before.output.trim()) problems.push('fixture: the original code prints nothing');
  if (typeErrors && typeErrors.before.length > 0)
    problems.push(`fixture: the original code has ${typeErrors.before.length} type error(s)`);
  if (!printsAnyProbe(loaded, before.output))
    problems.push('fixture: no probe value appears in what the original code prints');

  for (const module of loaded.modules) {
    if (module.outcome.parseError)
      problems.push(`${path.basename(module.file)}: ${module.outcome.parseError.message}`);
  }
  const changed = loaded.modules.filter((module) => module.rewritten !== module.original);
  if (spec.expect === 'rewritten') {
    if (entry.rewritten === entry.original)
      problems.push(`expected a rewrite of ${spec.entry}, the codemod left it unchanged`);
  } else {
    for (const module of changed)
      problems.push(`expected no change, the codemod rewrote ${path.basename(module.file)}`);
    const reasons = entry.outcome.skips.map((skip) => skip.reason);
    if (!reasons.some((reason) => reason.includes(spec.reason!))) {
      problems.push(
        `expected a skip in ${spec.entry} whose reason contains ${JSON.stringify(spec.reason)}; reasons given: ${JSON.stringify(reasons)}`,
      );
    }
  }
  for (const module of changed) {
    if (module.secondRun?.output != null)
      problems.push(`not idempotent: a second run rewrites ${path.basename(module.file)} again`);
  }

  if (after.error && !before.error) problems.push('the rewritten code throws');
  for (const [name, value] of Object.entries(spec.probes)) {
    const error = loaded.errorProbes.get(name);
    if (error) {
      if (printsErrorMessage(before.output, error) && !printsErrorMessage(after.output, error))
        problems.push(`lost the message of error probe ${name} (${JSON.stringify(error.message)})`);
      if (printsStack(before.output, error) && !printsStack(after.output, error))
        problems.push(
          `lost the stack of error probe ${name} (${JSON.stringify(error.firstFrame)})`,
        );
      continue;
    }
    for (const token of probeTokens(value)) {
      if (before.output.includes(token) && !after.output.includes(token))
        problems.push(`lost the value of probe ${name} (${JSON.stringify(token)})`);
    }
  }
  if (typeErrors && typeErrors.before.length === 0 && typeErrors.after.length > 0)
    problems.push(`the rewrite introduces ${typeErrors.after.length} type error(s)`);
  return problems;
}

describe('differential runtime: a rewrite keeps what the real logger printed', () => {
  for (const name of caseNames()) {
    it(name, async () => {
      const loaded = loadCase(name);
      const before = await runVersion(loaded, 'before');
      const after = await runVersion(loaded, 'after');
      let typeErrors: { before: string[]; after: string[] } | null = null;
      if (loaded.spec.typecheck) {
        const files = loaded.modules
          .map((module) => module.file)
          .filter((file) => /\.[cm]?tsx?$/.test(file));
        const overlay = new Map(
          loaded.modules
            .filter((module) => module.rewritten !== module.original)
            .map((module) => [module.file, module.rewritten]),
        );
        typeErrors = { before: typecheck(files), after: typecheck(files, overlay) };
      }
      const problems = problemsOf(loaded, before, after, typeErrors);
      const text = details(loaded, before, after, typeErrors);
      reports.push({ name, expect: loaded.spec.expect, problems, details: text });
      expect(
        problems,
        `fixtures/runtime/${name} (expect ${loaded.spec.expect})\n${text}\n`,
      ).toEqual([]);
    });
  }
});

afterAll(() => {
  const target = process.env.RUNTIME_REPORT;
  if (!target) return;
  const sorted = [...reports].sort((a, b) => a.name.localeCompare(b.name));
  const table = [
    '| case | expect | result | problems |',
    '| --- | --- | --- | --- |',
    ...sorted.map(
      (report) =>
        `| ${report.name} | ${report.expect} | ${report.problems.length === 0 ? 'pass' : 'FAIL'} | ${report.problems.join('; ').replaceAll('|', '\\|')} |`,
    ),
  ];
  const sections = sorted.map(
    (report) =>
      `## ${report.name} (${report.problems.length === 0 ? 'pass' : 'FAIL'})\n\n\`\`\`\n${report.details}\n\`\`\``,
  );
  fs.writeFileSync(target, `${table.join('\n')}\n\n${sections.join('\n\n')}\n`);
});

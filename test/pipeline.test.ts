/**
 * `codemod all` parses a file once and lets later codemods reuse that parse when the earlier
 * rewrites cannot concern them, or graft the rewritten statements into it when they can. These tests
 * hold both shortcuts to the slow, obviously right path (parse the whole text again after every
 * codemod that changed the file): same output, same changes, same skips.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodemods, type PipelineOutcome } from '../codemods/engine';
import { CODEMODS } from '../codemods/registry';
import { parseSettings } from '../core/model/settings';
import { fixtureCases } from './fixtures';
import { writeCorpus } from './corpus';

const LOGGER = { importFrom: './logger', importName: 'logger' };

/** Everything a user sees of a run, apart from line numbers (the slow path counts them in intermediate text). */
function visible(outcome: PipelineOutcome) {
  return {
    output: outcome.output,
    parseError: outcome.parseError?.message,
    changes: outcome.changes.map((change) => [change.codemod, change.before, change.after]),
    skips: outcome.skips.map((skip) => [skip.codemod, skip.code, skip.reason]),
    redactPaths: outcome.redactPaths,
  };
}

function bothWays(text: string, filename: string, raw: Record<string, unknown>) {
  const settings = parseSettings({ logger: LOGGER, ...raw });
  const shortcut = runCodemods(CODEMODS, text, filename, settings, path.dirname(filename));
  const slow = runCodemods(CODEMODS, text, filename, settings, path.dirname(filename), {
    reparseEachStep: true,
  });
  return { shortcut, slow };
}

describe('codemod all reuses one parse only when that cannot change the result', () => {
  it('matches parsing after every step on every fixture', () => {
    const cases = CODEMODS.flatMap((codemod) => fixtureCases(codemod.name));
    expect(cases.length).toBeGreaterThan(20);
    for (const fixture of cases) {
      const { shortcut, slow } = bothWays(fixture.input, fixture.inputPath, fixture.settings ?? {});
      expect(visible(shortcut), `${fixture.codemod}/${fixture.name}`).toEqual(visible(slow));
    }
  });

  it('matches parsing after every step on a generated corpus, with fewer parses', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-pipeline-'));
    const files = writeCorpus(directory, 300, 11, { profile: 'offending' });
    let parsesShortcut = 0;
    let parsesSlow = 0;
    let grafts = 0;
    let changed = 0;
    for (const file of files) {
      const { shortcut, slow } = bothWays(fs.readFileSync(file, 'utf8'), file, { style: 'pino' });
      expect(visible(shortcut), file).toEqual(visible(slow));
      parsesShortcut += shortcut.parses;
      grafts += shortcut.grafts;
      parsesSlow += slow.parses;
      if (shortcut.output !== null) changed++;
    }
    expect(changed).toBeGreaterThan(100);
    // Each changed file costs the slow path at least one more parse; the shortcut saves most of them.
    expect(parsesSlow).toBeGreaterThan(parsesShortcut + changed / 2);
    // Where a later codemod had to see an earlier rewrite, a graft showed it.
    expect(grafts).toBeGreaterThan(20);
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('shows a later codemod an earlier rewrite, by a graft of the rewritten statement', () => {
    // structured-messages moves the password into a field; redact-sensitive-data must then redact it.
    const text =
      "import pino from 'pino';\nconst logger = pino();\nlogger.info(`login ${user.password}`);\n";
    // Redacted at the call, not in the logger's `redact` option, to show the graft.
    const atCall = { sensitive: { loggerRedact: false } };
    const { shortcut, slow } = bothWays(text, path.join(os.tmpdir(), 'login.ts'), atCall);
    expect([shortcut.parses, shortcut.grafts]).toEqual([1, 1]);
    expect([slow.parses, slow.grafts]).toEqual([2, 0]);
    expect(shortcut.changes.map((change) => change.codemod)).toEqual([
      'structured-messages',
      'redact-sensitive-data',
    ]);
    expect(shortcut.output).toContain("logger.info({ userPassword: '[REDACTED]' }, 'login');");
  });

  it('reuses the parse when the rewrites are unrelated', () => {
    const text =
      "import pino from 'pino';\nconst logger = pino();\nlogger.info(`order ${id} shipped`);\nlogger.warn({ password }, 'login.failed');\n";
    const { shortcut, slow } = bothWays(text, path.join(os.tmpdir(), 'orders.ts'), {
      sensitive: { loggerRedact: false },
    });
    expect(shortcut.parses).toBe(1);
    expect(slow.parses).toBe(2);
    expect(shortcut.output).toBe(slow.output);
    expect(shortcut.output).toContain("logger.info({ orderId: id }, 'order.shipped');");
    expect(shortcut.output).toContain("logger.warn({ password: '[REDACTED]' }, 'login.failed');");
  });
});

describe('the last check on a rewrite parses only the rewritten statements when they can vouch for the file', () => {
  const settings = parseSettings({ style: 'pino', logger: LOGGER });
  const run = (text: string, name: string) =>
    runCodemods(CODEMODS, text, path.join(os.tmpdir(), name), settings, os.tmpdir());

  it('checks statements alone for rewrites inside plain statements', () => {
    const outcome = run(
      "import pino from 'pino';\nconst logger = pino();\nexport function ship(id: string) {\n  logger.info(`order ${id} shipped`);\n  return logger.warn(`order ${id} late`);\n}\n",
      'ship.ts',
    );
    expect(outcome.changes).toHaveLength(2);
    expect(outcome.checkedWholeFile).toBe(false);
    expect(outcome.output).toContain("return logger.warn({ orderId: id }, 'order.late');");
  });

  it('checks the whole file when a rewrite added an import, or lies outside any plain statement', () => {
    expect(run("console.log('saved', order.id);\n", 'save.js').checkedWholeFile).toBe(true);
    const field = run(
      "import pino from 'pino';\nconst logger = pino();\nclass Job {\n  done = () => void logger.info(`job ${this.id} done`);\n}\n",
      'job.ts',
    );
    expect(field.checkedWholeFile).toBe(true);
    expect(field.output).toContain("logger.info({ jobId: this.id }, 'job.done')");
  });

  it('falls back to the whole file when a statement needs its surroundings, and keeps the rewrite', () => {
    // espree rejects `super` outside a method (TypeScript's parser leaves that to its type checker).
    const text =
      "import pino from 'pino';\nconst logger = pino();\nclass A extends B {\n  run() {\n    super.run(logger.info(`ran ${this.id}`));\n  }\n}\n";
    const outcome = run(text, 'super.js');
    expect(outcome.checkedWholeFile).toBe(true);
    expect(outcome.output).toContain("super.run(logger.info({ id: this.id }, 'ran'));");
  });
});

/**
 * graftEdits with edits that touch only comments and the space around them (console-to-logger's
 * removal of stale eslint-disable directives): the tree is grafted, not parsed again, and equals the
 * tree a fresh parse of the new text gives, comments included.
 */
import { describe, expect, it } from 'vitest';
import { consoleToLogger } from '../../codemods/console-to-logger';
import { graftEdits } from '../../codemods/graft';
import { applyEdits, type Edit } from '../../core/model/edits';
import { parseFile } from '../../core/model/parse';
import { parseSettings } from '../../core/model/settings';

/** The first difference between two trees, as a path ('parent' and 'loc' aside); null when none. */
function difference(a: unknown, b: unknown, at = 'ast'): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${at}: ${String(a)} vs ${String(b)}`;
  const keys = (value: object) => Object.keys(value).filter((k) => k !== 'parent' && k !== 'loc');
  if (keys(a).join() !== keys(b).join()) return `${at}: keys differ`;
  for (const key of keys(a)) {
    const found = difference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${at}.${key}`,
    );
    if (found) return found;
  }
  return null;
}

const SETTINGS = parseSettings({
  style: 'pino',
  logger: { importFrom: '@app/logger', importName: 'logger' },
});

function graftConsoleRewrites(text: string, filename: string) {
  const file = parseFile(text, filename);
  const findings = consoleToLogger.collect(file, SETTINGS, '/repo');
  const accepted = findings.filter((finding) => 'edits' in finding);
  const edits: Edit[] = accepted.flatMap((finding) => ('edits' in finding ? finding.edits : []));
  const newText = applyEdits(text, edits);
  const grafted = graftEdits(
    file,
    accepted.map((finding) => finding.node),
    edits,
    newText,
  );
  return { grafted, fresh: parseFile(newText, filename), newText };
}

const CODE = `import { db } from './db';

export async function seed(rows) {
  // eslint-disable-next-line structured-logging/no-console
  console.log('Seeding', rows.length);
  for (const row of rows) {
    // eslint-disable-next-line structured-logging/no-console, no-await-in-loop -- one at a time
    console.log('Seeded row', await db.insert(row));
  }
  console.info('Seeded'); /* eslint-disable-line structured-logging/no-console */
  const banner = \`  // eslint-disable-next-line no-console\`;
  return banner;
}
`;

describe('graftEdits with comment-only edits', () => {
  for (const filename of ['/repo/src/seed.mjs', '/repo/src/seed.ts']) {
    it(`grafts directive removals and rule-list edits (${filename.slice(-3)})`, () => {
      const { grafted, fresh, newText } = graftConsoleRewrites(CODE, filename);
      expect(newText).toContain('// eslint-disable-next-line no-await-in-loop -- one at a time');
      expect(newText).not.toContain('eslint-disable-line');
      expect(grafted).not.toBeNull();
      expect(difference(grafted!.ast, fresh.ast)).toBeNull();
      expect(grafted!.commentsWithin([0, newText.length]).map((c) => c.range)).toEqual(
        fresh.commentsWithin([0, newText.length]).map((c) => c.range),
      );
    });
  }

  it('does not treat space inside a template literal as trivia', () => {
    const text = 'const a = `x    y`;\nlogger.info(a);\n';
    const file = parseFile(text, '/repo/a.mjs');
    const call = file.nodesOfType('CallExpression')[0];
    const edits: Edit[] = [{ range: [12, 14], text: '' }];
    expect(graftEdits(file, [call], edits, applyEdits(text, edits))).toBeNull();
  });
});

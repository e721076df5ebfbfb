/**
 * Codemod `console-to-logger`: console calls and process.stdout/stderr writes become structured
 * calls on the configured logger, imported once in the file's module system. It applies
 * `no-console`'s suggestion.
 */
import {
  browserCallbackReason,
  scriptEntryReason,
  loggerImplementationReason,
  consoleAccess,
  consoleFileVerdict,
  consoleRewrite,
  importProblem,
  type ConsoleFileVerdict,
  loggerImportEdit,
  mayContainConsole,
} from '../core/console/console';
import { toTransform, type Codemod, type Finding } from './engine';

export const consoleToLogger: Codemod = {
  name: 'console-to-logger',
  description:
    'Replace console.* and process.stdout/stderr writes with structured calls on your logger',
  rule: 'no-console',
  mayApply: mayContainConsole,
  checkSettings: (settings) =>
    settings.logger
      ? null
      : "console-to-logger needs to know which logger to import: set settings['structured-logging'].logger = { importFrom: './logger', importName: 'logger' } in your ESLint config (or pass --settings)",
  collect(file, settings, cwd) {
    const findings: Finding[] = [];
    let verdict: ConsoleFileVerdict | null | undefined;
    for (const node of file.nodesOfType('MemberExpression')) {
      const access = consoleAccess(node, file);
      if (!access) continue;
      const call =
        node.parent?.type === 'CallExpression' && node.parent.callee === node
          ? node.parent
          : undefined;
      // Code that runs in the browser, or beside a stdout protocol: a logger import would break it.
      const browser = browserCallbackReason(node, file) ?? scriptEntryReason(node, file);
      if (verdict === undefined && !browser) verdict = consoleFileVerdict(file, settings, cwd);
      const leftAlone = browser ?? verdict?.reason;
      if (leftAlone) {
        findings.push({ node: call ?? node, reason: leftAlone });
        continue;
      }
      const implementation = loggerImplementationReason(node);
      if (implementation) {
        findings.push({ node: call ?? node, reason: implementation });
        continue;
      }
      if (!call) {
        findings.push({
          node,
          reason: `${access.stream === 'console' ? `console.${access.method}` : `process.${access.stream}.write`} is used as a value, not called`,
        });
        continue;
      }
      const rewrite = consoleRewrite(call, access, file, settings, cwd);
      const problem = rewrite.ok
        ? importProblem(file, settings.logger!, cwd, 'logger')
        : rewrite.reason;
      findings.push(
        rewrite.ok && problem === null
          ? { node: call, edits: rewrite.edits }
          : { node: call, reason: problem! },
      );
    }
    return findings;
  },
  supportEdits(file, settings, cwd, firstChange) {
    const edit = settings.logger
      ? loggerImportEdit(file, settings.logger, cwd, firstChange, settings)
      : null;
    return edit ? [edit] : [];
  },
};

const transform = toTransform(consoleToLogger);
export default transform;

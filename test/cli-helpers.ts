/**
 * What the CLI's end-to-end tests share: the built CLI run as a subprocess, temporary git
 * repositories, and the sample sources they rewrite.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const CLI = path.join(ROOT, 'dist/codemods/cli.js');

export const PAYMENTS = `import pino from 'pino';
const logger = pino();
export function charge(order: { id: string }, attempt: number) {
  logger.info(\`Charging order \${order.id} (attempt \${attempt})\`);
}
`;
export const PAYMENTS_AFTER = PAYMENTS.replace(
  'logger.info(`Charging order ${order.id} (attempt ${attempt})`);',
  "logger.info({ orderId: order.id, attempt }, 'order.charging');",
);
export const UNKNOWN = "import { logger } from './logger';\nlogger.info(`Started ${id}`);\n";
export const BROKEN = 'import pino from "pino";\nconst logger = pino();\nlogger.info(`x ${a}`;\n';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI in `cwd`, with colour off unless `env` turns it on (undefined removes a variable). */
export function runWithEnv(
  cwd: string,
  env: Record<string, string | undefined>,
  ...args: string[]
): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: undefined, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function run(cwd: string, ...args: string[]): Run {
  return runWithEnv(cwd, {}, ...args);
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, stdio: 'pipe', encoding: 'utf8' });
}

export function commitAll(cwd: string, message: string): void {
  git(cwd, 'add', '-A');
  git(cwd, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', message);
}

/** A temporary directory holding `files` (text, or bytes written as they are). */
export function makeDir(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A temporary git repository with `files` committed. */
export function makeRepo(files: Record<string, string | Buffer>): string {
  const dir = makeDir(files);
  git(dir, 'init', '-q');
  commitAll(dir, 'init');
  return dir;
}

export const read = (dir: string, file: string): string =>
  fs.readFileSync(path.join(dir, file), 'utf8');

/** What a user error must look like: one line naming the problem, no stack trace, no help text. */
export function oneLineError(result: Run): string {
  const lines = result.stderr.trimEnd().split('\n');
  if (lines.length !== 1 || !lines[0].startsWith('structured-logging: '))
    throw new Error(
      `expected one 'structured-logging: ...' line on stderr, got:\n${result.stderr}`,
    );
  return lines[0];
}

export function assertBuilt(): void {
  if (!fs.existsSync(CLI))
    throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
}

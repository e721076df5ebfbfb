/**
 * The packed package, installed into a fresh project the way a user would, linting through ESLint's
 * API (ESLint 10, and ESLint 9 from the dev dependency `eslint-v9`) and running its bin.
 * Installs from npm's cache that `npm ci` filled; nothing is installed by hand.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let project: string;

const CODE = `import pino from 'pino';
const logger = pino();
export function charge(order: { id: string }, attempt: number): void {
  logger.info(\`Charging order \${order.id} (attempt \${attempt})\`);
  logger.info('order.charged', { orderId: order.id });
}
`;

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'structured-logging-package-'));
  const packed = execFileSync(npm, ['pack', '--silent', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }));
  execFileSync(
    npm,
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', `./${packed}`, `eslint@${manifest.devDependencies.eslint}`, `@typescript-eslint/parser@${manifest.devDependencies['@typescript-eslint/parser']}`],
    { cwd: project, stdio: 'pipe' },
  );
  fs.writeFileSync(
    path.join(project, 'eslint.config.mjs'),
    `import structuredLogging from 'eslint-plugin-structured-logging';
import tsParser from '@typescript-eslint/parser';
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  ...structuredLogging.configs.recommended,
];
`,
  );
  fs.mkdirSync(path.join(project, 'src'));
  fs.writeFileSync(path.join(project, 'src/payments.ts'), CODE);
}, 240_000);

async function lintWith(eslintModule: string) {
  const { ESLint } = (await import(eslintModule)) as typeof import('eslint');
  const eslint = new ESLint({ cwd: project });
  const [result] = await eslint.lintFiles(['src/payments.ts']);
  return { version: ESLint.version, messages: result.messages.map((message) => `${message.line}:${message.ruleId}`) };
}

describe('packed package in a fresh project', () => {
  it('ships compiled JavaScript with type declarations and no tests', () => {
    const dist = path.join(project, 'node_modules/eslint-plugin-structured-logging/dist');
    expect(fs.existsSync(path.join(dist, 'rules/index.js'))).toBe(true);
    expect(fs.existsSync(path.join(dist, 'rules/index.d.ts'))).toBe(true);
    expect(fs.existsSync(path.join(dist, 'test'))).toBe(false);
  });

  it('lints through ESLint 10', async () => {
    const { version, messages } = await lintWith(path.join(project, 'node_modules/eslint/lib/api.js'));
    expect(version).toMatch(/^10\./);
    expect(messages).toEqual(['4:structured-logging/no-dynamic-message', '5:structured-logging/fields-position']);
  });

  it('lints through ESLint 9', async () => {
    const { version, messages } = await lintWith(path.join(ROOT, 'node_modules/eslint-v9/lib/api.js'));
    expect(version).toMatch(/^9\./);
    expect(messages).toEqual(['4:structured-logging/no-dynamic-message', '5:structured-logging/fields-position']);
  });

  it('runs the structured-logging bin from node_modules/.bin', () => {
    const bin = path.join(project, 'node_modules/.bin/structured-logging');
    const result = spawnSync(bin, ['codemod', 'structured-messages', 'src', '--dry', '--print', '--no-progress'], { cwd: project, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("+  logger.info({ orderId: order.id, attempt }, 'charging.order.attempt');");
  });
});

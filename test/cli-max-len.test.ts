/**
 * Without a Prettier configuration, the width a file's ESLint max-len rule enforces is the width a
 * rewritten call stays within (codemods/runner.ts fills the printWidth setting from it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeRepo, read, run } from './cli-helpers';

const SHIP = `import pino from 'pino';
const logger = pino();
export function ship(order: { id: string }, carrier: string) {
  logger.info(\`Shipped order \${order.id} with \${carrier}\`);
}
`;

beforeAll(assertBuilt);

describe("the ESLint config's max-len", () => {
  it('lays a rewritten call out one argument a line past its width, where the rule is on', () => {
    const dir = makeRepo({
      'eslint.config.mjs': `export default [
  { rules: { 'max-len': ['error', { code: 60 }] } },
  { files: ['src/wide/**'], rules: { 'max-len': 'off' } },
];
`,
      'src/ship.ts': SHIP,
      'src/wide/ship.ts': SHIP,
    });
    const result = run(dir, 'codemod', 'structured-messages', 'src');
    expect(result.code).toBe(0);
    expect(read(dir, 'src/ship.ts')).toContain(
      "  logger.info(\n    { orderId: order.id, carrier },\n    'order.shipped'\n  );\n",
    );
    expect(read(dir, 'src/wide/ship.ts')).toContain(
      "  logger.info({ orderId: order.id, carrier }, 'order.shipped');\n",
    );
  });
});

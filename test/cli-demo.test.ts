/**
 * The README's first command: `npm run demo` lints the bundled sample service with the recommended
 * preset and prints the codemods' diff. It must keep working on a fresh checkout.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from './cli-helpers';

beforeAll(assertBuilt);

describe('the demo', () => {
  it('lints the sample service and prints the dry-run diff', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/demo.js')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    expect(result.stderr).not.toContain('Error');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('structured-logging/no-dynamic-message');
    expect(result.stdout).toContain('Index: src/orders.ts');
    expect(result.stdout).toContain("'orders.loaded'");
  });
});

/**
 * A rewritten call stays within the project's line width (core/model/format.ts): past Prettier's
 * printWidth its arguments go one a line, and the fields object too when it alone is too wide.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodemod } from '../../codemods/engine';
import { structuredMessages } from '../../codemods/structured-messages';
import { formatOptions } from '../../core/model/format';
import { parseSettings } from '../../core/model/settings';

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-format-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const CODE =
  "import pino from 'pino';\nconst logger = pino();\nexport function ship(order: { id: string }, carrier: string) {\n  logger.info(`Shipped order ${order.id} with ${carrier}`);\n}\n";

function rewrite(root: string): string | null {
  const file = path.join(root, 'src/ship.ts');
  return runCodemod(structuredMessages, CODE, file, parseSettings({}), root).output;
}

describe('the line width of a rewritten call', () => {
  it('without a formatter configuration, writes the call on one line', () => {
    expect(rewrite(project({}))).toContain(
      "  logger.info({ orderId: order.id, carrier }, 'order.shipped');\n",
    );
  });

  it("past .prettierrc's printWidth, puts the arguments one a line", () => {
    const root = project({ '.prettierrc.json': '{ "printWidth": 50 }' });
    expect(rewrite(root)).toContain(
      "  logger.info(\n    { orderId: order.id, carrier },\n    'order.shipped',\n  );\n",
    );
  });

  it("breaks the fields object too when it alone is too wide, and follows trailingComma and tabs from package.json's prettier key", () => {
    const root = project({
      'package.json': JSON.stringify({
        prettier: { printWidth: 30, useTabs: true, trailingComma: 'none' },
      }),
    });
    expect(rewrite(root)).toContain(
      "  logger.info(\n  \t{\n  \t\torderId: order.id,\n  \t\tcarrier\n  \t},\n  \t'order.shipped'\n  );\n",
    );
  });

  it('reads no width from a YAML .prettierrc (none is assumed)', () => {
    const root = project({ '.prettierrc': 'printWidth: 40\n' });
    expect(formatOptions(path.join(root, 'src/ship.ts'))).toBeNull();
  });
});

/**
 * Following an import to the file that defines it (core/loggers/modules.ts), on small projects made
 * in temporary folders: the shapes real repositories use, installed or not.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryMajor, resolveImport } from '../../core/loggers/modules';

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-modules-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('resolveImport', () => {
  it('follows relative imports, with the compiled .js name of a TypeScript source and index files', () => {
    const root = project({ 'src/logger.ts': '', 'src/log/index.ts': '', 'src/app.ts': '' });
    const from = path.join(root, 'src/app.ts');
    expect(resolveImport(from, './logger')).toBe(path.join(root, 'src/logger.ts'));
    expect(resolveImport(from, './logger.js')).toBe(path.join(root, 'src/logger.ts'));
    expect(resolveImport(from, './log')).toBe(path.join(root, 'src/log/index.ts'));
    expect(resolveImport(from, './missing')).toBeNull();
  });

  it('follows tsconfig paths, through a relative extends and with comments in the JSON', () => {
    const root = project({
      'tsconfig.base.json':
        '{\n  // shared\n  "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["app/*"], "@log": ["lib/logger.ts"] } },\n}',
      'tsconfig.json': '{ "extends": "./tsconfig.base.json" }',
      'app/services/logger.server.ts': '',
      'lib/logger.ts': '',
      'app/routes/index.tsx': '',
    });
    const from = path.join(root, 'app/routes/index.tsx');
    expect(resolveImport(from, '~/services/logger.server')).toBe(
      path.join(root, 'app/services/logger.server.ts'),
    );
    expect(resolveImport(from, '@log')).toBe(path.join(root, 'lib/logger.ts'));
  });

  it('follows a workspace package that is not installed, to its TypeScript sources, subpaths too', () => {
    const root = project({
      'package.json': JSON.stringify({ workspaces: ['packages/*', 'apps/*'] }),
      'packages/shared/package.json': JSON.stringify({
        name: '@acme/shared',
        main: 'dist/index.js',
      }),
      'packages/shared/src/index.ts': '',
      'packages/shared/src/server/index.ts': '',
      'apps/worker/src/job.ts': '',
    });
    const from = path.join(root, 'apps/worker/src/job.ts');
    expect(resolveImport(from, '@acme/shared')).toBe(
      path.join(root, 'packages/shared/src/index.ts'),
    );
    expect(resolveImport(from, '@acme/shared/src/server')).toBe(
      path.join(root, 'packages/shared/src/server/index.ts'),
    );
  });

  it('reads pnpm-workspace.yaml, and never follows a library installed in node_modules', () => {
    const root = project({
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
      'packages/logger/package.json': JSON.stringify({
        name: 'logger',
        exports: { '.': { types: './index.ts' } },
      }),
      'packages/logger/index.ts': '',
      'node_modules/pino/package.json': JSON.stringify({
        name: 'pino',
        version: '9.4.0',
        main: 'pino.js',
      }),
      'node_modules/pino/pino.js': '',
      'src/a.ts': '',
    });
    const from = path.join(root, 'src/a.ts');
    expect(resolveImport(from, 'logger')).toBe(path.join(root, 'packages/logger/index.ts'));
    expect(resolveImport(from, 'pino')).toBeNull();
    expect(resolveImport(from, 'node:fs')).toBeNull();
  });

  it('libraryMajor: the installed version first, else the lowest major the declared range allows', () => {
    const installed = project({
      'node_modules/@nestjs/common/package.json': JSON.stringify({ version: '10.3.9' }),
      'package.json': JSON.stringify({ dependencies: { '@nestjs/common': '^11.0.0' } }),
      'src/a.ts': '',
    });
    expect(libraryMajor(path.join(installed, 'src/a.ts'), '@nestjs/common')).toBe(10);
    const declared = project({
      'package.json': JSON.stringify({ dependencies: { '@nestjs/common': '^11.1.0' } }),
      'src/a.ts': '',
    });
    expect(libraryMajor(path.join(declared, 'src/a.ts'), '@nestjs/common')).toBe(11);
    expect(libraryMajor(path.join(declared, 'src/a.ts'), 'winston')).toBeNull();
  });
});

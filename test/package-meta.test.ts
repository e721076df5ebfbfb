/**
 * What the package says about itself: where it lives (repository, homepage, bugs), its licence and
 * changelog, and rule documentation links that lead to files the package and the repository hold.
 * Reads the file list `npm pack` would ship (a dry run, no build).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../rules/index';
import { REPOSITORY_URL } from '../rules/utils';

const ROOT = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<
  string,
  unknown
> & { version: string };
let shipped: string[];

beforeAll(() => {
  // --ignore-scripts: prepack would build; only the list of files is wanted here.
  const [report] = JSON.parse(
    execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  ) as Array<{ files: Array<{ path: string }> }>;
  shipped = report.files.map((file) => file.path);
}, 60_000);

describe('package.json', () => {
  it('points to the repository, its home page and its issues', () => {
    expect(manifest.repository).toEqual({ type: 'git', url: `git+${REPOSITORY_URL}.git` });
    expect(manifest.homepage).toBe(`${REPOSITORY_URL}#readme`);
    expect(manifest.bugs).toEqual({ url: `${REPOSITORY_URL}/issues` });
  });

  it('builds dist/ before packing, so a clean checkout packs compiled code', () => {
    expect((manifest.scripts as Record<string, string>).prepack).toMatch(/npm run build/);
  });
});

it('ships an MIT LICENSE matching the license field', () => {
  expect(manifest.license).toBe('MIT');
  expect(shipped).toContain('LICENSE');
  const text = fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8');
  expect(text).toMatch(
    /^MIT License\n\nCopyright \(c\) 2026 eslint-plugin-structured-logging contributors\n/,
  );
  expect(text).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
});

it('ships a CHANGELOG in Keep a Changelog form, with Unreleased and the current version', () => {
  expect(shipped).toContain('CHANGELOG.md');
  const text = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
  expect(text).toContain('https://keepachangelog.com/');
  const versions = [...text.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map(
    (match) => match[1],
  );
  expect(versions[0]).toBe('Unreleased');
  expect(versions).toContain(manifest.version);
  for (const version of versions)
    expect(text, `link for ${version}`).toMatch(
      new RegExp(`^\\[${version.replace(/\./g, '\\.')}\\]: ${REPOSITORY_URL}/`, 'm'),
    );
  for (const heading of text.match(/^### .*$/gm) ?? [])
    expect([
      '### Added',
      '### Changed',
      '### Deprecated',
      '### Removed',
      '### Fixed',
      '### Security',
    ]).toContain(heading);
});

describe.each(Object.entries(plugin.rules))('rule %s', (name, rule) => {
  it('links its documentation under the repository URL, to a doc the package ships', () => {
    const doc = `docs/rules/${name}.md`;
    expect(rule.meta.docs?.url).toBe(`${REPOSITORY_URL}/blob/main/${doc}`);
    expect(fs.existsSync(path.join(ROOT, doc))).toBe(true);
    expect(shipped).toContain(doc);
  });
});

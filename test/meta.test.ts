/** The project's own invariants: every rule has a doc, a test and a codemod or a stated reason; configs follow meta. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODEMODS, RULES_WITHOUT_CODEMOD } from '../codemods/registry';
import plugin from '../rules/index';

const ROOT = path.resolve(__dirname, '..');
const ruleNames = Object.keys(plugin.rules);

describe('plugin', () => {
  it('exposes meta with name, version and namespace', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(plugin.meta).toEqual({
      name: manifest.name,
      version: manifest.version,
      namespace: 'structured-logging',
    });
  });

  it('derives configs from meta.docs.recommended', () => {
    const level = (name: string) =>
      plugin.rules[name as keyof typeof plugin.rules].meta.docs?.recommended;
    const recommended = Object.keys(plugin.configs.recommended[0].rules ?? {}).map((rule) =>
      rule.replace('structured-logging/', ''),
    );
    const strict = Object.keys(plugin.configs.strict[0].rules ?? {}).map((rule) =>
      rule.replace('structured-logging/', ''),
    );
    expect(recommended.sort()).toEqual(
      ruleNames.filter((name) => level(name) === 'recommended').sort(),
    );
    expect(strict.sort()).toEqual(ruleNames.filter((name) => level(name) !== undefined).sort());
  });
});

for (const name of ruleNames) {
  const rule = plugin.rules[name as keyof typeof plugin.rules];
  describe(`rule ${name}`, () => {
    it('has a doc and a test file', () => {
      expect(fs.existsSync(path.join(ROOT, 'docs/rules', `${name}.md`))).toBe(true);
      expect(fs.existsSync(path.join(ROOT, 'test/rules', `${name}.test.ts`))).toBe(true);
    });

    it('has a codemod or a stated reason for having none', () => {
      const codemod = CODEMODS.find((candidate) => candidate.rule === name);
      expect(codemod !== undefined || RULES_WITHOUT_CODEMOD[name] !== undefined).toBe(true);
    });

    it('follows the rule conventions', () => {
      expect(rule.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
      expect(rule.meta.defaultOptions).toBeDefined();
      expect(Object.keys(rule.meta.messages).every((id) => /^[a-z][a-zA-Z]*$/.test(id))).toBe(true);
      expect(Array.isArray(rule.meta.schema)).toBe(true);
    });

    it('stays short: the analysis lives in core/', () => {
      const lines = fs
        .readFileSync(path.join(ROOT, 'rules', `${name}.ts`), 'utf8')
        .split('\n').length;
      // Counted as Prettier formats them (100 columns), which spreads a call over several lines.
      expect(lines).toBeLessThan(210);
    });
  });
}

for (const codemod of CODEMODS) {
  it(`codemod ${codemod.name} has a doc, fixtures and a real paired rule`, () => {
    expect(fs.existsSync(path.join(ROOT, 'docs/codemods', `${codemod.name}.md`))).toBe(true);
    expect(fs.readdirSync(path.join(ROOT, 'fixtures', codemod.name)).length).toBeGreaterThan(0);
    expect(ruleNames).toContain(codemod.rule);
  });
}

it('core/ does not depend on ESLint or jscodeshift, in any of its folders', () => {
  const files = fs
    .readdirSync(path.join(ROOT, 'core'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'));
  expect(files).toContain(path.join('loggers', 'contract.ts'));
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, 'core', file), 'utf8');
    expect(text, file).not.toMatch(/from '(eslint|jscodeshift)'/);
  }
});

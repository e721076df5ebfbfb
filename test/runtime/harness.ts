/**
 * Differential runtime harness: runs the real codemods over a case's modules in memory, then executes
 * the original and the rewritten modules with the real logging libraries and collects what they print.
 *
 * A case is a folder fixtures/runtime/<case>/ with case.json and .ts/.js modules; see CaseSpec.
 */
import { createTwoFilesPatch } from 'diff';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { Console as NodeConsole } from 'node:console';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import * as vm from 'node:vm';
import ts from 'typescript';
import { runCodemods, type Codemod, type PipelineOutcome } from '../../codemods/engine';
import { findCodemod } from '../../codemods/registry';
import { parseSettings } from '../../core/model/settings';
import {
  captureStdio,
  createSinkModule,
  errorFromProbe,
  isErrorProbe,
  makeErrorProbe,
  probeTokens,
  SINK_MODULE,
  type ErrorProbe,
  type RawProbe,
} from './io';

export const ROOT = path.resolve(__dirname, '../..');
export const CASES_DIR = path.join(ROOT, 'fixtures/runtime');

export interface CaseSpec {
  /** The module whose `run(probes)` makes the log calls under test. */
  entry: string;
  /** Codemod names, run in this order (codemods/registry.ts). */
  codemods: string[];
  /** settings['structured-logging'] for the codemods. */
  settings?: Record<string, unknown>;
  /** Passed to run(); `{ "error": "msg" }` becomes `new Error("msg")` with a stack remembered for the case. */
  probes: Record<string, RawProbe>;
  expect: 'rewritten' | 'unchanged';
  /** For expect "unchanged": a substring of the reason the codemod must give for leaving the call. */
  reason?: string;
  /** Type-check the modules before and after the rewrite: both must have zero diagnostics. */
  typecheck?: boolean;
}

export interface CaseModule {
  /** Absolute path of the module on disk. */
  file: string;
  original: string;
  /** What the codemods produced (equal to `original` when they changed nothing). */
  rewritten: string;
  outcome: PipelineOutcome;
  /** A second run of the codemods on the rewritten text: must change nothing. */
  secondRun: PipelineOutcome | null;
}

export interface LoadedCase {
  name: string;
  dir: string;
  spec: CaseSpec;
  modules: CaseModule[];
  entry: CaseModule;
  errorProbes: Map<string, ErrorProbe>;
}

const MODULE_EXTENSIONS = ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.mts', '.cts'];

function isModuleFile(file: string): boolean {
  return MODULE_EXTENSIONS.includes(path.extname(file)) && !file.endsWith('.d.ts');
}

/** Case folders under fixtures/runtime, found by readdir. */
export function caseNames(): string[] {
  return fs
    .readdirSync(CASES_DIR, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && fs.existsSync(path.join(CASES_DIR, entry.name, 'case.json')),
    )
    .map((entry) => entry.name)
    .sort();
}

function readSpec(dir: string): CaseSpec {
  const spec = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as CaseSpec;
  const where = `${path.relative(ROOT, dir)}/case.json`;
  if (typeof spec.entry !== 'string')
    throw new Error(`${where}: "entry" must name a module of the case`);
  if (!Array.isArray(spec.codemods) || spec.codemods.length === 0)
    throw new Error(`${where}: "codemods" must list at least one codemod`);
  if (spec.expect !== 'rewritten' && spec.expect !== 'unchanged')
    throw new Error(`${where}: "expect" must be "rewritten" or "unchanged"`);
  if (spec.expect === 'unchanged' && typeof spec.reason !== 'string')
    throw new Error(`${where}: an "unchanged" case names the expected skip "reason"`);
  if (typeof spec.probes !== 'object' || spec.probes === null)
    throw new Error(`${where}: "probes" must be an object`);
  for (const [name, value] of Object.entries(spec.probes)) {
    if (isErrorProbe(value)) continue;
    for (const token of probeTokens(value)) {
      // A short value ("3") also shows up in timestamps and pids: its presence would prove nothing.
      if (token.length < 4)
        throw new Error(
          `${where}: probe ${name} has the value "${token}", too short to be told apart from timestamps; use a distinctive value`,
        );
    }
  }
  return spec;
}

function codemodsOf(spec: CaseSpec): Codemod[] {
  return spec.codemods.map((name) => {
    const codemod = findCodemod(name);
    if (!codemod) throw new Error(`unknown codemod "${name}"`);
    return codemod;
  });
}

/** Loads a case and runs its codemods on every module, in memory (the files stay on disk, unchanged). */
export function loadCase(name: string): LoadedCase {
  const dir = path.join(CASES_DIR, name);
  const spec = readSpec(dir);
  const codemods = codemodsOf(spec);
  const settings = parseSettings(spec.settings);
  for (const codemod of codemods) {
    const problem = codemod.checkSettings?.(settings);
    if (problem) throw new Error(`${name}: ${codemod.name} rejects the settings: ${problem}`);
  }
  const modules = fs
    .readdirSync(dir)
    .filter(isModuleFile)
    .sort()
    .map((file): CaseModule => {
      const absolute = path.join(dir, file);
      const original = fs.readFileSync(absolute, 'utf8');
      const outcome = runCodemods(codemods, original, absolute, settings, dir);
      const rewritten = outcome.output ?? original;
      const secondRun =
        outcome.output === null ? null : runCodemods(codemods, rewritten, absolute, settings, dir);
      return { file: absolute, original, rewritten, outcome, secondRun };
    });
  const entry = modules.find((module) => module.file === path.join(dir, spec.entry));
  if (!entry) throw new Error(`${name}: entry ${spec.entry} is not a module of the case`);
  const errorProbes = new Map<string, ErrorProbe>();
  for (const [key, value] of Object.entries(spec.probes))
    if (isErrorProbe(value)) errorProbes.set(key, makeErrorProbe(value.error, key));
  return { name, dir, spec, modules, entry, errorProbes };
}

/** The probes as run() receives them: a fresh Error (with the remembered stack) per error probe. */
function materialiseProbes(loaded: LoadedCase): Record<string, unknown> {
  const probes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(loaded.spec.probes)) {
    const error = loaded.errorProbes.get(key);
    probes[key] = error ? errorFromProbe(error) : structuredClone(value);
  }
  return probes;
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  sourceMap: false,
  inlineSourceMap: false,
};

export type Version = 'before' | 'after';

/** Requires the real packages from the project root, where the logging libraries are installed. */
const projectRequire = createRequire(path.join(ROOT, 'package.json'));

interface EvaluatedModule {
  exports: Record<string, unknown>;
}

/**
 * Evaluates one version of the case: each module transpiled to CommonJS, relative imports resolved to
 * the case's other modules in the same version, the sink module to a fresh sink, anything else to
 * the project's real packages.
 */
/**
 * The console code under test prints with: Node's own, writing to process.stdout and stderr, which
 * the run captures. vitest replaces the global console with one that bypasses those writes.
 */
const processConsole = new NodeConsole({
  stdout: forwardingStream('stdout'),
  stderr: forwardingStream('stderr'),
});

/** A stream that writes to process.stdout or stderr as they are at the moment of the write (patched by the capture). */
function forwardingStream(name: 'stdout' | 'stderr'): NodeJS.WritableStream {
  return new Writable({
    write: (chunk, _encoding, done) => {
      process[name].write(chunk);
      done();
    },
  });
}

function evaluateVersion(loaded: LoadedCase, version: Version) {
  const sinkModule = createSinkModule();
  const texts = new Map(
    loaded.modules.map((module) => [
      module.file,
      version === 'before' ? module.original : module.rewritten,
    ]),
  );
  const cache = new Map<string, EvaluatedModule>();

  const resolveRelative = (from: string, specifier: string): string => {
    const base = path.resolve(path.dirname(from), specifier);
    const candidates = [
      base,
      ...MODULE_EXTENSIONS.map((extension) => base + extension),
      ...MODULE_EXTENSIONS.map((extension) => path.join(base, `index${extension}`)),
    ];
    // `./logger.js` written for Node16 resolution names logger.ts.
    if (/\.[cm]?js$/.test(base)) candidates.push(base.replace(/\.([cm]?)js$/, '.$1ts'));
    const found = candidates.find((candidate) => texts.has(candidate));
    if (!found)
      throw new Error(
        `${path.relative(ROOT, from)}: cannot resolve ${specifier} among the case's modules`,
      );
    return found;
  };

  const load = (file: string): EvaluatedModule => {
    const cached = cache.get(file);
    if (cached) return cached;
    const module: EvaluatedModule = { exports: {} };
    cache.set(file, module);
    const source = texts.get(file)!;
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: COMPILER_OPTIONS,
      fileName: file,
      reportDiagnostics: false,
    });
    const localRequire = (specifier: string): unknown => {
      if (specifier === SINK_MODULE) return sinkModule;
      if (specifier.startsWith('./') || specifier.startsWith('../'))
        return load(resolveRelative(file, specifier)).exports;
      return projectRequire(specifier);
    };
    const wrapper = vm.runInThisContext(
      `(function (exports, require, module, __filename, __dirname, console) {${outputText}\n})`,
      { filename: file },
    ) as (
      exports: unknown,
      require: (specifier: string) => unknown,
      module: EvaluatedModule,
      filename: string,
      dirname: string,
      console: Console,
    ) => void;
    wrapper.call(
      module.exports,
      module.exports,
      localRequire,
      module,
      file,
      path.dirname(file),
      processConsole,
    );
    return module;
  };

  return { sinkModule, entry: () => load(loaded.entry.file) };
}

export interface RunResult {
  /** The sink's text followed by what was written to stdout/stderr, ANSI colours removed. */
  output: string;
  /** Set when loading the modules or run() threw. */
  error?: string;
}

/** Executes one version of the case and returns everything it printed. */
export async function runVersion(loaded: LoadedCase, version: Version): Promise<RunResult> {
  const { sinkModule, entry } = evaluateVersion(loaded, version);
  let error: string | undefined;
  const { text } = await captureStdio(async () => {
    try {
      const exports = entry().exports;
      const run = exports.run;
      if (typeof run !== 'function')
        throw new Error(`${loaded.spec.entry} does not export run(probes)`);
      await (run as (probes: Record<string, unknown>) => unknown)(materialiseProbes(loaded));
    } catch (thrown) {
      error = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
    }
  });
  const sinkText = sinkModule.text();
  const output = [sinkText && `[sink]\n${sinkText}`, text && `[stdout/stderr]\n${text}`]
    .filter(Boolean)
    .join('\n');
  return { output, ...(error ? { error } : {}) };
}

/** A unified diff of every module the codemods changed, relative to the case folder. */
export function sourceDiff(loaded: LoadedCase): string {
  return loaded.modules
    .filter((module) => module.rewritten !== module.original)
    .map((module) => {
      const name = path.relative(loaded.dir, module.file);
      return createTwoFilesPatch(name, name, module.original, module.rewritten, 'before', 'after', {
        context: 2,
      });
    })
    .join('\n');
}

/**
 * `structured-logging loggers [paths]`: every logger a project's log calls go to, with its contract
 * (where fields and errors go, whether the output keeps them), how that was learned, how many call
 * sites use it, and what a rewrite looks like. The same contracts the rules and codemods use.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as TypeScript from 'typescript';
import { oneLine } from '../core/model/edits';
import { lineAt } from '../core/model/file';
import { family } from '../core/loggers/families';
import { contractOf, errorPlacementText, type LoggerContract } from '../core/loggers/contract';
import { analyzeLogCall, mayContainLogCalls } from '../core/loggers/log-calls';
import { messageOfCall } from '../core/messages/message';
import { ParseError, parseFile } from '../core/model/parse';
import { structuredRewrite } from '../core/messages/rewrite';
import type { Settings } from '../core/model/settings';

export interface LoggerEntry {
  /** Where the logger is created or declared (`src/logger.ts:12`), when known. */
  definedAt: string | null;
  /** What was read there, or why nothing could be. */
  definition: string;
  family: string;
  learnedFrom: LoggerContract['source']['how'] | 'unknown';
  fields: string;
  errors: string;
  /** Whether calls through it can be rewritten, or what to change first. */
  rewrite: string;
  callSites: number;
  /** Calls with a dynamic message: what structured-messages would rewrite or leave. */
  dynamicMessages: number;
  example: string;
  /** A few call sites, `file:line`. */
  sampleCalls: string[];
}

export interface LoggersReport {
  schemaVersion: 1;
  files: number;
  failedFiles: string[];
  loggers: LoggerEntry[];
}

function fieldsText(contract: LoggerContract): string {
  if (contract.refusal) return 'none usable';
  if (contract.fieldsArg !== undefined) return `argument ${contract.fieldsArg + 1}`;
  return contract.style === 'pino' || contract.style === 'bunyan'
    ? 'first argument, before the message'
    : 'after the message';
}

/** Reads the files and groups their log calls by the logger behind them. */
export function inventoryLoggers(
  files: readonly string[],
  cwd: string,
  settingsFor: (file: string) => Settings,
  program?: TypeScript.Program,
): LoggersReport {
  const byKey = new Map<string, LoggerEntry>();
  const report: LoggersReport = {
    schemaVersion: 1,
    files: files.length,
    failedFiles: [],
    loggers: [],
  };
  for (const filename of files) {
    const settings = settingsFor(filename);
    const text = fs.readFileSync(filename, 'utf8');
    if (!mayContainLogCalls(text, settings)) continue;
    let file;
    try {
      file = parseFile(text, filename, program);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      report.failedFiles.push(path.relative(cwd, filename));
      continue;
    }
    for (const node of file.nodesOfType('CallExpression')) {
      const call = analyzeLogCall(node, file, settings);
      if (!call) continue;
      const answer = contractOf(call, file, settings);
      const key = answer.ok
        ? `${answer.contract.source.where ?? ''}\0${answer.contract.source.what}`
        : answer.reason;
      let entry = byKey.get(key);
      if (!entry) {
        entry = answer.ok ? entryFor(answer.contract, settings) : unknownEntry(answer.reason);
        byKey.set(key, entry);
      }
      entry.callSites++;
      if (entry.sampleCalls.length < 3)
        entry.sampleCalls.push(`${path.relative(cwd, filename)}:${lineAt(text, node.range[0])}`);
      const message = messageOfCall(call, file);
      if (message?.kind !== 'dynamic') continue;
      entry.dynamicMessages++;
      if (!entry.example.startsWith('this project:')) {
        const rewrite = structuredRewrite(call, message, file, settings);
        if (rewrite.ok)
          entry.example = `this project: ${oneLine(file.getText(node), 100)}  ->  ${oneLine(rewrite.preview, 100)}`;
      }
    }
  }
  report.loggers = [...byKey.values()].sort(
    (a, b) => b.callSites - a.callSites || a.definition.localeCompare(b.definition),
  );
  return report;
}

function entryFor(contract: LoggerContract, settings: Settings): LoggerEntry {
  return {
    definedAt: contract.source.where ?? null,
    definition: contract.source.what,
    family: contract.family ?? 'own logger',
    learnedFrom: contract.source.how,
    fields: fieldsText(contract),
    errors: errorPlacementText(contract, settings).where,
    rewrite: contract.refusal ?? 'yes',
    callSites: 0,
    dynamicMessages: 0,
    example: contract.family
      ? family(contract.family).example
      : 'see a rewrite of one of its calls with --json',
    sampleCalls: [],
  };
}

function unknownEntry(reason: string): LoggerEntry {
  return {
    definedAt: null,
    definition: 'not found',
    family: 'unknown',
    learnedFrom: 'unknown',
    fields: 'unknown',
    errors: 'unknown',
    rewrite: reason,
    callSites: 0,
    dynamicMessages: 0,
    example: '',
    sampleCalls: [],
  };
}

/** The report as text for a terminal: one block per logger, most used first. */
export function formatLoggers(report: LoggersReport): string {
  const lines = [
    `${report.loggers.length} logger${report.loggers.length === 1 ? '' : 's'} behind the log calls of ${report.files} files`,
  ];
  for (const entry of report.loggers) {
    lines.push('');
    lines.push(
      `${entry.family}  ${entry.definedAt ? `${entry.definedAt}  ` : ''}${entry.definition}`,
    );
    lines.push(
      `  call sites: ${entry.callSites} (${entry.dynamicMessages} with a dynamic message)  e.g. ${entry.sampleCalls.join(', ')}`,
    );
    if (entry.family !== 'unknown') {
      lines.push(
        `  learned from: ${entry.learnedFrom}; fields: ${entry.fields}; errors: ${entry.errors}`,
      );
      // A logger it will not rewrite through has no structured call to show yet.
      if (entry.example && entry.rewrite === 'yes')
        lines.push(`  structured call: ${entry.example}`);
    }
    lines.push(`  rewrite: ${entry.rewrite}`);
  }
  for (const failed of report.failedFiles) lines.push(`could not parse ${failed} (skipped)`);
  return lines.join('\n');
}

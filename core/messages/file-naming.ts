/**
 * Names chosen for a whole file, so that its rewritten calls agree with each other: one expression
 * gets one key everywhere in the file (`order.id` is `orderId` in every call, not `orderId` here and
 * `id` there), and two different messages do not end up with one event name.
 *
 * Each choice reads only the file as it is, and reads a call already rewritten the same way as the
 * message it came from, so the names do not depend on the order the rewrites are applied in: the
 * codemod writing every call at once and an editor applying one suggestion after another get the
 * same file.
 * - A key: the key the file's log calls already give the expression in a fields object; else the
 *   key its first message (in source order) would give it.
 * - An event name: grows by up to three words of its own message when another message of the file, with
 *   other words, has the same name, or when a constant event name of the file is that name or that
 *   name grown.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { isSideEffectFree, staticKeyName, unwrap } from '../model/ast';
import { memoTable, type FileModel } from '../model/file';
import type { Settings } from '../model/settings';
import { analyzeLogCall, type LogCall } from '../loggers/log-calls';
import { markedText, messageOfCall, type MessagePart } from './message';
import { distinguishingWords, eventNameFromText, extendedEventName, splitWords } from './naming';

/** What a value of a message becomes as a field: the expression kept, and the key its text suggests. */
export interface FieldCandidate {
  valueText: string;
  key: string;
  pure: boolean;
}

/** How the rewrite names one value of a message, given to the plan so both name it alike. */
export type CandidateOf = (
  parts: readonly MessagePart[],
  index: number,
  file: FileModel,
  settings: Settings,
) => FieldCandidate | null;

interface FileNames {
  /** Expression text -> key, and whether the file already wrote that key (its case is then kept). */
  keys: Map<string, { key: string; written: boolean }>;
  /** Event name a message's text gives -> the word sets of the different messages giving it. */
  namesByText: Map<string, Set<string>>;
  /** Constant messages of the file's log calls: event names already written. */
  constants: Set<string>;
}

const FILE_NAMES = memoTable<FileNames>('file-wide names');

function namesOf(file: FileModel, settings: Settings, candidateOf: CandidateOf): FileNames {
  return file.remember(FILE_NAMES, settings, file.ast, () => {
    const names: FileNames = { keys: new Map(), namesByText: new Map(), constants: new Set() };
    const calls: LogCall[] = [];
    for (const node of callExpressions(file)) {
      const call = analyzeLogCall(node, file, settings);
      if (call) calls.push(call);
    }
    // Keys already written win over keys a message would suggest: they are what the file says.
    for (const call of calls) {
      for (const property of fieldsPropertiesOf(call)) {
        const key = staticKeyName(property);
        const value = property.value as TSESTree.Expression;
        if (key === null || !isSideEffectFree(value)) continue;
        const valueText = file.getText(value);
        if (!names.keys.has(valueText)) names.keys.set(valueText, { key, written: true });
      }
    }
    for (const call of calls) {
      const message = messageOfCall(call, file);
      if (message?.kind === 'constant') names.constants.add(message.text);
      if (message?.kind !== 'dynamic') continue;
      const { parts } = message;
      parts.forEach((part, index) => {
        if (part.kind !== 'value') return;
        const candidate = candidateOf(parts, index, file, settings);
        if (candidate?.pure && !names.keys.has(candidate.valueText))
          names.keys.set(candidate.valueText, { key: candidate.key, written: false });
      });
      const textName = eventNameFromText(markedText(parts), settings.eventName.case, {
        words: settings.naming.words,
      });
      if (!textName) continue;
      const messages = names.namesByText.get(textName) ?? new Set<string>();
      messages.add(wordSetOf(parts, settings));
      names.namesByText.set(textName, messages);
    }
    return names;
  });
}

/** The key the file gives an expression, if one of its log calls does. */
export function fileKeyFor(
  valueText: string,
  file: FileModel,
  settings: Settings,
  candidateOf: CandidateOf,
): { key: string; written: boolean } | undefined {
  return namesOf(file, settings, candidateOf).keys.get(valueText);
}

/**
 * `name` (the event name `parts` were given), made distinct from the file's other messages: grown by
 * up to three words of its own message that the name lacks, when another message of the file with
 * other words has the same name, or a constant event name of the file is that name or starts with it.
 * Messages whose words are the same (they differ in values or punctuation) are one event and share it.
 */
export function distinctEventName(
  name: string,
  parts: readonly MessagePart[],
  file: FileModel,
  settings: Settings,
  candidateOf: CandidateOf,
): string {
  const names = namesOf(file, settings, candidateOf);
  const eventCase = settings.eventName.case;
  const text = markedText(parts);
  const textName = eventNameFromText(text, eventCase, { words: settings.naming.words });
  const own = wordSetOf(parts, settings);
  const separator = eventCase === 'dot' ? '.' : eventCase === 'snake' ? '_' : '-';
  const clashes =
    [...(names.namesByText.get(textName) ?? [])].some((words) => words !== own) ||
    [...names.constants].some(
      (constant) => constant === name || constant.startsWith(`${name}${separator}`),
    );
  if (!clashes) return name;
  const inName = new Set(splitWords(name.replace(/[._-]/g, ' ')).map(looseStem));
  const extra = distinguishingWords(text, { words: settings.naming.words })
    .filter((word) => !inName.has(looseStem(word)))
    .slice(0, 3);
  return extra.length === 0 ? name : extendedEventName(name, extra, eventCase);
}

/** The message's words as one comparable string: the same words in any order are the same event. */
function wordSetOf(parts: readonly MessagePart[], settings: Settings): string {
  const words = distinguishingWords(markedText(parts), { words: settings.naming.words });
  return [...new Set(words.map(looseStem))].sort().join(' ');
}

/** A word without its ending, so `skipping`, `skipped` and `skip` compare equal. */
function looseStem(word: string): string {
  return word.length > 4 ? word.replace(/(ing|ed|es|e|s)$/, '') : word;
}

/** The properties of a log call's fields object (or info object), where it has one written out. */
function fieldsPropertiesOf(call: LogCall): TSESTree.Property[] {
  const fields =
    call.infoObject ?? (call.fieldsIndex === undefined ? undefined : call.args[call.fieldsIndex]);
  const object = fields ? unwrap(fields) : undefined;
  if (object?.type !== 'ObjectExpression') return [];
  return object.properties.filter(
    (property): property is TSESTree.Property => property.type === 'Property' && !property.computed,
  );
}

/** Every call of the file in source order: from the codemods' node index, or by walking the tree. */
function callExpressions(file: FileModel): readonly TSESTree.CallExpression[] {
  const indexed = file as FileModel & {
    nodesOfType?: (type: 'CallExpression') => readonly TSESTree.CallExpression[];
  };
  if (indexed.nodesOfType) return indexed.nodesOfType('CallExpression');
  const calls: TSESTree.CallExpression[] = [];
  const visit = (node: TSESTree.Node) => {
    if (node.type === 'CallExpression') calls.push(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child)
          if (item && typeof item === 'object') visit(item as TSESTree.Node);
      } else if (child && typeof child === 'object') visit(child as TSESTree.Node);
    }
  };
  visit(file.ast);
  return calls;
}

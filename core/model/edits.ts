/** Text edits: the one currency both faces spend. ESLint turns them into fixes, codemods apply them. */
export interface Edit {
  range: [number, number];
  text: string;
}

/** Applies non-overlapping edits; throws on overlap, which would be a bug in the caller. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.range[0] < cursor) throw new Error(`overlapping edits at offset ${edit.range[0]}`);
    result += text.slice(cursor, edit.range[0]) + edit.text;
    cursor = edit.range[1];
  }
  return result + text.slice(cursor);
}

/** The text of `range` with edits applied, every one of which lies inside that range. */
export function applyEditsWithin(
  text: string,
  range: readonly [number, number],
  edits: readonly Edit[],
): string {
  const [start, end] = range;
  return applyEdits(
    text.slice(start, end),
    edits.map((edit) => ({
      range: [edit.range[0] - start, edit.range[1] - start],
      text: edit.text,
    })),
  );
}

/** The span an edit set touches, to keep independent rewrites from overlapping. */
export function editsSpan(edits: readonly Edit[]): [number, number] {
  return [
    Math.min(...edits.map((edit) => edit.range[0])),
    Math.max(...edits.map((edit) => edit.range[1])),
  ];
}

export function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

interface Ranged {
  range: [number, number];
}

/**
 * Removes items from a comma-separated list (object properties, array elements, call arguments),
 * run by run, so neighbouring removals never overlap and the list keeps its layout: whole lines in a
 * multi-line list, `, x` spans in a one-line one. `whenEmpty` replaces the container when every item goes.
 */
export function removeListItems(
  text: string,
  items: readonly Ranged[],
  removed: ReadonlySet<Ranged>,
  whenEmpty: Edit,
): Edit[] {
  if (items.length > 0 && items.every((item) => removed.has(item))) return [whenEmpty];
  const edits: Edit[] = [];
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const ownLine = (item: Ranged) =>
    text.slice(lineStart(item.range[0]), item.range[0]).trim() === '';
  for (let first = 0; first < items.length; first++) {
    if (!removed.has(items[first])) continue;
    let last = first;
    while (last + 1 < items.length && removed.has(items[last + 1])) last++;
    const next = items[last + 1];
    if (ownLine(items[first]) && (!next || ownLine(next))) {
      const end = next
        ? lineStart(next.range[0])
        : text.indexOf('\n', items[last].range[1]) + 1 || items[last].range[1];
      edits.push({ range: [lineStart(items[first].range[0]), end], text: '' });
    } else if (first > 0) {
      edits.push({ range: [items[first - 1].range[1], items[last].range[1]], text: '' });
    } else {
      edits.push({ range: [items[first].range[0], next.range[0]], text: '' });
    }
    first = last;
  }
  return edits;
}

/** Code on one line, cut to at most `maxLength` characters: for suggestion titles and codemod reports. */
export function oneLine(text: string, maxLength: number): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 3)}...` : flat;
}

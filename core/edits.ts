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

/** The span an edit set touches, to keep independent rewrites from overlapping. */
export function editsSpan(edits: readonly Edit[]): [number, number] {
  return [Math.min(...edits.map((edit) => edit.range[0])), Math.max(...edits.map((edit) => edit.range[1]))];
}

export function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

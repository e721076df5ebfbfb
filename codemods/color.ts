/**
 * Colour for the CLI's output, the way ESLint's stylish formatter uses it, with no dependency: only
 * where someone will see it. `--color` / `--no-color` decide first, then FORCE_COLOR (as Node reads
 * it: '', 1, 2, 3 or true turn colour on, anything else off), then NO_COLOR, then whether the stream
 * is a terminal.
 */
const STYLES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;

export type Paint = Record<keyof typeof STYLES, (text: string) => string>;

export function colorEnabled(
  stream: { isTTY?: boolean },
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (flag !== undefined) return flag;
  if (env.FORCE_COLOR !== undefined) return ['', '1', '2', '3', 'true'].includes(env.FORCE_COLOR);
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** Style functions that wrap text in ANSI codes, or give it back unchanged when colour is off. */
export function painter(enabled: boolean): Paint {
  const paint = (open: number, close: number) =>
    enabled ? (text: string) => `\u001b[${open}m${text}\u001b[${close}m` : (text: string) => text;
  return Object.fromEntries(
    Object.entries(STYLES).map(([name, [open, close]]) => [name, paint(open, close)]),
  ) as Paint;
}

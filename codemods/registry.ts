import type { Codemod } from './engine';
import { structuredMessages } from './structured-messages';

/** Every codemod, in the order `codemod all` runs them on each file. */
export const CODEMODS: readonly Codemod[] = [structuredMessages];

export function findCodemod(name: string): Codemod | undefined {
  return CODEMODS.find((codemod) => codemod.name === name);
}

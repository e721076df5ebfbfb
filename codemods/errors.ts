/**
 * A problem with what the user asked for (a path, a flag, their settings or ESLint config, the state
 * of their git tree), as opposed to a bug: the CLI prints its message alone, on one line, and exits 2.
 */
export class UserError extends Error {}

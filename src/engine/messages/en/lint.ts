/** English templates of the engine's lint messages (see ../catalog.ts for the syntax). */
export const LINT_MESSAGES = {
} as const satisfies Record<string, string>

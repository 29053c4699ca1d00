/** English templates of the engine's quick-fix messages (see ../catalog.ts for the syntax). */
export const QUICK_FIX_MESSAGES = {
} as const satisfies Record<string, string>

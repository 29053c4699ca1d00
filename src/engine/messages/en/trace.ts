/** English templates of the engine's trace messages (see ../catalog.ts for the syntax). */
export const TRACE_MESSAGES = {
} as const satisfies Record<string, string>

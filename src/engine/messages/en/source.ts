/** English templates of the engine's source messages (see ../catalog.ts for the syntax). */
export const SOURCE_MESSAGES = {
} as const satisfies Record<string, string>

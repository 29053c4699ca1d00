/** English templates of the engine's model messages (see ../catalog.ts for the syntax). */
export const MODEL_MESSAGES = {
} as const satisfies Record<string, string>

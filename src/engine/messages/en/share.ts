/** English templates of the engine's share messages (see ../catalog.ts for the syntax). */
export const SHARE_MESSAGES = {
} as const satisfies Record<string, string>

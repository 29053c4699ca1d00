/** English templates of the engine's rollout messages (see ../catalog.ts for the syntax). */
export const ROLLOUT_MESSAGES = {
} as const satisfies Record<string, string>

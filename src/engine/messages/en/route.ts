/** English templates of the engine's route messages (see ../catalog.ts for the syntax). */
export const ROUTE_MESSAGES = {
} as const satisfies Record<string, string>

/** English templates of the engine's migrate messages (see ../catalog.ts for the syntax). */
export const MIGRATE_MESSAGES = {
} as const satisfies Record<string, string>

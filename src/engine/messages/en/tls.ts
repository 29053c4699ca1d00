/** English templates of the engine's tls messages (see ../catalog.ts for the syntax). */
export const TLS_MESSAGES = {
} as const satisfies Record<string, string>

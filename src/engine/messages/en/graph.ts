/** English templates of the engine's graph messages (see ../catalog.ts for the syntax). */
export const GRAPH_MESSAGES = {
} as const satisfies Record<string, string>

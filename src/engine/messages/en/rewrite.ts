/** English templates of the routing engine's rewrite-target: captures, named captures, nginx variables and the escaping of the URI sent upstream. See ../catalog.ts for the syntax. */
export const REWRITE_MESSAGES = {
} as const satisfies Record<string, string>

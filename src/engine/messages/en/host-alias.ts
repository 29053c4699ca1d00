/** English templates of the routing engine's server-alias and from-to-www-redirect: extra host names and the www redirect servers. See ../catalog.ts for the syntax. */
export const HOST_ALIAS_MESSAGES = {
} as const satisfies Record<string, string>

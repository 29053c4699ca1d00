/** English templates of the routing engine's session affinity (affinity: cookie): the cookie, its attributes and the pod a request sticks to. See ../catalog.ts for the syntax. */
export const AFFINITY_MESSAGES = {
} as const satisfies Record<string, string>

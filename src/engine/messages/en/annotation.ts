/** English templates of the routing engine's validation of ingress-nginx annotations (v1.12+), permanent-redirect and temporal-redirect, relative-redirects, snippets and risk levels. See ../catalog.ts for the syntax. */
export const ANNOTATION_MESSAGES = {
} as const satisfies Record<string, string>

/** English templates of the Gateway API request trace: listener selection, hostname and match precedence, filters, backends (docs/gateway-api.md#routing). See ../catalog.ts for the syntax. */
export const GATEWAY_TRACE_MESSAGES = {
} as const

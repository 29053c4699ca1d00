/** English templates of the Gateway API status a controller would write: listener, Gateway and route conditions with their reasons (docs/gateway-api.md#status). See ../catalog.ts for the syntax. */
export const GATEWAY_STATUS_MESSAGES = {
} as const

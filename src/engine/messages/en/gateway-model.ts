/** English templates of the model stage's Gateway API findings: the CRDs' OpenAPI and CEL validation (docs/gateway-api.md#validation). See ../catalog.ts for the syntax. */
export const GATEWAY_MODEL_MESSAGES = {
} as const

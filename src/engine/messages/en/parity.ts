/** English templates of the parity check: why a request was generated, why two answers differ and how to resolve it (docs/migration.md#parity). See ../catalog.ts for the syntax. */
export const PARITY_MESSAGES = {
  'parity-why-host': 'the host {{host}} at its root',
} as const

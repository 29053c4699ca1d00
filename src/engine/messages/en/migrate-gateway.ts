/** English templates of the Ingress → Gateway API conversion's findings: what a converted route does instead of an annotation or field (docs/migration.md#conversion). See ../catalog.ts for the syntax. */
export const MIGRATE_GATEWAY_MESSAGES = {
  'mg-converted-by': 'Converted by Ingress Studio from Ingress {{ingress}}',
} as const

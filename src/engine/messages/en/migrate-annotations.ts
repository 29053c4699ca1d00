/** English templates of what the Ingress → Gateway API conversion makes of each ingress-nginx annotation, and what a converted route does instead where there is no equivalent (docs/migration.md#conversion). See ../catalog.ts for the syntax. */
export const MIGRATE_ANNOTATION_MESSAGES = {
  'ma-not-converted': '{{annotation}} has no Gateway API equivalent: the converted route ignores it',
} as const

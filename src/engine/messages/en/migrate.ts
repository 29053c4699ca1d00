/** English templates of the engine's migrate messages (see ../catalog.ts for the syntax). */
export const MIGRATE_MESSAGES = {
  // What the API migration changed or left (MigrationNote; the CLI's migrate --explain).
  'migrate-api-version': 'apiVersion {{from}} → {{to}}',
  'migrate-selector-written': 'spec.selector written from the template labels (apps/v1 requires it)',
  'migrate-max-surge-written': 'maxSurge 1 written (apps/v1 would default 25%)',
  'migrate-max-unavailable-written': 'maxUnavailable 1 written (apps/v1 would default 25%)',
  'migrate-history-unlimited': 'revisionHistoryLimit {{limit}} written (unlimited; apps/v1 would keep 10)',
  'migrate-history-old-default': 'revisionHistoryLimit {{limit}} written (the apps/v1beta1 default; apps/v1 would keep 10)',
  'migrate-no-deadline': 'progressDeadlineSeconds {{seconds}} written (no deadline; apps/v1 would set 600)',
  'migrate-labels-written': 'metadata.labels written from the template labels (as the old version defaulted them)',
  'migrate-rollback-to-removed': 'spec.rollbackTo removed (apps/v1 has none; use kubectl rollout undo)',
  'migrate-default-backend': 'spec.backend → spec.defaultBackend',
  'migrate-backends_one': '{{count}} backend → service.name / service.port',
  'migrate-backends_other': '{{count}} backends → service.name / service.port',
  'migrate-path-type_one': 'pathType {{pathType}} written for {{count}} path (ingress-nginx routed the old default ImplementationSpecific as Prefix)',
  'migrate-path-type_other': 'pathType {{pathType}} written for {{count}} paths (ingress-nginx routed the old default ImplementationSpecific as Prefix)',
  'migrate-class-kept-invalid': 'kept annotation {{annotation}}: "{{value}}" is not a valid ingressClassName',
  'migrate-class-kept-controller': 'kept annotation {{annotation}}: {{value}}: as ingressClassName it would change which controller serves this Ingress',
  'migrate-class-moved': 'annotation {{annotation}}: {{value}} → spec.ingressClassName',
} as const satisfies Record<string, string>

/** English templates of the engine's quick-fix messages (see ../catalog.ts for the syntax): titles in the editor's light bulb menu. */
export const QUICK_FIX_MESSAGES = {
  // Fixes of model findings (fix/quick-fixes.ts).
  'fix-convert-api-version': 'Convert to {{apiVersion}}',
  'fix-convert-current-version': 'Convert to the current API version',
  'fix-path-type-implementation-specific': 'Use pathType ImplementationSpecific (paths with regex characters need it)',

  // Fixes the lint rules attach to their findings (checks/rules).
  'fix-readiness-http': 'Add an httpGet readinessProbe on port {{port}}',
  'fix-readiness-tcp': 'Add a tcpSocket readinessProbe on port {{port}}',
  'fix-liveness-failure-threshold': 'Set the livenessProbe failureThreshold to {{threshold}}',
  'fix-add-startup-probe': 'Add a startupProbe ({{attempts}} × {{period}} s) and start liveness at 0 s',
  'fix-probe-port': 'Probe port {{port}}',
  'fix-prestop-sleep-action': 'Add a preStop sleep of {{seconds}} s (sleep action, Kubernetes 1.30+)',
  'fix-prestop-exec-sleep': 'Add a preStop exec "sleep {{seconds}}" (image needs a sleep binary)',
  'fix-prestop-replace-sleep': 'Replace the hook with a preStop sleep of {{seconds}} s (sleep action, Kubernetes 1.30+)',
  'fix-grace-period': 'Set terminationGracePeriodSeconds to {{seconds}}',
  'fix-progress-deadline': 'Set progressDeadlineSeconds to {{seconds}}',
  'fix-rolling-update': 'Switch to RollingUpdate (maxSurge 1, maxUnavailable 0)',
  'fix-max-unavailable-zero': 'Set maxUnavailable to 0',
  'fix-max-unavailable-zero-surge-one': 'Set maxUnavailable to 0 and maxSurge to 1',
  'fix-use-service': 'Use Service {{service}}',
  'fix-use-service-port': 'Use port {{port}} of Service {{service}}',
  'fix-select-deployment-pods': 'Select the pods of Deployment {{deployment}}',
  'fix-target-port': 'Target port {{port}}',
  'fix-capture-rest-of-path': 'Capture the rest of each path ($2)',
  'fix-remove-tls-host': 'Remove {{host}} from the tls hosts',
} as const satisfies Record<string, string>

/** English templates of the engine's lint messages (see ../catalog.ts for the syntax). */
export const LINT_MESSAGES = {
  // Phrases inside findings.
  'lint-none': 'none',
  'lint-names-and-more': '{{names}} and {{more}} more',

  // Probes (rules/probe-*, liveness-*, readiness-*).
  'readiness-probe-missing': 'Container {{container}} serves Service {{services}} but has no readinessProbe: it gets traffic as soon as it starts, before the app listens. Add a readinessProbe on the serving port.',
  'liveness-same-as-readiness': 'The livenessProbe of {{container}} is the same check as its readinessProbe: a busy pod is restarted instead of just taken out of the endpoints. Let liveness fail later (e.g. failureThreshold {{threshold}}) or check something else.',
  'probe-port-name-undefined': 'The {{probe}} uses port name "{{port}}", which container {{container}} does not define (ports: {{ports}}); the probe always fails.',
  'probe-port-not-exposed': 'The {{probe}} probes port {{port}}, which container {{container}} does not expose (ports: {{ports}}); probe the port the app listens on.',
  'liveness-kills-slow-start': '{{container}} takes about {{slowness}} s to start, but its livenessProbe kills it after {{killedAfter}} s: it will restart forever. Add a startupProbe that allows the start-up time.',
  'liveness-delays-hang-detection': '{{container}} starts slowly (initialDelaySeconds {{slowness}}); with a livenessProbe but no startupProbe the delay also postpones noticing a hung app. Add a startupProbe and drop the liveness delay.',
  'readiness-too-slow': 'A new pod of {{deployment}} is available {{available}} s after start at the earliest (probe delays), not before the {{deadline}} s progressDeadlineSeconds: every rollout will report ProgressDeadlineExceeded. Shorten the delays or raise progressDeadlineSeconds to {{raised}}.',
  'readiness-too-slow-min-ready': 'A new pod of {{deployment}} is available {{available}} s after start at the earliest (probe delays plus minReadySeconds), not before the {{deadline}} s progressDeadlineSeconds: every rollout will report ProgressDeadlineExceeded. Shorten the delays or raise progressDeadlineSeconds to {{raised}}.',

  // Services and Ingress references.
  'service-target-port-missing': 'targetPort "{{port}}" is not a containerPort name of Deployment {{deployments}}; those pods get no traffic on this port. Name the container port or use its number.',

  // Hosts, rewrites and regexes.
  'wildcard-host-apex': '{{host}} matches one extra label only (e.g. www.{{apex}}), not {{apex}} itself and not a.b.{{apex}}; add a rule for {{apex}} if it should be served too.',
  'catastrophic-regex-path': 'Regex path "{{path}}" can backtrack catastrophically ({{reason}}). On a near-miss URL PCRE stops at its match limit of 10,000,000 steps and nginx answers 500, after about half a second of CPU per request. Use one quantifier per run of characters (e.g. a+ instead of (a+)+) and alternatives that cannot match the same text.',
  'catastrophic-regex-canary': "canary-by-header-pattern \"{{pattern}}\" can backtrack catastrophically ({{reason}}). On a near-miss header value PCRE stops at its match limit and ingress-nginx's Lua sends the request to the primary, skipping the cookie and weight. Use one quantifier per run of characters and alternatives that cannot match the same text.",

  // Shutdown and rollouts.
  'prestop-missing-hook': 'Container {{container}} is behind an Ingress but has no preStop hook: on scale-down it gets SIGTERM while ingress-nginx still sends it requests, which fail with 502. Add a preStop sleep of {{seconds}} s.',
  'prestop-zero-hook': 'Container {{container}} is behind an Ingress but its preStop hook takes 0 s: SIGTERM comes at once while ingress-nginx still sends it requests, which fail with 502. Make it a sleep of {{seconds}} s.',
  'grace-cut-off': 'terminationGracePeriodSeconds {{grace}} is not longer than the {{seconds}} s preStop of {{container}}: the kubelet waits for the hook only {{grace}} s, then sends SIGTERM with a one-off {{extension}} s extension and SIGKILL {{extension}} s later, so the app has {{extension}} s to drain. Raise it to at least {{target}}.',
  'grace-short-drain': 'terminationGracePeriodSeconds {{grace}} leaves {{left}} s after the {{seconds}} s preStop of {{container}} for in-flight requests before SIGKILL. Raise it to {{target}}.',
  'rollout-zero-capacity_one': 'maxUnavailable {{maxUnavailable}} with {{count}} replica lets the update stop every serving pod before a new one is ready: ingress-nginx answers 503 meanwhile. Set maxUnavailable to 0 and maxSurge to at least 1.',
  'rollout-zero-capacity_other': 'maxUnavailable {{maxUnavailable}} with {{count}} replicas lets the update stop every serving pod before a new one is ready: ingress-nginx answers 503 meanwhile. Set maxUnavailable to 0 and maxSurge to at least 1.',
  'rollout-capacity-dip': 'During an update only {{left}} of {{replicas}} pods serve (maxUnavailable {{maxUnavailable}} resolves to {{resolved}}); set maxUnavailable to 0 and maxSurge to 1 to keep full capacity.',
  'recreate-behind-ingress': 'Deployment {{deployment}} is behind an Ingress and uses Recreate: every update stops all pods before new ones start, so its hosts answer 503 meanwhile. Use RollingUpdate with maxSurge 1 and maxUnavailable 0 (unless two versions must never run together).',

  // TLS.
  'tls-host-not-in-rules': 'TLS host {{host}} is not a rule host of this Ingress (rules: {{rules}}); it gets a certificate but no routes. Fix the spelling or add a rule for it.',
  'tls-secret-missing': 'Secret {{secret}} is not in the manifests (namespace {{namespace}}); if it does not exist in the cluster, ingress-nginx serves its fake certificate for {{hosts}}.',
  'tls-secret-missing-no-hosts': 'Secret {{secret}} is not in the manifests (namespace {{namespace}}); if it does not exist in the cluster, ingress-nginx serves its fake certificate for these hosts.',
  'tls-secret-unusable': '{{problem}}; ingress-nginx cannot use Secret {{secret}} and serves its fake certificate instead.',
  'tls-secret-no-certificate': 'Secret {{secret}} is used for TLS but has no tls.crt; make it type kubernetes.io/tls with tls.crt and tls.key.',
  'tls-host-not-covered': 'The certificate in Secret {{secret}} does not cover {{host}} (it names {{names}}); clients get a certificate error. Issue a certificate that lists this host.',
  'tls-host-not-covered-cn-only': 'The certificate in Secret {{secret}} does not cover {{host}} (it names no subjectAltName (only CN={{commonName}}, which browsers ignore)); clients get a certificate error. Issue a certificate that lists this host.',
  'tls-cert-expired': 'The certificate in Secret {{secret}} expired on {{date}}; renew it (replacing this one Secret renews every host).',
  'tls-cert-expired-for-hosts': 'The certificate in Secret {{secret}} expired on {{date}} for {{hosts}}; renew it (replacing this one Secret renews every host).',
  'tls-cert-not-yet-valid': 'The certificate in Secret {{secret}} is valid only from {{date}}; clients reject it until then.',
  'tls-cert-expiring_one': 'The certificate in Secret {{secret}} expires on {{date}}, in {{count}} day (less than {{threshold}}); renew it soon.',
  'tls-cert-expiring_other': 'The certificate in Secret {{secret}} expires on {{date}}, in {{count}} days (less than {{threshold}}); renew it soon.',
  'tls-cert-expiring-for-hosts_one': 'The certificate in Secret {{secret}} expires on {{date}}, in {{count}} day (less than {{threshold}}) for {{hosts}}; renew it soon.',
  'tls-cert-expiring-for-hosts_other': 'The certificate in Secret {{secret}} expires on {{date}}, in {{count}} days (less than {{threshold}}) for {{hosts}}; renew it soon.',
  'tls-key-mismatch': 'tls.key of Secret {{secret}} is not the key of its certificate ({{subject}}); ingress-nginx rejects the pair and serves its fake certificate. Put the matching key (or certificate) in the Secret.',
} as const satisfies Record<string, string>

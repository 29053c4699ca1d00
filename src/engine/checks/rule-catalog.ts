/**
 * Every configurable rule with its id, default severity, title and rationale: plain data with no imports
 * beyond types, so the rules panel can show it without loading the engine. The lint rules are implemented in
 * `rules/`; the routing rules are findings of the route stage (`compileRoutes`), surfaced and configured here.
 */
import type { LintCode, RouteCode, Severity } from '../diagnostics'

/** The id of a configurable rule: a lint code, a routing finding's code, or the model stage's API version rule. */
export type RuleId = LintCode | RouteCode | 'removed-api-version'

export type RuleCategory = 'api' | 'probes' | 'services' | 'ingress' | 'tls' | 'rollout' | 'routing' | 'gateway'

export interface RuleInfo {
  readonly id: RuleId
  readonly category: RuleCategory
  readonly title: string
  /** The severity findings get unless the user changes it (routing findings: the usual one; some vary). */
  readonly severity: Severity
  /** Why it matters, in a sentence or two a learner can follow. */
  readonly rationale: string
  /** What the quick fix does, or null when there is none. */
  readonly fix: string | null
}

export const CATEGORY_TITLES: Readonly<Record<RuleCategory, string>> = {
  api: 'API versions',
  probes: 'Probes',
  services: 'Services and selectors',
  ingress: 'Ingress references',
  tls: 'TLS certificates',
  rollout: 'Zero-downtime rollouts',
  routing: 'Routing (ingress-nginx)',
  gateway: 'Routing (Gateway API)',
}

export const RULES: readonly RuleInfo[] = [
  { id: 'removed-api-version', category: 'api', severity: 'warning', title: 'API version a Kubernetes release no longer serves',
    rationale: 'From the release that removed it, the API server refuses an object written in that version and kubectl apply fails. An error when checking against such a release (the CLI\'s --kubernetes-version, as pluto\'s --target-versions), a warning otherwise: the cluster may still be older.',
    fix: 'Convert an Ingress or a Deployment to the current version, its fields reshaped (the migrate command does a whole file).' },
  { id: 'readiness-probe-missing', category: 'probes', severity: 'warning', title: 'Pod behind a Service without a readinessProbe',
    rationale: 'Without a readinessProbe a pod is Ready as soon as its container starts, before the app listens, so the Service and the ingress send it requests that fail, and a rolling update removes old pods too early. Only pods a Service selects need one.',
    fix: 'Add a tcpSocket or httpGet readinessProbe on the port the Service targets.' },
  { id: 'liveness-same-as-readiness', category: 'probes', severity: 'warning', title: 'livenessProbe identical to readinessProbe',
    rationale: 'When both probes are the same, a pod that is only busy is restarted instead of just taken out of the endpoints. Differing thresholds are fine (liveness should give up later than readiness).',
    fix: 'Give the liveness probe twice the failureThreshold.' },
  { id: 'probe-port-not-exposed', category: 'probes', severity: 'warning', title: 'Probe on a port the container does not expose',
    rationale: 'A probe on a named port the container does not declare always fails; one on an undeclared number usually means a typo or a port that changed.',
    fix: 'Probe the container\'s only declared port.' },
  { id: 'service-selects-nothing', category: 'services', severity: 'warning', title: 'Service selects no pods',
    rationale: 'A Service whose selector matches no pod template in the same namespace, or only Deployments scaled to 0, has no endpoints: routing answers 503 for its paths, as ingress-nginx does (or sends them to a default-backend annotation). Checked where the namespace has Deployments.',
    fix: 'Select the pods of the Deployment with the Service\'s name.' },
  { id: 'service-target-port-missing', category: 'services', severity: 'warning', title: 'Service targetPort matches no container port',
    rationale: 'A named targetPort must be a containerPort name of the selected pods, or the Service has no endpoints for that port.',
    fix: 'Target the pods\' only container port.' },
  { id: 'ingress-service-missing', category: 'ingress', severity: 'warning', title: 'Ingress backend Service does not exist',
    rationale: 'ingress-nginx answers 503 for a backend whose Service does not exist (or sends it to the Ingress\'s default-backend annotation), and drops a default-backend annotation naming a missing Service; routing answers the same. Checked when the manifests contain Services: without any, every Service is assumed.',
    fix: 'Use the Service with the closest name.' },
  { id: 'ingress-service-port-missing', category: 'ingress', severity: 'warning', title: 'Ingress backend port not defined on the Service',
    rationale: 'The backend port, by number or by name, must match one of the Service\'s ports (its port, targetPort or name, as ingress-nginx compares them); otherwise the upstream has no endpoints and ingress-nginx answers 503, as routing does.',
    fix: 'Use the Service\'s only port.' },
  { id: 'tls-host-not-in-rules', category: 'ingress', severity: 'warning', title: 'TLS host matches no rule host',
    rationale: 'A host in spec.tls that no rule of the Ingress serves gets a certificate but no routes; usually a typo or a leftover.',
    fix: 'Remove the host from the tls section.' },
  { id: 'wildcard-host-apex', category: 'ingress', severity: 'info', title: 'Wildcard host does not cover its own domain',
    rationale: '*.example.com matches exactly one extra label: a.example.com, not example.com and not a.b.example.com.',
    fix: null },
  { id: 'rewrite-without-capture', category: 'ingress', severity: 'warning', title: 'rewrite-target that drops the rest of the path',
    rationale: 'Since ingress-nginx 0.22 rewrite-target replaces the whole path: with "/" on path /api, /api/users reaches the app as "/". A target keeps the rest only through a capture ($1–$9, or $name of a named group such as (?<name>…)) or $uri / $request_uri. Capture the rest of the path and use it in the target.',
    fix: 'Capture the rest of each path (path(/|$)(.*), target /$2).' },
  { id: 'annotation-rejected', category: 'ingress', severity: 'error', title: 'Ingress the controller rejects for an annotation',
    rationale: 'Since controller v1.12 annotation values are validated (--enable-annotation-validation) and annotations-risk-level is High: a redirect URL with an nginx variable such as $request_uri, a malformed server-alias or default-backend, or a Critical annotation such as configuration-snippet or server-snippet makes the admission webhook deny the whole Ingress and the controller skip it, so none of its rules is served. Snippets also need allow-snippet-annotations: "true".',
    fix: 'Remove the nginx variables (or stray spaces) from the value, or remove the annotation.' },
  { id: 'catastrophic-regex', category: 'ingress', severity: 'warning', title: 'Regex that can backtrack catastrophically',
    rationale: 'A regex path or canary-by-header-pattern with a quantifier inside a quantified group ((a+)+) or a quantified alternation whose branches match the same text ((a|aa)+) makes PCRE try exponentially many ways on a URL that almost matches. PCRE gives up at its match limit of 10,000,000 steps: nginx answers 500 Internal Server Error after about half a second of CPU, and a canary header pattern sends the request to the primary. Anyone can send such a URL.',
    fix: null },
  { id: 'prestop-missing', category: 'rollout', severity: 'warning', title: 'No preStop hook on a pod behind an Ingress',
    rationale: 'A terminating pod gets SIGTERM while ingress-nginx still sends it requests for the second or two the endpoint change takes to propagate; those requests fail with 502. A short preStop sleep keeps the pod serving until the ingress has let go. A hook that takes no time (sleep 0, a tcpSocket handler the kubelet cannot run) counts as none.',
    fix: 'Add a preStop sleep of 5 seconds.' },
  { id: 'grace-shorter-than-prestop', category: 'rollout', severity: 'warning', title: 'Grace period too short for preStop plus draining',
    rationale: 'terminationGracePeriodSeconds counts from deletion and includes the preStop hook; what is left is the app\'s time to finish in-flight requests before SIGKILL. A hook that outlives the grace period is cut off at its end: the kubelet sends SIGTERM with a one-off 2-second extension and SIGKILL after it.',
    fix: 'Raise terminationGracePeriodSeconds to the preStop time plus 30 seconds.' },
  { id: 'rollout-zero-capacity', category: 'rollout', severity: 'warning', title: 'Rolling update may leave no pod serving',
    rationale: 'With replicas minus maxUnavailable at 0 (one replica and maxUnavailable 1, or maxUnavailable 100%), the controller may stop every old pod before a new one is ready: ingress-nginx answers 503.',
    fix: 'Set maxUnavailable to 0 and maxSurge to at least 1.' },
  { id: 'rollout-capacity-dip', category: 'rollout', severity: 'info', title: 'Rolling update halves serving capacity',
    rationale: 'With two or fewer replicas, taking one down during the update removes half the capacity or more; under load the remaining pod may not keep up.',
    fix: 'Set maxUnavailable to 0 and maxSurge to at least 1.' },
  { id: 'recreate-behind-ingress', category: 'rollout', severity: 'warning', title: 'Recreate strategy behind an Ingress',
    rationale: 'Recreate stops every old pod before starting new ones, so every update is an outage for the hosts routed to this Deployment.',
    fix: 'Switch to RollingUpdate with maxSurge 1 and maxUnavailable 0.' },
  { id: 'readiness-too-slow', category: 'rollout', severity: 'warning', title: 'Readiness slower than the progress deadline',
    rationale: 'A new pod cannot be available before its probes allow it (initialDelaySeconds, periods, minReadySeconds). If that is longer than progressDeadlineSeconds, every rollout reports ProgressDeadlineExceeded.',
    fix: 'Raise progressDeadlineSeconds.' },
  { id: 'liveness-without-startup', category: 'rollout', severity: 'warning', title: 'Liveness probe without a startupProbe on a slow starter',
    rationale: 'A slow-starting app needs a long liveness initialDelaySeconds, which also delays detecting a hung app; or the liveness probe kills it before it has started. A startupProbe holds liveness back only until the app is up.',
    fix: 'Add a startupProbe with the liveness handler and enough attempts.' },
  { id: 'tls-secret-missing', category: 'tls', severity: 'warning', title: 'TLS Secret not found',
    rationale: 'ingress-nginx serves its self-signed "Kubernetes Ingress Controller Fake Certificate" for hosts whose Secret does not exist. Skipped for Ingresses cert-manager fills in.',
    fix: null },
  { id: 'tls-secret-invalid', category: 'tls', severity: 'error', title: 'TLS Secret without a usable certificate',
    rationale: 'tls.crt must hold a PEM certificate (the leaf first) and tls.key its unencrypted key; otherwise ingress-nginx falls back to its fake certificate.',
    fix: null },
  { id: 'tls-host-not-covered', category: 'tls', severity: 'warning', title: 'TLS host not covered by the certificate',
    rationale: 'Browsers accept a certificate only for the names in its subjectAltName (a wildcard covers one label; the CN is ignored). Every other host gets a certificate warning.',
    fix: null },
  { id: 'tls-cert-expired', category: 'tls', severity: 'error', title: 'Certificate expired or not yet valid',
    rationale: 'Clients refuse a certificate outside its validity period. Renewing the one Secret fixes every host that uses it.',
    fix: null },
  { id: 'tls-cert-expiring', category: 'tls', severity: 'warning', title: 'Certificate expires within 30 days',
    rationale: 'Renew before the last day: replace the Secret\'s tls.crt and tls.key, and every host listed on the certificate card is renewed at once.',
    fix: null },
  { id: 'tls-key-mismatch', category: 'tls', severity: 'error', title: 'Key does not match the certificate',
    rationale: 'tls.key must be the private key of the certificate in tls.crt; ingress-nginx rejects the pair and serves its fake certificate.',
    fix: null },
  { id: 'affinity-cookie-path', category: 'ingress', severity: 'warning', title: 'Sticky cookie whose Path is a regex',
    rationale: 'With affinity: cookie, ingress-nginx sets the cookie\'s Path to the Ingress path as written unless session-cookie-path is set. With use-regex or rewrite-target that path is a regular expression such as /api(/|$)(.*), which no request path starts with: browsers never send the cookie back and every request starts a new session.',
    fix: 'Set session-cookie-path to the literal start of the paths (e.g. /api).' },
  { id: 'affinity-cookie-name', category: 'ingress', severity: 'warning', title: 'Sticky cookie name a browser cannot keep',
    rationale: 'session-cookie-name passes ingress-nginx\'s validator with / or : (and spaces, which it ignores while checking), but a cookie name may not contain separators (RFC 6265). Browsers may refuse or split such a cookie, so the session does not stick.',
    fix: 'Replace each character not allowed in a cookie name with _.' },
  { id: 'www-redirect-certificate', category: 'tls', severity: 'warning', title: 'from-to-www-redirect without a certificate for the other name',
    rationale: 'ingress-nginx serves https for the www redirect (www.example.com to example.com, or the other way) with the host\'s certificate only when that certificate names the other name too; otherwise https://www.example.com gets the controller\'s fake certificate and browsers stop before the redirect.',
    fix: null },
  { id: 'route-conflict', category: 'routing', severity: 'warning', title: 'Same host and path in two places',
    rationale: 'ingress-nginx keeps the path of the oldest Ingress and silently ignores later duplicates; the admission webhook would reject them.', fix: null },
  { id: 'canary-without-primary', category: 'routing', severity: 'warning', title: 'Canary without a primary',
    rationale: 'A canary Ingress only shadows a host and path a non-canary Ingress serves; otherwise it gets no traffic.', fix: null },
  { id: 'regex-enforced', category: 'routing', severity: 'info', title: 'use-regex or rewrite-target changes other Ingresses on the host',
    rationale: 'One Ingress with use-regex or rewrite-target turns every path of the host, in every Ingress, into a case-insensitive regex prefix.', fix: null },
  { id: 'foreign-annotation', category: 'routing', severity: 'info', title: 'Annotation of the other NGINX controller',
    rationale: 'nginx.org/* and nginx.com/* annotations belong to NGINX Inc.\'s controller; ingress-nginx ignores them.', fix: null },
  { id: 'ingress-not-served', category: 'routing', severity: 'info', title: 'Ingress not served by ingress-nginx',
    rationale: 'Its class (or the missing default class) hands it to another controller.', fix: null },
  { id: 'invalid-annotation', category: 'routing', severity: 'warning', title: 'Annotation value ingress-nginx ignores',
    rationale: 'An annotation with an invalid value is ignored and its default applies.', fix: null },
  { id: 'regex-unsupported', category: 'routing', severity: 'warning', title: 'Regex the studio cannot evaluate',
    rationale: 'The location regex uses a PCRE feature the studio does not model; it is treated as never matching.', fix: null },
  { id: 'default-backend-scope', category: 'routing', severity: 'info', title: 'defaultBackend only for this Ingress\'s hosts',
    rationale: 'ingress-nginx uses an Ingress\'s defaultBackend only for the hosts that Ingress creates, unlike the spec.', fix: null },
  { id: 'resource-backend', category: 'routing', severity: 'warning', title: 'Resource backend',
    rationale: 'ingress-nginx ignores resource backends; the controller\'s 404 answers instead.', fix: null },
  { id: 'rewrite-variable', category: 'routing', severity: 'warning', title: 'nginx variable in rewrite-target',
    rationale: 'The studio models capture groups ($1–$9) only; other nginx variables are treated as empty.', fix: null },
  { id: 'controller-configmap', category: 'routing', severity: 'warning', title: 'Controller ConfigMap value',
    rationale: 'A value in the ingress-nginx ConfigMap that the controller cannot read.', fix: null },
  { id: 'nginx-strict-path', category: 'routing', severity: 'warning', title: 'Exact or Prefix path the ingress-nginx webhook rejects',
    rationale: 'With strict-validate-path-type (on by default since controller v1.12.0, off in v1.8 to v1.11) the admission webhook accepts Exact and Prefix paths made only of letters, digits and ._/- so that no path can carry nginx syntax; kubectl apply fails for anything else. Without the webhook the controller serves the path as usual.',
    fix: 'Use pathType ImplementationSpecific (paths with regex characters need it).' },
  { id: 'server-alias-ignored', category: 'routing', severity: 'warning', title: 'server-alias that ingress-nginx or nginx ignores',
    rationale: 'A host takes the server-alias of the first Ingress that has one; an alias that is already a host of its own is left out (its own server answers it), and a name another server block has first is ignored by nginx ("conflicting server name").',
    fix: 'Remove the alias from server-alias.' },
  { id: 'server-name-invalid', category: 'routing', severity: 'error', title: 'Server name nginx rejects',
    rationale: 'A server-alias such as *foo.com or a.*.com, or the redirect server www.*.example.com that from-to-www-redirect makes for a wildcard host, fails nginx -t: the admission webhook rejects the Ingress, and without it the controller cannot reload.',
    fix: null },
  { id: 'www-redirect-skipped', category: 'routing', severity: 'warning', title: 'from-to-www-redirect whose other name is a host',
    rationale: 'ingress-nginx adds the www redirect server only when no Ingress serves the other name; otherwise the annotation does nothing and that host answers as usual.',
    fix: 'Remove from-to-www-redirect.' },
  { id: 'nginx-conf-injection', category: 'routing', severity: 'warning', title: 'Path that breaks the nginx.conf of ingress-nginx before v1.15',
    rationale: 'Before v1.15.0 ingress-nginx wrote each path into nginx.conf as it was: a double quote, a trailing backslash, or (outside a regex) a space, ; or { ends the location early and the rest becomes configuration. nginx -t then fails, or a crafted path injects directives. v1.15.0 and later escape the path.',
    fix: null },
  // Gateway API status conditions (gateway/compile-gateways.ts, docs/gateway-api.md#attachment-and-status).
  { id: 'gateway-class-missing', category: 'gateway', severity: 'info', title: 'Gateway whose GatewayClass is not in the input',
    rationale: 'A Gateway is handled by the controller of its GatewayClass. When the class is not among the manifests, the studio assumes it exists and is accepted, and routes through the Gateway anyway; in a cluster without that class nothing would serve it.',
    fix: null },
  { id: 'gateway-parameters-not-found', category: 'gateway', severity: 'warning', title: 'parametersRef to an object that is not in the input',
    rationale: 'A GatewayClass\'s parametersRef or a Gateway\'s infrastructure.parametersRef names the implementation\'s configuration object. When it cannot be found, the controller should not accept the class or the Gateway (Accepted False, InvalidParameters). The studio reads no parameters object and still routes, but a cluster without that object would not.',
    fix: null },
  { id: 'gateway-listener-invalid', category: 'gateway', severity: 'warning', title: 'Listener not accepted',
    rationale: 'A listener with a protocol the implementation does not support, or one that shares its port with a listener of an incompatible protocol or the same hostname, is not accepted (Accepted False: UnsupportedProtocol, ProtocolConflict, HostnameConflict) and takes no traffic; a Gateway with no valid listener is not accepted at all.',
    fix: null },
  { id: 'gateway-listener-ref-not-resolved', category: 'gateway', severity: 'warning', title: 'Listener reference that does not resolve',
    rationale: 'A certificateRef to a missing or malformed Secret or to another kind (InvalidCertificateRef), one into another namespace without a ReferenceGrant (RefNotPermitted), or an allowedRoutes kind the protocol cannot carry (InvalidRouteKinds) sets the listener\'s ResolvedRefs to False; without its certificate an HTTPS listener cannot terminate TLS and takes no traffic.',
    fix: null },
  { id: 'gateway-route-not-accepted', category: 'gateway', severity: 'warning', title: 'HTTPRoute not accepted by its parent Gateway',
    rationale: 'A route attaches only where a listener matches its parentRef (sectionName, port: NoMatchingParent), admits its kind and namespace (allowedRoutes: NotAllowedByListeners) and shares a hostname with it (NoMatchingListenerHostname); otherwise it is detached and serves nothing through that Gateway. A filter type the implementation does not know makes it Accepted False (UnsupportedValue).',
    fix: null },
  { id: 'gateway-route-ref-not-resolved', category: 'gateway', severity: 'warning', title: 'HTTPRoute backend that does not resolve',
    rationale: 'A backendRef to a kind other than Service (InvalidKind), to a Service that does not exist or lacks the port (BackendNotFound), or to another namespace without a ReferenceGrant there (RefNotPermitted) sets the route\'s ResolvedRefs to False, and the requests that would go to it get 500. An ExtensionRef filter the implementation does not know also answers 500.',
    fix: null },
]

const byId = new Map<string, RuleInfo>(RULES.map((rule) => [rule.id, rule]))

/** The catalog entry of `id`, or undefined for codes that are not configurable rules. */
export function ruleInfo(id: string): RuleInfo | undefined {
  return byId.get(id)
}

/** English templates of the Gateway API status a controller would write: listener, Gateway and route conditions with their reasons (docs/gateway-api.md#attachment-and-status). See ../catalog.ts for the syntax. */
export const GATEWAY_STATUS_MESSAGES = {
  // A finding (lint, editor) for one condition that is not True.
  'gw-finding-class': 'GatewayClass {{name}}: {{type}} {{status}} ({{reason}}): {{detail}}',
  'gw-finding-gateway': 'Gateway {{gateway}}: {{type}} {{status}} ({{reason}}): {{detail}}',
  'gw-finding-listener': 'listener {{listener}} of Gateway {{gateway}}: {{type}} {{status}} ({{reason}}): {{detail}}',
  'gw-finding-route-parent': 'HTTPRoute {{route}} on parentRef {{parent}}: {{type}} {{status}} ({{reason}}): {{detail}}',
  'gw-finding-route-ref': 'HTTPRoute {{route}}: ResolvedRefs False ({{reason}}): {{detail}}',

  // GatewayClass (compile-gateways.ts).
  'gw-class-accepted': 'GatewayClass {{name}} is in the input: the studio acts as its controller ({{controller}}) and accepts it',
  'gw-class-assumed': 'GatewayClass {{name}} is not in the input: the studio assumes it exists and is accepted, and routes through Gateway {{gateway}} anyway',

  'gw-class-invalid-parameters': 'spec.parametersRef names {{kind}} {{name}} of group "{{group}}", which is not in the input: a controller does not accept the GatewayClass (the studio still routes its Gateways)',

  // Gateway conditions.
  'gw-gateway-invalid-parameters': 'spec.infrastructure.parametersRef names {{kind}} {{name}} of group "{{group}}", which is not in the input: a controller does not accept the Gateway (the studio still routes through its listeners)',
  'gw-gateway-accepted': 'every listener is valid',
  'gw-gateway-listeners-not-valid': 'listeners not accepted: {{invalid}}; accepted: {{valid}}',
  'gw-gateway-no-valid-listener': 'no listener is valid ({{invalid}}), so the Gateway is not accepted',
  'gw-gateway-programmed': 'the accepted listeners take traffic',
  'gw-gateway-not-programmed': 'the Gateway is not accepted, so nothing is programmed',

  // Listener conditions (listener-conditions.ts).
  'gw-listener-accepted': 'protocol {{protocol}} on port {{port}} is supported',
  'gw-listener-unsupported-protocol': 'protocol {{protocol}} is not a protocol the studio implements (HTTP, HTTPS, TLS, TCP, UDP), so the listener generates no configuration',
  'gw-listener-protocol-conflict': 'port {{port}} is also used by {{others}} with a protocol ({{protocols}}) that cannot share a port with {{protocol}}: none of these listeners is accepted',
  'gw-listener-hostname-conflict': '{{others}} also use port {{port}} for the same hostname ({{hostname}}): none of these listeners is accepted',
  'gw-listener-no-conflicts': 'no other listener conflicts with it',
  'gw-listener-any-hostname': 'any hostname',
  'gw-listener-resolved-refs': 'every reference of the listener resolves',
  'gw-listener-cert-assumed': 'the input holds no Secret, so the studio assumes Secret {{secret}} exists and holds a valid certificate',
  'gw-listener-cert-invalid-kind': 'certificateRefs[{{index}}] refers to a {{kind}} of group "{{group}}": only core Secrets hold certificates here',
  'gw-listener-cert-not-permitted': 'certificateRefs[{{index}}] refers to Secret {{secret}} in another namespace, and no ReferenceGrant in namespace {{namespace}} lets Gateways of namespace {{from}} refer to it',
  'gw-listener-cert-missing': 'Secret {{secret}} (certificateRefs[{{index}}]) is not in the input, which does hold Secrets',
  'gw-listener-cert-malformed': 'Secret {{secret}} (certificateRefs[{{index}}]) holds no usable certificate: {{problem}}',
  'gw-listener-cert-no-data': 'Secret {{secret}} (certificateRefs[{{index}}]) has no tls.crt',
  'gw-listener-cert-none': 'the HTTPS listener has no tls.certificateRefs, so it has no certificate to terminate TLS with',
  'gw-listener-invalid-kinds': 'allowedRoutes.kinds names {{kinds}}, which a {{protocol}} listener cannot carry (it supports {{supported}})',
  'gw-listener-programmed': 'the listener takes traffic',
  'gw-listener-not-programmed': 'the listener takes no traffic: {{why}}',

  // Route parent conditions (attach-routes.ts, route-conditions.ts).
  'gw-route-accepted': 'attached to {{listeners}} of Gateway {{gateway}}',
  'gw-route-accepted-automatic-label': 'attached to {{listeners}} of Gateway {{gateway}}; the input has no Namespace object {{namespace}}, so the namespace selector was judged by its automatic label kubernetes.io/metadata.name={{namespace}} only',
  'gw-route-parent-not-gateway': 'the parentRef names a {{kind}} of group "{{group}}"; the studio attaches HTTPRoutes to Gateways only (a mesh would take a Service), so no controller here writes status for it',
  'gw-route-gateway-missing': 'Gateway {{gateway}} is not in the input; a controller writes no status for a parent it cannot see, and the route is attached nowhere',
  'gw-route-no-matching-section': 'Gateway {{gateway}} has no listener with {{wanted}} (its listeners: {{listeners}})',
  'gw-wanted-section': 'name {{section}}',
  'gw-wanted-port': 'port {{port}}',
  'gw-wanted-section-port': 'name {{section}} and port {{port}}',
  'gw-route-not-allowed': 'no listener of Gateway {{gateway}} allows the route: {{why}}',
  'gw-refused-kind': 'listener {{listener}} takes only {{kinds}}',
  'gw-refused-no-kinds': 'listener {{listener}} takes no route kind at all',
  'gw-refused-namespace-same': 'listener {{listener}} takes routes of its own namespace {{namespace}} only (allowedRoutes.namespaces.from: Same)',
  'gw-refused-namespace-selector': 'listener {{listener}} takes routes of namespaces whose labels match {{selector}}, and namespace {{namespace}} does not',
  'gw-refused-namespace-selector-automatic': 'listener {{listener}} takes routes of namespaces whose labels match {{selector}}; the input has no Namespace object {{namespace}}, and its automatic label kubernetes.io/metadata.name={{namespace}} does not match',
  'gw-route-no-matching-hostname': 'none of the route hostnames ({{hostnames}}) intersects the hostname of a listener of Gateway {{gateway}} that allows the route: {{listeners}}',
  'gw-route-unsupported-filter': 'rule {{rule}} has a filter of type {{type}}, which the studio does not implement: the spec asks for Accepted False with UnsupportedValue, and since a filter must never be skipped, requests matching the rule get 500',
  'gw-route-resolved-refs': 'every reference of the route resolves',
  'gw-route-refs-unresolved_one': '{{count}} reference does not resolve: {{first}}',
  'gw-route-refs-unresolved_other': '{{count}} references do not resolve; the first: {{first}}',

  // backendRefs and other references of a rule (resolve-backends.ts).
  'gw-backend-invalid-kind': 'rule {{rule}}, backendRef {{name}}: a {{kind}} of group "{{group}}" is not a backend the studio supports (core Services only)',
  'gw-backend-not-permitted': 'rule {{rule}}: Service {{namespace}}/{{name}} is in another namespace, and no ReferenceGrant in namespace {{namespace}} lets HTTPRoutes of namespace {{from}} refer to it',
  'gw-backend-not-found': 'rule {{rule}}: Service {{namespace}}/{{name}} is not in the input, which does hold Services',
  'gw-backend-port-missing': 'rule {{rule}}: Service {{namespace}}/{{name}} has no port {{port}} (its ports: {{ports}})',
  'gw-backend-no-port': 'rule {{rule}}: the backendRef to Service {{namespace}}/{{name}} names no port',
  'gw-mirror-refused': 'rule {{rule}}, RequestMirror filter {{filter}}: {{why}}; the mirror is not configured',
  'gw-extension-ref-unresolved': 'rule {{rule}}: filter {{filter}} is an ExtensionRef to {{kind}} {{name}} of group "{{group}}", which the studio does not implement; since a filter must never be skipped, requests matching the rule get 500',
} as const

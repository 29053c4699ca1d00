/**
 * English templates of the model stage's Gateway API findings: the CRDs' OpenAPI and CEL validation
 * (docs/gateway-api.md#model-and-validation). See ../catalog.ts for the syntax. The OpenAPI details are
 * kube-openapi's words and the CEL rules' texts are the CRDs' own `message`s, as `kubectl apply` prints them; the
 * field errors around them (`path: Invalid value: …`) come from the model family (`field-invalid`).
 */
export const GATEWAY_MODEL_MESSAGES = {
  // OpenAPI schema validation (kube-openapi's validate errors, mapped to field errors by the apiextensions server).
  'gw-body-pattern': "{{path}} in body should match '{{pattern}}'",
  'gw-body-min-length': '{{path}} in body should be at least {{min}} chars long',
  'gw-body-min-items': '{{path}} in body should have at least {{min}} items',
  'gw-body-minimum': '{{path}} in body should be greater than or equal to {{min}}',
  'gw-body-maximum': '{{path}} in body should be less than or equal to {{max}}',
  'gw-body-format': '{{path}} in body must be of type {{format}}',
  'gw-too-long': '{{path}}: Too long: may not be more than {{max}} bytes',
  'gw-too-many': '{{path}}: Too many: {{size}}: must have at most {{max}} items',
  'gw-duplicate': '{{path}}: Duplicate value: {{value}}',
  'gw-cel-not-checked': 'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
  'gw-selector-operator': '{{path}}: {{value}} is not a label selector operator (In, NotIn, Exists, DoesNotExist); the CRD accepts it, but no controller can evaluate the selector, so the studio reads it as matching no namespace.',

  // CEL rules of gateway.networking.k8s.io_gateways.yaml (x-kubernetes-validations), their messages verbatim.
  'gw-cel-listener-tls-forbidden': "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']",
  'gw-cel-listener-https-terminate': 'tls mode must be Terminate for protocol HTTPS',
  'gw-cel-listener-tls-mode-required': 'tls mode must be set for protocol TLS',
  'gw-cel-listener-hostname-forbidden': "hostname must not be specified for protocols ['TCP', 'UDP']",
  'gw-cel-listener-name-unique': 'Listener name must be unique within the Gateway',
  'gw-cel-listener-combination-unique': 'Combination of port, protocol and hostname must be unique for each listener',
  'gw-cel-tls-certificates': 'certificateRefs or options must be specified when mode is Terminate',
  'gw-cel-address-ip-unique': 'IPAddress values must be unique',
  'gw-cel-address-hostname-unique': 'Hostname values must be unique',
  'gw-cel-address-hostname': 'Hostname value must be empty or contain only valid characters (matching {{pattern}})',
  'gw-cel-infrastructure-label-keys': 'Label keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.',
  'gw-cel-infrastructure-label-prefix': "If specified, the label key's prefix must be a DNS subdomain not longer than 253 characters in total.",
  'gw-cel-infrastructure-annotation-keys': 'Annotation keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.',
  'gw-cel-infrastructure-annotation-prefix': "If specified, the annotation key's prefix must be a DNS subdomain not longer than 253 characters in total.",
  'gw-cel-tls-port-unique': 'Port for TLS configuration must be unique within the Gateway',

  // CEL rules of gateway.networking.k8s.io_httproutes.yaml.
  'gw-cel-parent-section-required': 'sectionName must be specified when parentRefs includes 2 or more references to the same parent',
  'gw-cel-parent-section-unique': 'sectionName must be unique when parentRefs includes 2 or more references to the same parent',
  'gw-cel-total-matches': 'While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128',
  'gw-cel-redirect-with-backends': 'RequestRedirect filter must not be used together with backendRefs',
  'gw-cel-redirect-prefix-match': 'When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
  'gw-cel-rewrite-prefix-match': 'When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
  'gw-cel-backend-redirect-prefix-match': 'Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
  'gw-cel-backend-rewrite-prefix-match': 'Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
  'gw-cel-service-port': 'Must have port for Service reference',
  'gw-cel-redirect-and-rewrite': 'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both',
  'gw-cel-filter-repeated': '{{type}} filter cannot be repeated',
  'gw-cel-filter-field-nil': 'filter.{{field}} must be nil if the filter.type is not {{type}}',
  'gw-cel-filter-field-required': 'filter.{{field}} must be specified for {{type}} filter.type',
  'gw-cel-mirror-percent-fraction': 'Only one of percent or fraction may be specified in HTTPRequestMirrorFilter',
  'gw-cel-fraction': 'numerator must be less than or equal to denominator',
  'gw-cel-path-modifier-value-required': "{{field}} must be specified when type is set to '{{type}}'",
  'gw-cel-path-modifier-type': "type must be '{{type}}' when {{field}} is set",
  'gw-cel-path-absolute': "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']",
  'gw-cel-path-contains': "must not contain '{{sequence}}' when type one of ['Exact', 'PathPrefix']",
  'gw-cel-path-ends': "must not end with '{{suffix}}' when type one of ['Exact', 'PathPrefix']",
  'gw-cel-path-characters': "must only contain valid characters (matching {{pattern}}) for types ['Exact', 'PathPrefix']",
  'gw-cel-timeouts': 'backendRequest timeout cannot be longer than request timeout',
  'gw-cel-cors-headers-wildcard': "AllowHeaders cannot contain '*' alongside other methods",
  'gw-cel-cors-methods-wildcard': "AllowMethods cannot contain '*' alongside other methods",
  'gw-cel-cors-origins-wildcard': "AllowOrigins cannot contain '*' alongside other origins",
} as const

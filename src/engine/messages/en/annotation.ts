/** English templates of the routing engine's validation of ingress-nginx annotations (v1.12+), permanent-redirect and temporal-redirect, relative-redirects, snippets and risk levels. See ../catalog.ts for the syntax. */
export const ANNOTATION_MESSAGES = {
  // How annotation validation came to be on or off (a phrase inside other messages).
  'annotation-validation-default': '--enable-annotation-validation is on by default since controller v1.12',
  'annotation-validation-deployment': '--enable-annotation-validation={{value}} in Deployment {{deployment}}',
  'annotation-validation-override-on': 'annotation validation turned on in the studio',
  'annotation-validation-override-off': 'annotation validation turned off in the studio',
  'annotation-risk-level-default': 'annotations-risk-level is High by default since controller v1.12',
  'annotation-snippets-default': 'allow-snippet-annotations is false by default since controller v1.9',
  'annotation-setting-configmap': '{{key}} in ConfigMap {{configMap}}',
  'annotation-setting-override': '{{key}} set in the studio',

  // Why an Ingress is rejected (IngressStatus.reason).
  'annotation-rejected-validation': '{{annotation}} "{{value}}" fails its validator {{validator}} ({{validation}}), so the controller rejects the whole Ingress: the admission webhook denies it and the controller skips it',
  'annotation-rejected-risk': '{{annotation}} is a {{risk}}-risk annotation, above annotations-risk-level {{level}} ({{where}}), so the controller rejects the whole Ingress: the admission webhook denies it and the controller skips it',
  'annotation-rejected-snippet': '{{annotation}} is a snippet and snippets are not allowed ({{where}}): the admission webhook denies the Ingress',
  'annotation-rejected-nginx-test': '{{annotation}} "{{value}}" reaches nginx.conf as written and names {{variables}}, which nginx cannot read as a variable it knows: nginx -t fails, and the admission webhook, which tests the configuration with every new Ingress, denies the whole Ingress',

  // Values a parser refuses without rejecting the Ingress.
  'annotation-refused-default': '{{annotation}} "{{value}}" fails its validator {{validator}} ({{validation}}); the controller ignores it and uses the default.',
  'redirect-dropped-not-http': '{{annotation}} "{{value}}" is not an http or https URL (redirect.go isValidURL): ingress-nginx drops this Ingress\'s whole redirect configuration, from-to-www-redirect and relative-redirects included.',
  'redirect-dropped-unreadable': '{{annotation}} "{{value}}" cannot be read: ingress-nginx drops this Ingress\'s whole redirect configuration (temporal/permanent-redirect, from-to-www-redirect, relative-redirects).',
  'redirect-code-out-of-range': '{{annotation}} {{value}} is outside {{low}}–{{high}}; ingress-nginx uses {{code}}.',

  // Lint.
  'annotation-rejected-lint': '{{reason}}.',
  'fix-remove-redirect-variables': 'Remove the nginx variables: {{value}}',
  'fix-remove-annotation': 'Remove the annotation {{annotation}}',
  'fix-set-annotation': 'Set {{annotation}} to {{value}}',

  // Trace: the redirect step.
  'trace-redirect-absolute': '{{annotation}} of Ingress {{ingress}}: nginx answers {{code}} with Location {{url}}; the request path is not appended.',
  'trace-redirect-made-absolute': '{{annotation}} of Ingress {{ingress}}: nginx answers {{code}} and makes {{url}} absolute from the request (absolute_redirect on, relative-redirects off): {{scheme}}:// and the Host header without its port give {{location}}.',
  'trace-redirect-kept-relative': '{{annotation}} of Ingress {{ingress}}: nginx answers {{code}} with Location {{url}} as written, because absolute_redirect is off ({{why}}).',
  'trace-redirect-body': '{{annotation}} of Ingress {{ingress}}: {{code}} is not a code nginx sends a Location with (only 301, 302, 303, 307 and 308), so nginx answers {{code}} with "{{url}}" as the response body.',
  'trace-redirect-variables': 'Annotation validation is off ({{validation}}), so the value reached nginx with its variables and nginx expands them: {{url}} becomes {{expanded}}.',
  'trace-relative-by-annotation': 'relative-redirects annotation of Ingress {{ingress}}',
  'trace-relative-by-configmap': 'relative-redirects in the controller ConfigMap',
  'trace-auto-redirect-relative': 'absolute_redirect is off in this location ({{why}}), so nginx leaves that Location relative.',
  'trace-answer-body': 'Answer: {{status}} with the body "{{body}}".',
  'trace-rejected-ingress': 'Ingress {{ingress}} has a rule for this request ({{pathType}} {{path}}) but is not served: {{reason}}.',

  // custom-headers (customheaders/main.go): why the controller denies the Ingress's locations (they answer 503).
  'custom-headers-configmap-missing': '{{annotation}} names ConfigMap {{configMap}}, which is not in the input: if it does not exist in the cluster the controller denies every location of this Ingress and they answer 503 (the value must be namespace/name).',
  'custom-headers-invalid-name': '{{annotation}}: key "{{header}}" of ConfigMap {{configMap}} is not a header name (letters, digits, - and _): the controller denies every location of this Ingress and they answer 503.',
  'custom-headers-invalid-value': '{{annotation}}: the value of "{{header}}" in ConfigMap {{configMap}} is empty or has a character the controller refuses: it denies every location of this Ingress and they answer 503.',
  'custom-headers-not-allowed': '{{annotation}}: header "{{header}}" of ConfigMap {{configMap}} is not in global-allowed-response-headers of the controller ConfigMap (empty by default): the controller denies every location of this Ingress and they answer 503.',
  // Route table.
  'table-redirect-relative': 'Location relative (absolute_redirect off)',
  'table-redirect-body': 'return {{code}}: "{{url}}" as the body, no Location',
  'table-redirect-made-absolute': 'Location made absolute from the request Host',
} as const satisfies Record<string, string>

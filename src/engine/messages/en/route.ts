/** English templates of the engine's route messages (see ../catalog.ts for the syntax). */
export const ROUTE_MESSAGES = {
  // Which IngressClass an Ingress names (a phrase inside the class decisions below).
  'ingress-class-assumed': 'the assumed IngressClass {{name}} (controller {{controller}})',
  'ingress-class-declared': 'IngressClass {{name}} (controller {{controller}})',
  // The class decision (IngressStatus.reason): why ingress-nginx serves an Ingress or not.
  'class-name-unknown': 'ingressClassName {{className}} names no IngressClass ingress-nginx knows',
  'class-name-selects': 'ingressClassName selects {{ingressClass}}',
  'class-name-selects-other': 'ingressClassName selects {{ingressClass}}, not {{controller}}',
  'class-annotation-matches': 'annotation {{annotation}}: {{value}} matches --ingress-class={{ingressClass}}',
  'class-annotation-other': 'annotation {{annotation}}: {{value}} is not {{ingressClass}}',
  'class-default-ambiguous': 'more than one default IngressClass: the API server rejects Ingresses without a class',
  'class-default-missing': 'no class set and no default IngressClass: ingress-nginx ignores it',
  'class-default-selects': 'no class set; the cluster default is {{ingressClass}}',
  'class-default-other': 'no class set; the cluster default is {{ingressClass}}, not {{controller}}',
  'ingress-not-served': 'ingress-nginx does not serve this Ingress: {{reason}}.',

  // Annotations (annotations.ts).
  'annotation-not-boolean': '{{annotation}} must be true or false; ingress-nginx ignores "{{value}}".',
  'annotation-not-integer': '{{annotation}} must be an integer; ingress-nginx ignores "{{value}}".',
  'rewrite-target-invalid': 'rewrite-target "{{value}}" has characters ingress-nginx does not accept; it is ignored.',
  'app-root-invalid': 'app-root "{{value}}" must be a path such as /app1; it is ignored.',
  'redirect-not-url': '{{annotation}} must be an http or https URL; "{{value}}" is ignored.',
  'canary-not-enabled': 'canary-* annotations without canary: "true" are an invalid canary configuration; ingress-nginx ignores them.',
  'annotation-of-other-controller': "{{annotation}} belongs to NGINX Inc.'s controller (nginx/kubernetes-ingress); ingress-nginx ignores it. Use {{prefix}}* annotations.",
  'rewrite-target-variable': 'rewrite-target uses the nginx variable {{variable}}; the studio only models capture groups ($1–$9) and treats it as empty.',
  'configmap-invalid-value': 'ConfigMap key {{key}} has an invalid value "{{value}}"; the default is used.',

  // Servers and locations (compile-servers.ts, expand-locations.ts).
  'default-backend-own-hosts': "ingress-nginx uses this defaultBackend only for the hosts this Ingress creates; requests for other hosts still get the controller's 404 (spec divergence D5).",
  'resource-default-backend-ignored': "ingress-nginx ignores resource backends; the controller's 404 backend answers instead.",
  'resource-path-backend-skipped': "ingress-nginx skips paths with a resource backend; requests for this path get the host's default backend.",
  'path-listed-twice': 'Path {{path}} ({{pathType}}) on host {{host}} is listed twice in this Ingress; ingress-nginx keeps the first.',
  'path-defined-by-older': 'Path {{path}} ({{pathType}}) on host {{host}} is already defined by Ingress {{ingress}}, which is older; ingress-nginx ignores this one (spec divergence D7; the admission webhook would reject it).',
  'path-defined-by-another': 'Path {{path}} ({{pathType}}) on host {{host}} is already defined by another Ingress, which is older; ingress-nginx ignores this one (spec divergence D7; the admission webhook would reject it).',
  'location-duplicate': 'This path renders as location {{location}} on host {{host}}, which Ingress {{ingress}} already renders; nginx rejects a duplicate location, so ingress-nginx cannot load the configuration (the studio keeps the first).',
  'location-duplicate-of-controller': "This path renders as location {{location}} on host {{host}}, which the controller already renders; nginx rejects a duplicate location, so ingress-nginx cannot load the configuration (the studio keeps the first).",
  'location-regex-unsupported': 'The location regex ^{{path}} cannot be evaluated here ({{reason}}); the studio treats it as never matching.',
  'host-regex-enforced': 'The {{annotation}} of Ingress {{ingress}} turns every path on host {{host}} into a case-insensitive regex prefix (~* "^path"), including this Ingress\'s: Exact and Prefix lose their meaning here (spec divergence D2).',

  // Canaries (merge-canaries.ts).
  'canary-all-canaries': 'Every served Ingress is a canary, so ingress-nginx merges none of them: this canary gets no traffic.',
  'canary-upstream-deleted': '{{why}} ingress-nginx deletes the canary upstream {{upstream}}, so this canary gets no traffic.',
  'canary-default-backend-unmatched': 'No location of the catch-all server uses a Service this canary defaultBackend can shadow.',
  'canary-path-unmatched': 'No primary Ingress serves host {{host}}, path {{path}} ({{pathType}}).',
  'canary-host-unserved': 'No Ingress serves host {{host}}, so this canary path has no primary to shadow.',

  // Paths the admission webhook or older controllers refuse (strict-path.ts, legacy-path-quoting.ts).
  'strict-path-rejected': "The ingress-nginx admission webhook rejects the {{pathType}} path {{path}}: with strict-validate-path-type (on by default since controller v1.12) {{pathType}} paths may contain only letters, digits and '._/-'; a regular expression needs pathType ImplementationSpecific.",
  'legacy-path-injection': "ingress-nginx before v1.15.0 writes the path {{path}} into nginx.conf as it is ({{line}}), and nginx does not read that as one location: a quote, a trailing backslash, a space, ; or { ends it early and the rest becomes configuration, so nginx -t fails or directives are injected. v1.15.0 and later escape the path; the studio's nginx.conf quotes it.",

  // Why a PCRE pattern cannot be evaluated here (pcre.ts; a phrase inside other messages).
  'pcre-lone-backslash': 'the pattern ends with a lone backslash',
  'pcre-wide-hex-escape': 'a \\x{…} escape above 0xff needs UTF-8 mode',
  'pcre-g-reference': 'the \\g form is not supported',
  'pcre-escape-unsupported': '\\{{letter}} has no JavaScript equivalent',
  'pcre-posix-class-unknown': 'the POSIX class [:{{name}}:] is unknown',
  'pcre-posix-class-negated': 'negated POSIX classes are not supported',
  'pcre-group-unsupported': 'the group (?{{group}}… has no JavaScript equivalent',
  'pcre-javascript-rejects': 'JavaScript cannot compile it ({{detail}})',

  // Why a regex can backtrack exponentially (regex/regex-shape.ts; a phrase inside a lint message).
  'regex-nested-quantifier': 'a quantifier inside a quantified group, so each extra character doubles the ways to split the text',
  'regex-ambiguous-alternation': 'a quantified alternation whose branches can match the same text, so the ways to match grow exponentially',
} as const satisfies Record<string, string>

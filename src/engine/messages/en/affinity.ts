/** English templates of the routing engine's session affinity (affinity: cookie): the cookie, its attributes and the pod a request sticks to. See ../catalog.ts for the syntax. */
export const AFFINITY_MESSAGES = {
  // Phrases: the endpoint a request went to.
  'affinity-pod': '{{deployment}} · pod {{ordinal}}',
  'affinity-endpoint-unnamed': 'an endpoint of Service {{service}} (the manifests show no Deployment it selects, so the pod has no name here)',
  'affinity-standin-balanced': 'a random key placed on the pods by its md5, in place of resty.chash\'s ring over pod addresses',
  'affinity-standin-persistent': 'md5 of the upstream name and the pod\'s studio name, in place of its ip:port',
  // Annotation reading.
  'affinity-annotation-refused': '{{annotation}}: "{{value}}" is refused by its validator ({{validator}}); ingress-nginx logs it and uses the default (sessionaffinity/main.go), and the Ingress is still served',
  // Trace steps.
  'affinity-trace-new': 'Session affinity (affinity: cookie, {{mode}} mode) on upstream {{upstream}}: the request carries no {{cookie}} cookie, so the sticky balancer picks {{endpoint}} for a new session (balancer/sticky_{{mode}}.lua).',
  'affinity-trace-sticks': 'Session affinity (affinity: cookie, {{mode}} mode) on upstream {{upstream}}: cookie {{cookie}}={{value}} leads to {{endpoint}}, so the request sticks there (balancer/sticky.lua).',
  'affinity-trace-unknown': 'Session affinity (affinity: cookie, persistent mode) on upstream {{upstream}}: cookie {{cookie}}={{value}} names no endpoint of it (a pod that is gone, or another upstream\'s key), so the balancer picks {{endpoint}} anew (balancer/sticky.lua).',
  'affinity-trace-no-endpoints': 'Session affinity (affinity: cookie) on upstream {{upstream}}: Service {{service}} has no endpoints, so there is no pod to stick to and no cookie.',
  'affinity-trace-set-cookie': 'The response sets the cookie: Set-Cookie: {{header}}',
  'affinity-trace-expires': 'Expires=… stands for the time of the response plus {{seconds}} s (session-cookie-expires, ngx.cookie_time); the studio has no clock.',
  'affinity-trace-samesite-dropped': 'SameSite={{value}} is left out: lua-resty-cookie writes SameSite only when it is exactly Strict, Lax or None.',
  'affinity-trace-not-listed': 'No Set-Cookie: path {{path}} on host {{host}} is not one whose Ingress set affinity: cookie on this upstream (sticky.lua should_set_cookie); the upstream still balances by the cookie.',
  'affinity-trace-stand-in': 'The studio has no pod IPs: the cookie\'s key is a stand-in ({{scheme}}), so it sticks here but a cluster would send another value; the part after | is the upstream\'s real key, md5(md5(name) .. name).',
  'affinity-trace-canary-primary': 'affinity-canary-behavior sticky: cookie {{cookie}} carries the key of the primary upstream {{upstream}}, so the request stays there without asking the canary rules (balancer.lua route_to_alternative_balancer).',
  'affinity-trace-canary-canary': 'affinity-canary-behavior sticky: cookie {{cookie}} carries the key of the canary upstream {{upstream}}, so the request stays on the canary (balancer.lua route_to_alternative_balancer).',
  // One-line summaries for the tester.
  'affinity-why-new': 'new session: {{endpoint}} picked',
  'affinity-why-new-no-cookie': 'new session: {{endpoint}} picked; this path sets no cookie',
  'affinity-why-sticks': 'cookie {{cookie}} → {{endpoint}}',
  'affinity-why-unknown': 'cookie {{cookie}} names no current pod: {{endpoint}} picked anew',
  'affinity-why-none': 'Service {{service}} has no endpoints',
  // Route table notes and the nginx.conf comment's counterpart.
  'affinity-table': 'session affinity: cookie {{cookie}} ({{mode}}), Path {{path}}',
  'affinity-table-no-cookie': 'session affinity ({{mode}}) by cookie {{cookie}}; this path sets no cookie (another Ingress asked for affinity)',
  // Lints.
  'affinity-lint-regex-path': 'affinity: cookie with {{annotation}} and no session-cookie-path: the cookie\'s Path is the Ingress path {{path}}, a regular expression that no request path starts with, so browsers do not send the cookie back and sessions do not stick (controller.go logs "session-cookie-path should be set when use-regex is true").',
  'affinity-lint-regex-path-fix': 'Set session-cookie-path to {{path}}',
  'affinity-lint-cookie-name': 'session-cookie-name {{name}} contains {{char}}, which a cookie name may not contain (RFC 6265 token); ingress-nginx\'s validator lets it through, but browsers may refuse or split the cookie, and the session does not stick.',
  'affinity-lint-cookie-name-fix': 'Rename the cookie to {{name}}',
} as const satisfies Record<string, string>

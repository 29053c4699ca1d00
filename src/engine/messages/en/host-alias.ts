/** English templates of the routing engine's server-alias and from-to-www-redirect: extra host names and the www redirect servers. See ../catalog.ts for the syntax. */
export const HOST_ALIAS_MESSAGES = {
  // Why nginx refuses a server_name parameter (server-names.ts; ngx_http_core_server_name, ngx_hash_add_key).
  'alias-name-empty': 'an empty name',
  'alias-name-invalid': 'nginx says "server name {{name}} is invalid" (a * must be followed by a dot, a leading dot by a name)',
  'alias-regex-empty': 'nginx says "empty regex in server name {{name}}"',
  'alias-regex-invalid': 'PCRE cannot compile the regex {{name}} ({{reason}})',
  'alias-wildcard-invalid': 'nginx says "invalid server name or wildcard {{name}}" (one * at most, only as *.name or name.*, and no "..")',
  'alias-the-controller': 'the controller',

  // Findings of compileHostNames (host-aliases.ts, after controller.go createServers and BuildRedirects).
  'alias-ignored-later': 'server-alias of this Ingress is ignored for host {{host}}: ingress-nginx takes a host\'s aliases from the first Ingress that has some, here {{owner}}.',
  'alias-is-own-host': 'server-alias {{alias}} is this Ingress\'s own host; ingress-nginx leaves it out.',
  'alias-is-server-host': 'server-alias {{alias}} of host {{host}} is the host of a server of its own (created by {{owner}}): ingress-nginx leaves the alias out, and requests for {{alias}} go to that server.',
  'alias-nginx-rejects': 'server-alias {{alias}}: {{reason}}. nginx -t fails, so the admission webhook rejects the Ingress (without the webhook the controller cannot reload); the studio leaves the alias out.',
  'alias-not-writable': 'server-alias {{alias}} cannot be written into nginx.conf ({{reason}}); the studio leaves it out.',
  'alias-regex-unsupported': 'server-alias {{alias}} cannot be evaluated here ({{reason}}); the studio treats it as matching no host.',
  'alias-conflict': 'server-alias {{alias}} of host {{host}} is also a name of server {{winner}}, which comes first in nginx.conf: nginx ignores it here ("conflicting server name").',
  'www-counterpart-served': 'from-to-www-redirect of Ingress {{ingress}} on host {{host}} creates no redirect: {{from}} is a host of its own (Ingress {{owner}}), and ingress-nginx never redirects a host that has a server.',
  'www-redirect-wildcard': 'from-to-www-redirect of Ingress {{ingress}} on the wildcard host {{host}}: ingress-nginx writes a redirect server named {{from}}, which nginx rejects ("invalid server name or wildcard"). nginx -t fails, so the admission webhook rejects the Ingress (without the webhook the controller cannot reload); the studio leaves the redirect out.',
  'www-redirect-certificate': 'from-to-www-redirect on host {{host}}: the certificate of Secret {{secret}} does not name {{from}} ({{names}}), so https://{{from}} gets the controller\'s fake certificate and browsers refuse it before the redirect. Add {{from}} to the certificate.',

  'fix-remove-alias': 'Remove {{alias}} from server-alias',
  'fix-remove-www-redirect': 'Remove from-to-www-redirect (it makes no redirect here)',
  // Trace steps (route-request.ts through describe.ts).
  'trace-name-exact': 'an exact name: nginx looks exact names up first',
  'trace-name-wildcard-head': 'a leading wildcard: after the exact names, the longest matching one wins',
  'trace-name-wildcard-tail': 'a trailing wildcard: tried after the leading wildcards, the longest matching one wins',
  'trace-name-regex': 'regex server names are tried after wildcards, in nginx.conf order',
  'trace-server-alias': 'Host {{host}} matches server-alias {{alias}} of Ingress {{ingress}}, so server {{server}} answers ({{rule}}).',
  'trace-www-redirect': 'Host {{host}}: the redirect server that from-to-www-redirect of Ingress {{ingress}} creates answers {{code}} → {{location}} (ngx_srv_redirect.lua: the request\'s scheme, {{to}}, the port the request arrived on, the request URI without one trailing /; the code is http-redirect-code).',
  'trace-www-redirect-forwarded': 'use-forwarded-headers is on: X-Forwarded-Proto and X-Forwarded-Port replace the scheme and the port.',
  'trace-server-name-regex-error': 'The server_name regex {{name}} of server {{server}} exceeded PCRE\'s match limit for host {{host}}: nginx closes the connection without an answer (it logs 500).',
  'trace-answer-connection-closed': 'Answer: none, nginx closes the connection (logged as 500).',
  'trace-alias-no-certificate': 'No https redirect by certificate for {{host}}: it reached server {{server}} by a server-alias its certificate does not name, and ingress-nginx\'s Lua finds no certificate for it.',

  // Route table notes and the graph (route-table.ts, graph-hosts.ts).
  'table-aliases': 'The host also answers to server-alias {{aliases}} (Ingress {{ingress}}).',
  'table-www-redirect': 'from-to-www-redirect: {{from}} answers {{code}} to {{to}} (Ingress {{ingress}}).',
} as const satisfies Record<string, string>

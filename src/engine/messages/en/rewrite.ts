/** English templates of the routing engine's rewrite-target: captures, named captures, nginx variables and the escaping of the URI sent upstream. See ../catalog.ts for the syntax. */
export const REWRITE_MESSAGES = {
  'rewrite-invalid-variable-name': 'nginx -t refuses {{template}}: "invalid variable name" (a $ with no name after it)',
  'rewrite-variable-bracket-missing': 'nginx -t refuses {{template}}: the closing bracket of the variable {{variable}} is missing',
  'trace-rewrite-variables': 'rewrite-target {{target}} reads nginx variables, which nginx expands from this request: {{values}}.',
  'trace-rewrite-args-dropped': "rewrite-target {{target}} ends with ?, so nginx drops the request's arguments.",
  'trace-rewrite-args-replaced': 'rewrite-target {{target}} has a ?: nginx sends what follows it as the arguments.',
  'trace-rewrite-args-appended': "rewrite-target {{target}} has a ?: nginx sends what follows it as the arguments and appends the request's own after &.",
  'trace-rewrite-escaped': 'nginx escapes the new path before proxying it (ngx_escape_uri, NGX_ESCAPE_URI: controls, space, " # % < > ? \\ ^ ` { | } and bytes from 0x7F), so {{path}} goes upstream as {{escaped}}.',
  'trace-rewrite-empty-uri': 'rewrite-target {{target}} of Ingress {{ingress}} makes the path of {{uri}} empty; nginx logs "the rewritten URI has a zero length" and answers 500.',
  'trace-answer-rewrite-empty': "Answer: 500 from nginx's rewrite (the new path is empty).",
  'trace-rewrite-scheme-redirect': "rewrite-target {{target}} starts with $scheme, so nginx's rewrite answers 302.",
  'trace-rewrite-no-leading-slash': 'rewrite-target {{target}} gives a path without a leading /: nginx sends {{path}} as it is on the request line, which most upstream servers answer with 400 Bad Request.',
  'lint-rewrite-without-capture': 'rewrite-target "{{target}}" reads nothing of the request path: no capture ($1–$9, or $name of a named group such as (?<name>…)) and no $uri or $request_uri. nginx\'s rewrite replaces the whole path, so {{example}}/anything reaches the app as "{{target}}" and the rest of the path is lost. Capture it, e.g. path {{example}}(/|$)(.*) with rewrite-target {{suggested}}$2.',
  'trace-rewrite-redirect-unescaped': 'rewrite-target {{target}} copies its named groups and variables into the Location as they are ({{values}}): nginx escapes only $1–$9 in a redirect (with NGX_ESCAPE_ARGS, when the request path had % or +), then decodes %XX of printable characters above %.',
} as const satisfies Record<string, string>

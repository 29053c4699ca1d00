/** English templates of the routing engine's rewrite-target: captures, named captures, nginx variables and the escaping of the URI sent upstream. See ../catalog.ts for the syntax. */
export const REWRITE_MESSAGES = {
  'rewrite-invalid-variable-name': 'nginx -t refuses {{template}}: "invalid variable name" (a $ with no name after it)',
  'rewrite-variable-bracket-missing': 'nginx -t refuses {{template}}: the closing bracket of the variable {{variable}} is missing',
} as const satisfies Record<string, string>

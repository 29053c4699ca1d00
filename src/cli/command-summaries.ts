/**
 * Every command's name and its one line in `--help`: plain data, so the launcher (bin.ts) prints the command list
 * without loading a command or the engine. `main.ts` has each command's module for the same names (a type error
 * when the two lists differ).
 */
export const COMMAND_SUMMARIES = {
  lint: 'check manifests: YAML, API validation, deprecated versions, lint rules (probes, references, TLS, rollouts)',
  rollout: 'simulate updating a Deployment under constant load: steps, failed requests and why',
  route: 'where a request goes under ingress-nginx or through a Gateway, and why (JSON with a trace)',
  'nginx-conf': 'the nginx.conf ingress-nginx would render for these Ingresses',
  migrate: 'rewrite manifests to current API versions (networking.k8s.io/v1, apps/v1), or to Gateway API (--to gateway-api)',
  parity: 'send the same requests through ingress-nginx and Gateway API; every request answered differently (exit 1)',
} as const

export type CommandName = keyof typeof COMMAND_SUMMARIES

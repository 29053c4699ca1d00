/** English templates of the routing engine's Services the manifests lack, upstreams without endpoints (503) and the default-backend annotation. See ../catalog.ts for the syntax. */
export const BACKEND_MESSAGES = {
} as const satisfies Record<string, string>

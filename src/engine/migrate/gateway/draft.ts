/**
 * The conversion's working shapes: HTTPRoute rules and Gateway listeners as plain data, written out as YAML at
 * the end (docs/migration.md#conversion). The structure (`convert-to-gateway.ts`: listeners, routes, paths,
 * backends, TLS, ssl-redirect) and the annotations (`map-annotations.ts`: what each annotation makes of a rule)
 * meet here; field names are the Gateway API's (apis/v1/httproute_types.go, v1.6.1), so writing them out is a
 * plain copy.
 */
import type { ConversionFinding } from './types'
import type { Ingress } from '../../model/types'
import type { IngressAnnotations } from '../../route/annotations'
import type { CanaryPolicy } from '../../route/types'
import type { RouteEnvironment } from '../../route/environment'

export type DraftPathMatch = { readonly type: 'Exact' | 'PathPrefix' | 'RegularExpression'; readonly value: string }

export interface DraftHeaderMatch {
  /** Absent means Exact, as the CRD's default. */
  readonly type?: 'Exact' | 'RegularExpression'
  readonly name: string
  readonly value: string
}

export interface DraftMatch {
  readonly path: DraftPathMatch
  readonly headers?: readonly DraftHeaderMatch[]
}

export interface DraftBackend {
  readonly name: string
  /** Absent: the route's namespace. */
  readonly namespace?: string
  readonly port: number
  /** Absent means 1, the CRD's default. */
  readonly weight?: number
}

export interface DraftHeaderModifier {
  readonly set?: readonly { readonly name: string; readonly value: string }[]
  readonly add?: readonly { readonly name: string; readonly value: string }[]
  readonly remove?: readonly string[]
}

export type DraftPathModifier =
  | { readonly type: 'ReplaceFullPath'; readonly replaceFullPath: string }
  | { readonly type: 'ReplacePrefixMatch'; readonly replacePrefixMatch: string }

export type DraftFilter =
  | {
      readonly type: 'RequestRedirect'
      readonly requestRedirect: {
        readonly scheme?: 'http' | 'https'
        readonly hostname?: string
        readonly path?: DraftPathModifier
        readonly port?: number
        readonly statusCode?: 301 | 302 | 303 | 307 | 308
      }
    }
  | { readonly type: 'URLRewrite'; readonly urlRewrite: { readonly hostname?: string; readonly path?: DraftPathModifier } }
  | { readonly type: 'RequestHeaderModifier'; readonly requestHeaderModifier: DraftHeaderModifier }
  | { readonly type: 'ResponseHeaderModifier'; readonly responseHeaderModifier: DraftHeaderModifier }

export interface DraftRule {
  readonly matches: readonly DraftMatch[]
  readonly filters?: readonly DraftFilter[]
  /** Empty with a RequestRedirect filter (a redirect needs no backend). */
  readonly backendRefs: readonly DraftBackend[]
  /** Comment lines written above the rule (the Ingress path's own comments, or why the rule is there). */
  readonly comment?: string
}

/** One Ingress path (or its default backend) as the structure converted it, before annotations. */
export interface DraftPath {
  readonly ingress: Ingress
  readonly host: string
  /** The rule as the spec field alone makes it: the path's match and the Service's backendRef. */
  readonly rule: DraftRule
  /** ImplementationSpecific, Prefix or Exact as written; null for a default backend's catch-all rule. */
  readonly pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific' | null
  /** The path as written in the Ingress (null for a default backend). */
  readonly ingressPath: string | null
}

/** A canary Ingress of the same host and path, with its parsed policy and backend. */
export interface DraftCanary {
  readonly ingress: Ingress
  readonly policy: CanaryPolicy
  readonly backend: DraftBackend
  readonly annotations: IngressAnnotations
}

/** What the annotation mapping is given for one path. */
export interface PathAnnotationInput {
  readonly path: DraftPath
  /** The Ingress's annotations as the route stage reads them (route/annotations.ts `readAnnotations`): one parse. */
  readonly annotations: IngressAnnotations
  readonly environment: RouteEnvironment
  /** Canary Ingresses that ingress-nginx merges into this path's upstream (route/merge-canaries.ts). */
  readonly canaries: readonly DraftCanary[]
}

/** What the annotation mapping makes of one path: the rules in order (header-matched canary rules first), and findings. */
export interface PathAnnotationOutput {
  readonly rules: readonly DraftRule[]
  readonly findings: readonly ConversionFinding[]
}

/** What an Ingress's annotations add at the route level. */
export interface IngressAnnotationOutput {
  /** Rules added to each host's route (app-root's Exact `/` redirect). */
  readonly extraRules: readonly DraftRule[]
  /**
   * server-alias per rule host of this Ingress: the alias hostnames of the host's server, whichever Ingress gave them
   * (nginx serves an alias with the whole server, every Ingress's paths on the host). Absent or missing a host: none.
   */
  readonly aliasesByHost?: Readonly<Record<string, readonly string[]>>
  readonly findings: readonly ConversionFinding[]
  /**
   * from-to-www-redirect: for each redirect server ingress-nginx makes from this Ingress, a route of its own for
   * hostname `from` (attached like the Ingress's other routes) whose one rule redirects every request to `to`.
   * Absent or empty when none.
   */
  readonly hostRedirects?: readonly DraftHostRedirect[]
}

/** A hostname whose every request redirects to another name (from-to-www-redirect). */
export interface DraftHostRedirect {
  /** The route's hostname (`www.` + the host, or the host without `www.`). */
  readonly from: string
  /** The Ingress host it redirects to. */
  readonly to: string
  /** `PathPrefix /` with a RequestRedirect to `to`. */
  readonly rule: DraftRule
}

export interface DraftListener {
  readonly name: string
  readonly protocol: 'HTTP' | 'HTTPS'
  readonly port: number
  readonly hostname?: string
  readonly certificateRefs?: readonly { readonly name: string; readonly namespace?: string }[]
  readonly allowedRoutesFromAll?: boolean
}

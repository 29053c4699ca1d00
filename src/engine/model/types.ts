/**
 * The typed cluster model: what the manifests mean after API-server defaulting and version conversion.
 *
 * Every object remembers where it came from (`source`) and the shape it was written in (`apiVersion` as
 * written), so later stages can point diagnostics at a field and explain or convert old shapes. Field paths
 * (`FieldPath`) are relative to the object's own root node in its YAML document; `locate` in
 * `source/locate.ts` turns them into spans.
 */
import type { Span } from '../diagnostics'
import type { PreStopDuration } from './prestop-duration'
import type { Gateway, GatewayClass, HTTPRoute, ReferenceGrant } from './gateway-types'

export type { PreStopDuration }
export type * from './gateway-types'

/** Keys and indexes from an object's root to a node, e.g. `['spec', 'rules', 0, 'host']`. */
export type FieldPath = readonly (string | number)[]

/** Where an object was written: file, document index, path of the object inside the document. */
export interface SourceRef {
  readonly file: string
  /** Index of the YAML document in its file (0-based). */
  readonly doc: number
  /** Path from the document root to the object; `[]` for a top-level object, `['items', 3]` in a `kind: List`. */
  readonly path: FieldPath
  /** The object's whole range. */
  readonly span: Span
}

export interface ObjectMeta {
  readonly name: string
  readonly namespace: string
  readonly labels: Readonly<Record<string, string>>
  readonly annotations: Readonly<Record<string, string>>
  /** As written (RFC 3339); absent when the manifest has none (document order then stands in for age). */
  readonly creationTimestamp?: string
}

export interface ObjectBase<K extends string> {
  readonly kind: K
  /** The apiVersion as written by the user. */
  readonly apiVersion: string
  readonly meta: ObjectMeta
  readonly source: SourceRef
  /** Position of the object among all objects of the input, in document order (0-based). */
  readonly order: number
}

// ---------------------------------------------------------------------------------------------------------------
// Ingress (extensions/v1beta1, networking.k8s.io/v1beta1 and v1 all normalise to this shape)

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific'

/** A Service port as an Ingress backend names it: by number or by name. */
export type ServicePortRef = { readonly number: number } | { readonly name: string }

export type IngressBackend =
  | {
      readonly type: 'service'
      readonly service: string
      readonly port: ServicePortRef
      readonly at: FieldPath
    }
  | {
      readonly type: 'resource'
      readonly apiGroup?: string
      readonly resourceKind: string
      readonly name: string
      readonly at: FieldPath
    }

export interface IngressPath {
  /** As written; `''` when the rule omits it (ingress-nginx treats that as `/`). */
  readonly path: string
  readonly pathType: PathType
  /** True when the manifest did not set pathType and the API default (ImplementationSpecific) was applied. */
  readonly pathTypeDefaulted: boolean
  readonly backend: IngressBackend
  readonly at: FieldPath
}

export interface IngressRule {
  /** Lower-case host, `''` when the rule has none (matches any host). */
  readonly host: string
  /** False when the rule has no `http` block (a host with no paths). */
  readonly hasHttp: boolean
  readonly paths: readonly IngressPath[]
  readonly at: FieldPath
}

export interface IngressTLS {
  readonly hosts: readonly string[]
  readonly secretName?: string
  readonly at: FieldPath
}

export interface Ingress extends ObjectBase<'Ingress'> {
  readonly ingressClassName?: string
  readonly defaultBackend?: IngressBackend
  readonly tls: readonly IngressTLS[]
  readonly rules: readonly IngressRule[]
}

export interface IngressClass extends ObjectBase<'IngressClass'> {
  readonly controller: string
  /** From the `ingressclass.kubernetes.io/is-default-class: "true"` annotation. */
  readonly isDefault: boolean
}

// ---------------------------------------------------------------------------------------------------------------
// Service

export type IntOrString = number | string

export interface ServicePort {
  readonly name?: string
  readonly port: number
  /** Defaults to `port`; a string names a container port. */
  readonly targetPort: IntOrString
  readonly protocol: 'TCP' | 'UDP' | 'SCTP'
  readonly nodePort?: number
  readonly at: FieldPath
}

export interface Service extends ObjectBase<'Service'> {
  readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'
  /** Absent for a Service without selector (endpoints managed by hand). */
  readonly selector?: Readonly<Record<string, string>>
  readonly ports: readonly ServicePort[]
  readonly externalName?: string
}

// ---------------------------------------------------------------------------------------------------------------
// Deployment and its pod template

export type Handler =
  | { readonly type: 'httpGet'; readonly path: string; readonly port: IntOrString; readonly scheme: 'HTTP' | 'HTTPS' }
  | { readonly type: 'tcpSocket'; readonly port: IntOrString }
  | { readonly type: 'grpc'; readonly port: number }
  | { readonly type: 'exec'; readonly command: readonly string[] }
  | { readonly type: 'sleep'; readonly seconds: number }

export interface Probe {
  readonly handler: Handler
  readonly initialDelaySeconds: number
  readonly periodSeconds: number
  readonly timeoutSeconds: number
  readonly successThreshold: number
  readonly failureThreshold: number
  /** Probe-level override of the pod's grace period (liveness/startup only). */
  readonly terminationGracePeriodSeconds?: number
  readonly at: FieldPath
}

export interface ContainerPort {
  readonly name?: string
  readonly containerPort: number
  readonly protocol: 'TCP' | 'UDP' | 'SCTP'
}

export interface Container {
  readonly name: string
  readonly image: string
  readonly imagePullPolicy: 'Always' | 'IfNotPresent' | 'Never'
  /** `command` and `args` as written (empty when absent): the route stage reads the ingress-nginx controller's flags from them. */
  readonly command: readonly string[]
  readonly args: readonly string[]
  readonly ports: readonly ContainerPort[]
  readonly readinessProbe?: Probe
  readonly livenessProbe?: Probe
  readonly startupProbe?: Probe
  readonly preStop?: Handler
  /** How long `preStop` runs (`model/prestop-duration.ts`): derived once here; lints, simulation, advice read it. */
  readonly preStopDuration: PreStopDuration
  readonly postStart?: Handler
  readonly at: FieldPath
}

export interface PodTemplate {
  readonly labels: Readonly<Record<string, string>>
  readonly annotations: Readonly<Record<string, string>>
  readonly containers: readonly Container[]
  readonly terminationGracePeriodSeconds: number
  readonly at: FieldPath
}

export interface LabelSelectorRequirement {
  readonly key: string
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
  readonly values: readonly string[]
}

export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>
  readonly matchExpressions: readonly LabelSelectorRequirement[]
  /** True when the selector was not written and the old API versions defaulted it from the template labels. */
  readonly defaulted: boolean
}

export type DeploymentStrategy =
  | { readonly type: 'Recreate' }
  | { readonly type: 'RollingUpdate'; readonly maxSurge: IntOrString; readonly maxUnavailable: IntOrString }

export interface Deployment extends ObjectBase<'Deployment'> {
  readonly replicas: number
  readonly selector: LabelSelector
  readonly strategy: DeploymentStrategy
  readonly minReadySeconds: number
  /** `null` means unlimited (the extensions/v1beta1 default). */
  readonly revisionHistoryLimit: number | null
  /** `null` means no deadline (the extensions/v1beta1 default). */
  readonly progressDeadlineSeconds: number | null
  readonly paused: boolean
  readonly template: PodTemplate
}

// ---------------------------------------------------------------------------------------------------------------
// Secret, ConfigMap, anything else

export interface Secret extends ObjectBase<'Secret'> {
  readonly type: string
  /** Decoded values of `data` (base64) merged with `stringData`; undecodable values are left out. */
  readonly data: Readonly<Record<string, string>>
}

export interface ConfigMap extends ObjectBase<'ConfigMap'> {
  readonly data: Readonly<Record<string, string>>
}

/** A kind the studio does not model; kept so it can be listed and round-tripped. */
export interface UnknownObject extends ObjectBase<string> {
  readonly known: false
}

export type KnownObject = Ingress | IngressClass | Service | Deployment | Secret | ConfigMap | GatewayClass | Gateway | HTTPRoute | ReferenceGrant

/** Every object of the input, by kind, each list in document order. */
export interface ClusterModel {
  readonly ingresses: readonly Ingress[]
  readonly ingressClasses: readonly IngressClass[]
  readonly services: readonly Service[]
  readonly deployments: readonly Deployment[]
  readonly secrets: readonly Secret[]
  readonly configMaps: readonly ConfigMap[]
  /** Gateway API (`gateway.networking.k8s.io`), docs/gateway-api.md. */
  readonly gatewayClasses: readonly GatewayClass[]
  readonly gateways: readonly Gateway[]
  readonly httpRoutes: readonly HTTPRoute[]
  readonly referenceGrants: readonly ReferenceGrant[]
  readonly unknown: readonly UnknownObject[]
}

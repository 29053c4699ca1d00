/**
 * The plain-data shapes of the Ingress → Gateway API conversion (docs/migration.md#conversion): what the caller
 * asks for, the manifests it gets back, and one finding per Ingress and annotation that the converted routes
 * cannot carry as ingress-nginx did.
 */
import type { Message } from '../../messages/message'
import type { SourceRef } from '../../model/types'
import type { SourceOptions } from '../../source/parse-sources'

/** What `convertToGatewayApi` is asked for (the CLI's `--gateway-class`, `--gateway`). */
export interface GatewayConversionOptions {
  /** `spec.gatewayClassName` of the Gateway the conversion writes. Default: `DEFAULT_GATEWAY_CLASS`. */
  readonly gatewayClass?: string
  /**
   * `namespace/name` of the Gateway the routes attach to. A Gateway of that name in the input is used as it is
   * (nothing is written for it; what its listeners lack is a finding); otherwise the conversion writes it.
   * Default: `<the Ingresses' namespace, or default when they differ>/DEFAULT_GATEWAY_NAME`.
   */
  readonly gateway?: string
  /** How the input is read (the CLI's cluster-size reading: `SourceOptions.streamDocuments`). Default: the studio's. */
  readonly source?: SourceOptions
}

export const DEFAULT_GATEWAY_CLASS = 'nginx'
export const DEFAULT_GATEWAY_NAME = 'ingress-nginx'

/** An Ingress by namespace and name. */
export interface IngressKey {
  readonly namespace: string
  readonly name: string
}

/** One object the conversion wrote. */
export interface ConvertedObject {
  readonly kind: 'Gateway' | 'HTTPRoute' | 'ReferenceGrant'
  readonly namespace: string
  readonly name: string
  /** The Ingresses it was made from (none for a ReferenceGrant written for a certificate of another namespace's Gateway). */
  readonly from: readonly IngressKey[]
}

/**
 * Something of an Ingress that the converted routes do not do as ingress-nginx did: an annotation without a
 * Gateway API equivalent, an equivalent that changes behaviour, or a spec feature converted with a caveat.
 */
export interface ConversionFinding {
  /** Closed list, owned by the converter (`CONVERSION_CODES` in its module). */
  readonly code: string
  /** `warning`: requests are answered differently; `info`: converted, with something worth knowing. */
  readonly severity: 'warning' | 'info'
  readonly ingress: IngressKey
  /** The full annotation key (`nginx.ingress.kubernetes.io/rewrite-target`), null for a spec field. */
  readonly annotation: string | null
  /** What the converted route does instead, as a message (rendered in the reader's language). */
  readonly text: Message
  /** Where in the input: the annotation's (or field's) object. */
  readonly source: SourceRef
}

/** The conversion of every Ingress of the input that ingress-nginx serves. */
export interface GatewayConversion {
  /** The converted manifests: one YAML stream (documents separated by `---`), comments carried where YAML allows. */
  readonly text: string
  readonly objects: readonly ConvertedObject[]
  readonly findings: readonly ConversionFinding[]
  /** `namespace/name` of the Gateway the routes attach to. */
  readonly gateway: string
}

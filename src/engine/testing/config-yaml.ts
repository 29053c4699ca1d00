/** IngressClass, ConfigMap and Secret manifests for fixtures. */
import { metadataYaml } from './metadata-yaml'
import { quotedMap, scalar, textMap } from './yaml-text'

/** An IngressClass; `isDefault` writes the is-default-class annotation. */
export function ingressClassYaml(name: string, controller: string, isDefault = false): string {
  const annotations = isDefault ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : undefined
  return `apiVersion: networking.k8s.io/v1
kind: IngressClass
${metadataYaml(name, { annotations })}spec:
  controller: ${scalar(controller)}
`
}

/** A ConfigMap with `data` (values always quoted). */
export function configMapYaml(name: string, data: Readonly<Record<string, string>>, namespace?: string): string {
  return `apiVersion: v1
kind: ConfigMap
${metadataYaml(name, { namespace })}data:
${quotedMap(data, 2)}`
}

export interface SecretSpec {
  readonly namespace?: string
  /** Default: Opaque (the API default) when not written. */
  readonly type?: string
  /** Values already base64-encoded, as `data` holds them. */
  readonly data?: Readonly<Record<string, string>>
  /** Plain values; multi-line ones (PEM) are written as block scalars. */
  readonly stringData?: Readonly<Record<string, string>>
}

/** A Secret. */
export function secretYaml(name: string, spec: SecretSpec = {}): string {
  return `apiVersion: v1
kind: Secret
${metadataYaml(name, spec)}${spec.type ? `type: ${scalar(spec.type)}\n` : ''}${
  spec.data ? `data:\n${quotedMap(spec.data, 2)}` : ''}${spec.stringData ? `stringData:\n${textMap(spec.stringData, 2)}` : ''}`
}

/**
 * The parts of a Gateway's spec the model does not carry but the API server validates: `infrastructure`
 * (labels, annotations, parametersRef), `allowedListeners` and `tls` (frontend client validation, backend client
 * certificate), and the listener `tls.options` map, with their OpenAPI limits and CEL rules
 * (config/crd/standard/gateway.networking.k8s.io_gateways.yaml). docs/gateway-api.md#model-and-validation.
 */
import { msg, type Message } from '../messages/message'
import { formatPath } from './field-errors'
import { readStringMap, toRecord, type MapView, type StringEntry } from './read-node'
import { celError, checkListMapKeys, checkString, gwInt, gwList, gwMap, gwString, knownFields, mapItems, spanAt, type GwReader } from './read-gateway-fields'
import { readNamespaceSelector } from './read-gateway-refs'
import type { GatewayInfrastructure, ParametersReference } from './types'
import { ENUMS, GW, LIMITS, PORT, type StringSchema } from './validate-gateway-formats'

const infrastructureFields = knownFields(['labels', 'annotations', 'parametersRef'])
const localParametersFields = knownFields(['group', 'kind', 'name'])
const allowedListenersFields = knownFields(['namespaces'])
const namespacesFields = knownFields(['from', 'selector'])
const selectorFields = knownFields(['matchLabels', 'matchExpressions'])
const tlsFields = knownFields(['frontend', 'backend'])
const frontendFields = knownFields(['default', 'perPort'])
const perPortFields = knownFields(['port', 'tls'])
const tlsConfigFields = knownFields(['validation'])
const validationFields = knownFields(['caCertificateRefs', 'mode'])
const objectRefFields = knownFields(['group', 'kind', 'name', 'namespace'])
const backendFields = knownFields(['clientCertificateRef'])

/** The key rule of infrastructure labels and annotations (the CRD's CEL regex). */
const qualifiedKey = '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$'

/** Validates `spec.infrastructure`, `spec.allowedListeners` and `spec.tls`; returns the infrastructure, if written. */
export function checkGatewayExtras(r: GwReader, spec: MapView | undefined): GatewayInfrastructure | undefined {
  const infrastructure = gwMap(r, spec, 'infrastructure', infrastructureFields)
  const labels = checkKeyedMap(r, infrastructure, 'labels', 8, GW.labelValue, msg('gw-cel-infrastructure-label-keys'), msg('gw-cel-infrastructure-label-prefix'))
  const annotations = checkKeyedMap(r, infrastructure, 'annotations', 16, GW.longValue, msg('gw-cel-infrastructure-annotation-keys'), msg('gw-cel-infrastructure-annotation-prefix'))
  const parametersView = gwMap(r, infrastructure, 'parametersRef', localParametersFields)
  const parametersRef: ParametersReference | undefined = parametersView && {
    group: gwString(r, parametersView, 'group', GW.group, true)?.value ?? '',
    kind: gwString(r, parametersView, 'kind', GW.kind, true)?.value ?? '',
    name: gwString(r, parametersView, 'name', GW.objectName, true)?.value ?? '',
    at: parametersView.path,
  }
  const allowedListeners = gwMap(r, spec, 'allowedListeners', allowedListenersFields)
  const namespaces = gwMap(r, allowedListeners, 'namespaces', namespacesFields)
  gwString(r, namespaces, 'from', { enum: ENUMS.allowedListenersFrom })
  const selector = gwMap(r, namespaces, 'selector', selectorFields)
  if (selector) readNamespaceSelector(r, selector)

  const tls = gwMap(r, spec, 'tls', tlsFields)
  const backend = gwMap(r, tls, 'backend', backendFields)
  const clientCertificate = gwMap(r, backend, 'clientCertificateRef', objectRefFields)
  if (clientCertificate) checkObjectRef(r, clientCertificate, false)
  const frontend = gwMap(r, tls, 'frontend', frontendFields)
  checkTlsConfig(r, gwMap(r, frontend, 'default', tlsConfigFields, frontend !== undefined))
  const perPort = gwList(r, frontend, 'perPort', LIMITS.perPort)
  const ports = mapItems(r, perPort?.items ?? [], perPortFields).map((view) => {
    const port = gwInt(r, view, 'port', PORT, true, 'invalid-port')
    checkTlsConfig(r, gwMap(r, view, 'tls', tlsConfigFields, true))
    return { port: port?.value, view }
  })
  checkListMapKeys(r, ports.map(({ port, view }) => ({ key: port, at: view.path, span: spanAt(r, [...view.path, 'port']) })), 'port')
  if (perPort) {
    r.cel(() => {
      const repeated = ports.find((p, i) => p.port !== undefined && ports.slice(0, i).some((q) => q.port === p.port))
      if (repeated) celError(r, perPort.view.path, 'array', msg('gw-cel-tls-port-unique'), spanAt(r, [...repeated.view.path, 'port']))
    })
  }
  return infrastructure && { labels, annotations, ...(parametersRef ? { parametersRef } : {}), at: infrastructure.path }
}

/** A listener's `tls.options`: at most 16 entries, values up to 4096 characters. */
export function checkTlsOptions(r: GwReader, tls: MapView): number {
  const options = readStringMap(r.ctx, tls, 'options')
  if (!options) return 0
  checkProperties(r, options.view, options.entries.length, 16)
  for (const entry of options.entries) checkString(r, { value: entry.value, span: entry.valueSpan, path: [...options.view.path, entry.key] }, GW.longValue)
  return options.entries.length
}

function checkTlsConfig(r: GwReader, config: MapView | undefined): void {
  const validation = gwMap(r, config, 'validation', validationFields)
  if (!validation) return
  const refs = gwList(r, validation, 'caCertificateRefs', LIMITS.caCertificateRefs, true)
  for (const ref of mapItems(r, refs?.items ?? [], objectRefFields)) checkObjectRef(r, ref, true)
  gwString(r, validation, 'mode', { enum: ENUMS.frontendValidationMode })
}

/** An ObjectReference (`required`: group and kind required, as caCertificateRefs) or a SecretObjectReference. */
function checkObjectRef(r: GwReader, view: MapView, required: boolean): void {
  gwString(r, view, 'group', GW.group, required)
  gwString(r, view, 'kind', GW.kind, required)
  gwString(r, view, 'name', GW.objectName, true)
  gwString(r, view, 'namespace', GW.namespace)
}

function checkKeyedMap(r: GwReader, parent: MapView | undefined, key: string, maxProperties: number, values: StringSchema, keysRule: Message, prefixRule: Message): Record<string, string> {
  const read = readStringMap(r.ctx, parent, key)
  if (!read) return {}
  checkProperties(r, read.view, read.entries.length, maxProperties)
  for (const entry of read.entries) checkString(r, { value: entry.value, span: entry.valueSpan, path: [...read.view.path, entry.key] }, values)
  r.cel(() => {
    const bad = (test: (entry: StringEntry) => boolean) => read.entries.find(test)
    const badKey = bad((entry) => !new RegExp(qualifiedKey).test(entry.key))
    if (badKey) celError(r, read.view.path, 'object', keysRule, badKey.keySpan)
    const longPrefix = bad((entry) => (entry.key.split('/')[0] ?? '').length >= 253)
    if (longPrefix) celError(r, read.view.path, 'object', prefixRule, longPrefix.keySpan)
  })
  return toRecord(read.entries)
}

/** `maxProperties`: kube-openapi's TooManyProperties, reported as `Too many`. */
function checkProperties(r: GwReader, view: MapView, size: number, max: number): void {
  if (size > max) r.ctx.report('invalid-value', 'error', msg('gw-too-many', { path: formatPath(view.path), size, max }), view.anchor)
}

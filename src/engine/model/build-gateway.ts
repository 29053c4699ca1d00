/**
 * Gateway (gateway.networking.k8s.io v1 and v1beta1, one schema) → `Gateway`: listeners, TLS and allowedRoutes
 * with the CRD defaults, validated as the CRD's OpenAPI schema and CEL rules do
 * (config/crd/standard/gateway.networking.k8s.io_gateways.yaml). docs/gateway-api.md#model-and-validation.
 */
import { msg } from '../messages/message'
import { formatPath } from './field-errors'
import type { ObjectInput } from './object-input'
import type { MapView } from './read-node'
import {
  celError, checkListMapKeys, createGwReader, gwInt, gwList, gwMap, gwString, has, knownFields, mapItems, spanAt,
  type GwReader,
} from './read-gateway-fields'
import { readCertificateRef, readNamespaceSelector } from './read-gateway-refs'
import type { AllowedRoutes, Gateway, GatewayAddress, GatewayListener, ListenerTLS, RouteGroupKind } from './types'
import { ENUMS, GATEWAY_DEFAULTS, GW, LIMITS, PORT } from './validate-gateway-formats'
import { checkGatewayExtras, checkTlsOptions } from './validate-gateway-extras'
import { isIpv4, isIpv6 } from './validate-gateway-values'

const specFields = knownFields(['addresses', 'allowedListeners', 'gatewayClassName', 'infrastructure', 'listeners', 'tls'])
const listenerFields = knownFields(['allowedRoutes', 'hostname', 'name', 'port', 'protocol', 'tls'])
const tlsFields = knownFields(['certificateRefs', 'mode', 'options'])
const allowedRoutesFields = knownFields(['kinds', 'namespaces'])
const namespacesFields = knownFields(['from', 'selector'])
const routeKindFields = knownFields(['group', 'kind'])
const addressFields = knownFields(['type', 'value'])
const addressHostname = '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$'

/** Builds the Gateway of `input`, reporting every validation problem. */
export function buildGateway(input: ObjectInput): Gateway {
  const r = createGwReader(input)
  const spec = gwMap(r, input.root, 'spec', specFields, true)
  const className = gwString(r, spec, 'gatewayClassName', GW.objectName, true)
  const listenerList = gwList(r, spec, 'listeners', LIMITS.listeners, true)
  const listenerViews = mapItems(r, listenerList?.items ?? [], listenerFields)
  const listeners = listenerViews.map((view) => readListener(r, view))
  checkListMapKeys(r, listeners.map((l, i) => ({ key: l.name === '' ? undefined : l.name, at: l.at, span: spanAt(r, [...(listenerViews[i] as MapView).path, 'name']) })))
  const addressList = gwList(r, spec, 'addresses', LIMITS.addresses)
  const addresses = mapItems(r, addressList?.items ?? [], addressFields).map((view) => readAddress(r, view))
  const infrastructure = checkGatewayExtras(r, spec)
  r.cel(() => checkListeners(r, listeners, listenerViews))
  r.cel(() => checkAddresses(r, addresses))
  r.finish()
  return { kind: 'Gateway', ...input.base, gatewayClassName: className?.value ?? '', listeners, addresses, ...(infrastructure ? { infrastructure } : {}) }
}

function readListener(r: GwReader, view: MapView): GatewayListener {
  const name = gwString(r, view, 'name', GW.sectionName, true)
  const hostname = gwString(r, view, 'hostname', GW.hostname, false, 'invalid-host')
  const port = gwInt(r, view, 'port', PORT, true, 'invalid-port')
  const protocol = gwString(r, view, 'protocol', GW.protocol, true)
  const tlsView = gwMap(r, view, 'tls', tlsFields)
  const tls = tlsView ? readTls(r, tlsView) : undefined
  const routesView = gwMap(r, view, 'allowedRoutes', allowedRoutesFields)
  return {
    name: name?.value ?? '',
    ...(hostname ? { hostname: hostname.value.toLowerCase() } : {}),
    port: port?.value ?? 0,
    protocol: protocol?.value ?? '',
    ...(tls ? { tls } : {}),
    allowedRoutes: readAllowedRoutes(r, routesView),
    at: view.path,
  }
}

function readTls(r: GwReader, view: MapView): ListenerTLS {
  const mode = gwString(r, view, 'mode', { enum: ENUMS.tlsMode })
  const refs = gwList(r, view, 'certificateRefs', LIMITS.certificateRefs)
  const certificateRefs = mapItems(r, refs?.items ?? [], knownFields(['group', 'kind', 'name', 'namespace'])).map((ref) => readCertificateRef(r, ref))
  const options = checkTlsOptions(r, view)
  const tls: ListenerTLS = {
    mode: mode && (ENUMS.tlsMode as readonly string[]).includes(mode.value) ? mode.value as ListenerTLS['mode'] : GATEWAY_DEFAULTS.tlsMode,
    certificateRefs,
    at: view.path,
  }
  r.cel(() => {
    if (tls.mode === 'Terminate' && certificateRefs.length === 0 && options === 0) {
      celError(r, view.path, 'object', msg('gw-cel-tls-certificates'), view.anchor)
    }
  })
  return tls
}

function readAllowedRoutes(r: GwReader, view: MapView | undefined): AllowedRoutes {
  const namespaces = gwMap(r, view, 'namespaces', namespacesFields)
  const from = gwString(r, namespaces, 'from', { enum: ENUMS.fromNamespaces })
  const selectorView = gwMap(r, namespaces, 'selector', knownFields(['matchLabels', 'matchExpressions']))
  const kindList = gwList(r, view, 'kinds', LIMITS.routeKinds)
  const kinds: RouteGroupKind[] = mapItems(r, kindList?.items ?? [], routeKindFields).map((kindView) => ({
    group: gwString(r, kindView, 'group', GW.group)?.value ?? GATEWAY_DEFAULTS.routeKindGroup,
    kind: gwString(r, kindView, 'kind', GW.kind, true)?.value ?? '',
    at: kindView.path,
  }))
  const fromValue = from && (ENUMS.fromNamespaces as readonly string[]).includes(from.value) ? from.value as AllowedRoutes['from'] : GATEWAY_DEFAULTS.allowedRoutesFrom
  return {
    from: fromValue,
    ...(selectorView ? { selector: readNamespaceSelector(r, selectorView) } : {}),
    kinds,
    at: view ? view.path : null,
  }
}

function readAddress(r: GwReader, view: MapView): GatewayAddress {
  const type = gwString(r, view, 'type', GW.addressType)
  const value = gwString(r, view, 'value', GW.addressValue)
  const address: GatewayAddress = { type: type?.value ?? GATEWAY_DEFAULTS.addressType, value: value?.value ?? '', at: view.path }
  // The schema's oneOf: an IPAddress value must be an IPv4 or IPv6 address.
  if (address.type === 'IPAddress' && value && !isIpv4(value.value) && !isIpv6(value.value)) {
    r.ctx.report('invalid-value', 'error', invalidFormat(value.path, value.value, 'ipv4'), value.span)
  }
  return address
}

function invalidFormat(path: readonly (string | number)[], value: string, format: string) {
  return msg('field-invalid', { path: formatPath(path), value: JSON.stringify(value), detail: msg('gw-body-format', { path: formatPath(path), format }) })
}

/** The CEL rules on `spec.listeners` (and `has(l.hostname)`, read from the text: an empty hostname counts as set). */
function checkListeners(r: GwReader, listeners: readonly GatewayListener[], views: readonly MapView[]): void {
  const path = ['spec', 'listeners']
  const fail = (id: Parameters<typeof msg>[0], index: number, field?: string) => {
    const at = views[index]?.path ?? path
    celError(r, path, 'array', msg(id), spanAt(r, field ? [...at, field] : at, field ? 'key' : 'value'))
  }
  const first = (test: (l: GatewayListener, i: number) => boolean) => listeners.findIndex(test)
  let i = first((l) => ['HTTP', 'TCP', 'UDP'].includes(l.protocol) && l.tls !== undefined)
  if (i >= 0) fail('gw-cel-listener-tls-forbidden', i, 'tls')
  i = first((l) => l.protocol === 'HTTPS' && l.tls !== undefined && l.tls.mode !== 'Terminate')
  if (i >= 0) fail('gw-cel-listener-https-terminate', i, 'tls')
  i = first((l) => l.protocol === 'TLS' && l.tls === undefined)
  if (i >= 0) fail('gw-cel-listener-tls-mode-required', i, 'protocol')
  i = first((l, j) => ['TCP', 'UDP'].includes(l.protocol) && l.hostname !== undefined && l.hostname !== '' && has(r, views[j], 'hostname'))
  if (i >= 0) fail('gw-cel-listener-hostname-forbidden', i, 'hostname')
  i = first((l) => listeners.filter((o) => o.name === l.name).length !== 1)
  if (i >= 0) fail('gw-cel-listener-name-unique', listeners.findIndex((l, j) => j > 0 && listeners.slice(0, j).some((o) => o.name === l.name)), 'name')
  const combination = (l: GatewayListener) => `${l.port}\u0000${l.protocol}\u0000${l.hostname ?? '\u0001'}`
  i = first((l) => listeners.filter((o) => combination(o) === combination(l)).length !== 1)
  if (i >= 0) fail('gw-cel-listener-combination-unique', listeners.findIndex((l, j) => listeners.slice(0, j).some((o) => combination(o) === combination(l))))
}

/** The CEL rules on `spec.addresses` and on each address. */
function checkAddresses(r: GwReader, addresses: readonly GatewayAddress[]): void {
  const path = ['spec', 'addresses']
  for (const [type, id] of [['IPAddress', 'gw-cel-address-ip-unique'], ['Hostname', 'gw-cel-address-hostname-unique']] as const) {
    const of = addresses.filter((a) => a.type === type && a.value !== '')
    const repeated = of.find((a, j) => of.slice(0, j).some((o) => o.value === a.value))
    if (repeated) celError(r, path, 'array', msg(id), spanAt(r, repeated.at))
  }
  for (const address of addresses) {
    if (address.type === 'Hostname' && address.value !== '' && !new RegExp(addressHostname).test(address.value)) {
      celError(r, address.at, 'object', msg('gw-cel-address-hostname', { pattern: addressHostname }), spanAt(r, [...address.at, 'value']), 'invalid-host')
    }
  }
}

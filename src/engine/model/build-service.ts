/**
 * Service (v1) → `Service`, with the API defaults (type ClusterIP, protocol TCP, targetPort = port) and the
 * API server's port rules (ranges, names, uniqueness, nodePort only for NodePort and LoadBalancer).
 */
import { checkKnownFields, knownFields } from './check-known-fields'
import { msg } from '../messages/message'
import { duplicateValue, forbidden, invalidValue, requiredValue, unsupportedValue } from './field-errors'
import type { ObjectInput } from './object-input'
import type { ReadContext } from './read-context'
import { asMap, fieldOf, itemsOf, readInt, readIntOrString, readMap, readSeq, readString, readStringMap, toRecord, type MapView } from './read-node'
import { checkLabels } from './read-meta'
import type { Service, ServicePort } from './types'
import { checkDns1123Label, checkDns1123Subdomain, checkPortName, checkPortNumber } from './validate-names'

const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const
type ServiceType = Service['type']
export const protocols = ['SCTP', 'TCP', 'UDP'] as const
export type Protocol = (typeof protocols)[number]

const specFields = knownFields(['ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity',
  'loadBalancerIP', 'loadBalancerSourceRanges', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort',
  'publishNotReadyAddresses', 'sessionAffinityConfig', 'ipFamilies', 'ipFamilyPolicy', 'allocateLoadBalancerNodePorts',
  'loadBalancerClass', 'internalTrafficPolicy', 'trafficDistribution', 'topologyKeys'])
const portFields = knownFields(['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'])

/** Builds the Service of `input`, reporting every validation problem. */
export function buildService(input: ObjectInput): Service {
  const { ctx, root, base } = input
  const spec = readMap(ctx, root, 'spec')
  checkKnownFields(ctx, spec, specFields)
  const typeRead = readString(ctx, spec, 'type')
  let type: ServiceType = 'ClusterIP'
  if (typeRead && (serviceTypes as readonly string[]).includes(typeRead.value)) type = typeRead.value as ServiceType
  else if (typeRead) ctx.report('invalid-value', 'error', unsupportedValue(typeRead.path, typeRead.value, serviceTypes), typeRead.span)

  const selector = readStringMap(ctx, spec, 'selector')
  if (selector) checkLabels(ctx, selector.entries, selector.view.path)
  const clusterIP = readString(ctx, spec, 'clusterIP')
  const externalName = readString(ctx, spec, 'externalName')
  if (type === 'ExternalName') {
    if (!externalName || externalName.value === '') {
      ctx.report('required', 'error', requiredValue(['spec', 'externalName']), spec ? fieldOf(ctx, spec, 'externalName')?.keySpan ?? spec.anchor : root.anchor)
    } else {
      const bad = checkDns1123Subdomain(externalName.value.replace(/\.$/, ''))
      if (bad) ctx.report('invalid-value', 'error', invalidValue(externalName.path, externalName.value, bad), externalName.span)
    }
  }
  const ports = readPorts(ctx, spec, type)
  const headless = clusterIP?.value === 'None'
  if (ports.length === 0 && type !== 'ExternalName' && !headless && !fieldOf(ctx, spec ?? root, 'ports')?.node) {
    ctx.report('required', 'error', requiredValue(['spec', 'ports']), spec?.anchor ?? root.anchor)
  }
  return {
    kind: 'Service',
    ...base,
    type,
    ...(selector && selector.entries.length > 0 ? { selector: toRecord(selector.entries) } : {}),
    ports,
    ...(type === 'ExternalName' && externalName ? { externalName: externalName.value } : {}),
  }
}

function readPorts(ctx: ReadContext, spec: MapView | undefined, type: ServiceType): ServicePort[] {
  const seq = readSeq(ctx, spec, 'ports')
  const items = seq ? itemsOf(ctx, seq) : []
  const out: ServicePort[] = []
  const names = new Set<string>()
  for (const item of items) {
    const entry = asMap(ctx, item)
    if (!entry) continue
    checkKnownFields(ctx, entry, portFields)
    const name = readString(ctx, entry, 'name')
    if (name && name.value !== '') {
      const bad = checkDns1123Label(name.value)
      if (bad) ctx.report('invalid-name', 'error', invalidValue(name.path, name.value, bad), name.span)
      if (names.has(name.value)) ctx.report('invalid-port', 'error', duplicateValue(name.path, name.value), name.span)
      names.add(name.value)
    } else if (items.length > 1) {
      ctx.report('required', 'error', requiredValue([...entry.path, 'name']), fieldOf(ctx, entry, 'name')?.keySpan ?? entry.anchor)
    }
    const port = readInt(ctx, entry, 'port', true)
    if (port) {
      const bad = checkPortNumber(port.value)
      if (bad) ctx.report('invalid-port', 'error', invalidValue(port.path, port.value, bad), port.span)
    }
    const protocol = readProtocol(ctx, entry)
    const target = readIntOrString(ctx, entry, 'targetPort')
    if (target && typeof target.value === 'number' && target.value !== 0) {
      const bad = checkPortNumber(target.value)
      if (bad) ctx.report('invalid-port', 'error', invalidValue(target.path, target.value, bad), target.span)
    } else if (target && typeof target.value === 'string' && target.value !== '') {
      const bad = checkPortName(target.value)
      if (bad) ctx.report('invalid-port', 'error', invalidValue(target.path, target.value, bad), target.span)
    }
    const nodePort = readInt(ctx, entry, 'nodePort')
    if (nodePort && nodePort.value !== 0) {
      if (type !== 'NodePort' && type !== 'LoadBalancer') {
        ctx.report('invalid-port', 'error', forbidden(nodePort.path, msg('api-node-port-type', { type })), nodePort.span)
      } else {
        const bad = checkPortNumber(nodePort.value)
        if (bad) ctx.report('invalid-port', 'error', invalidValue(nodePort.path, nodePort.value, bad), nodePort.span)
      }
    }
    if (!port) continue
    // The API default: an unset (or zero / empty) targetPort is the port itself.
    const targetPort = target && target.value !== 0 && target.value !== '' ? target.value : port.value
    out.push({
      ...(name && name.value !== '' ? { name: name.value } : {}),
      port: port.value,
      targetPort,
      protocol,
      ...(nodePort && nodePort.value !== 0 ? { nodePort: nodePort.value } : {}),
      at: entry.path,
    })
  }
  return out
}

/** `protocol` of a port: TCP when unset. Shared with container ports. */
export function readProtocol(ctx: ReadContext, entry: MapView): Protocol {
  const protocol = readString(ctx, entry, 'protocol')
  if (!protocol || protocol.value === '') return 'TCP'
  if ((protocols as readonly string[]).includes(protocol.value)) return protocol.value as Protocol
  ctx.report('invalid-value', 'error', unsupportedValue(protocol.path, protocol.value, protocols), protocol.span)
  return 'TCP'
}

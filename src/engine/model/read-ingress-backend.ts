/**
 * An Ingress backend in either shape: v1 `{service: {name, port: {number|name}}}` or v1beta1
 * `{serviceName, servicePort}`, plus `resource` in both. Normalised to `IngressBackend`; validated as the API
 * server's `validateIngressBackend` does. Unusable backends (no service name, no port) give undefined.
 */
import { checkKnownFields, knownFields } from './check-known-fields'
import { msg } from '../messages/message'
import { invalidValue, requiredValue } from './field-errors'
import type { ReadContext } from './read-context'
import { asMap, fieldOf, readInt, readIntOrString, readMap, readString, type Field, type MapView } from './read-node'
import type { IngressBackend, ServicePortRef } from './types'
import { checkDns1035Label, checkDns1123Subdomain, checkPortName, checkPortNumber } from './validate-names'

const v1Hint = msg('hint-backend-service-v1')
const v1Fields = knownFields(['service', 'resource'], { serviceName: v1Hint, servicePort: v1Hint })
const betaFields = knownFields(['serviceName', 'servicePort', 'resource'], {
  service: msg('hint-backend-service-beta'),
})
const serviceFields = knownFields(['name', 'port'])
const portFields = knownFields(['number', 'name'])
const resourceFields = knownFields(['apiGroup', 'kind', 'name'])

/** Reads the backend held by `field` (a map) in the shape of `v1` or v1beta1. */
export function readIngressBackend(ctx: ReadContext, field: Field, v1: boolean): IngressBackend | undefined {
  const view = asMap(ctx, field)
  if (!view) return undefined
  checkKnownFields(ctx, view, v1 ? v1Fields : betaFields)
  const resourceField = fieldOf(ctx, view, 'resource')
  const hasService = v1 ? fieldOf(ctx, view, 'service')?.node != null : fieldOf(ctx, view, 'serviceName')?.node != null
  const hasResource = resourceField?.node != null
  if (hasService && hasResource) {
    ctx.report('invalid-backend', 'error', invalidValue(view.path, '', msg('api-backend-both')),
      (resourceField as Field).keySpan)
    return undefined
  }
  if (hasResource) return readResource(ctx, view)
  if (!hasService) {
    ctx.report('invalid-backend', 'error', invalidValue(view.path, '', msg('api-backend-required')), view.anchor)
    return undefined
  }
  return v1 ? readV1Service(ctx, view) : readBetaService(ctx, view)
}

function checkServiceName(ctx: ReadContext, name: { value: string; path: readonly (string | number)[]; span: { start: number; end: number } }): void {
  const bad = checkDns1035Label(name.value)
  if (bad) ctx.report('invalid-name', 'error', invalidValue(name.path, name.value, bad), name.span)
}

function readV1Service(ctx: ReadContext, backend: MapView): IngressBackend | undefined {
  const service = readMap(ctx, backend, 'service')
  if (!service) return undefined
  checkKnownFields(ctx, service, serviceFields)
  const name = readString(ctx, service, 'name', true)
  if (name) checkServiceName(ctx, name)
  const port = readMap(ctx, service, 'port')
  checkKnownFields(ctx, port, portFields)
  const number = readInt(ctx, port, 'number')
  const portName = readString(ctx, port, 'name')
  let ref: ServicePortRef | undefined
  if (number && number.value !== 0 && portName && portName.value !== '') {
    ctx.report('invalid-backend', 'error', invalidValue(backend.path, '', msg('api-port-name-and-number')), port?.anchor ?? service.anchor)
  } else if (portName && portName.value !== '') {
    const bad = checkPortName(portName.value)
    if (bad) ctx.report('invalid-port', 'error', invalidValue(portName.path, portName.value, bad), portName.span)
    else ref = { name: portName.value }
  } else if (number && number.value !== 0) {
    const bad = checkPortNumber(number.value)
    if (bad) ctx.report('invalid-port', 'error', invalidValue(number.path, number.value, bad), number.span)
    else ref = { number: number.value }
  } else {
    ctx.report('required', 'error', requiredValue(backend.path, msg('api-port-name-or-number')), port?.anchor ?? service.anchor)
  }
  if (!name || !ref) return undefined
  return { type: 'service', service: name.value, port: ref, at: backend.path }
}

function readBetaService(ctx: ReadContext, backend: MapView): IngressBackend | undefined {
  const name = readString(ctx, backend, 'serviceName')
  if (name) checkServiceName(ctx, name)
  const port = readIntOrString(ctx, backend, 'servicePort')
  let ref: ServicePortRef | undefined
  if (!port || port.value === 0 || port.value === '') {
    ctx.report('required', 'error', requiredValue(backend.path, msg('api-port-name-or-number')),
      fieldOf(ctx, backend, 'servicePort')?.keySpan ?? backend.anchor)
  } else if (typeof port.value === 'number') {
    const bad = checkPortNumber(port.value)
    if (bad) ctx.report('invalid-port', 'error', invalidValue(port.path, port.value, bad), port.span)
    else ref = { number: port.value }
  } else {
    const bad = checkPortName(port.value)
    if (bad) ctx.report('invalid-port', 'error', invalidValue(port.path, port.value, bad), port.span)
    else ref = { name: port.value }
  }
  if (!name || !ref) return undefined
  return { type: 'service', service: name.value, port: ref, at: backend.path }
}

function readResource(ctx: ReadContext, backend: MapView): IngressBackend | undefined {
  const resource = readMap(ctx, backend, 'resource')
  if (!resource) return undefined
  checkKnownFields(ctx, resource, resourceFields)
  const apiGroup = readString(ctx, resource, 'apiGroup')
  if (apiGroup && apiGroup.value !== '') {
    const bad = checkDns1123Subdomain(apiGroup.value)
    if (bad) ctx.report('invalid-backend', 'error', invalidValue(apiGroup.path, apiGroup.value, bad), apiGroup.span)
  }
  const kind = readString(ctx, resource, 'kind', true)
  const name = readString(ctx, resource, 'name', true)
  if (!kind || !name) return undefined
  return {
    type: 'resource',
    ...(apiGroup && apiGroup.value !== '' ? { apiGroup: apiGroup.value } : {}),
    resourceKind: kind.value,
    name: name.value,
    at: backend.path,
  }
}

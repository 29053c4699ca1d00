/**
 * Ingress in all three API versions → one `Ingress`. v1beta1 shapes are converted as the API server does
 * (`spec.backend` → `defaultBackend`, `serviceName`/`servicePort` → `service`, missing pathType →
 * ImplementationSpecific); `apiVersion` keeps what was written.
 */
import { isScalar } from 'yaml'
import { checkKnownFields, knownFields } from './check-known-fields'
import { msg } from '../messages/message'
import { invalidValue, requiredValue, unsupportedValue } from './field-errors'
import type { ObjectInput } from './object-input'
import type { ReadContext } from './read-context'
import { readIngressBackend } from './read-ingress-backend'
import { asMap, asString, fieldOf, itemsOf, readMap, readSeq, readString, type MapView } from './read-node'
import type { Ingress, IngressBackend, IngressPath, IngressRule, IngressTLS, PathType } from './types'
import { checkIngressHost, checkIngressPath, isPathType, pathTypes } from './validate-ingress'
import { checkDns1123Subdomain } from './validate-names'

const specFields = {
  v1: knownFields(['ingressClassName', 'defaultBackend', 'tls', 'rules'], {
    backend: msg('hint-ingress-default-backend-v1'),
  }),
  beta: knownFields(['ingressClassName', 'backend', 'tls', 'rules'], {
    defaultBackend: msg('hint-ingress-backend-beta'),
  }),
}
const ruleFields = knownFields(['host', 'http'])
const httpFields = knownFields(['paths'])
const pathFields = knownFields(['path', 'pathType', 'backend'])
const tlsFields = knownFields(['hosts', 'secretName'])

/** Builds the Ingress of `input`, reporting every validation problem. */
export function buildIngress(input: ObjectInput): Ingress {
  const { ctx, root, base, version } = input
  const v1 = version === 'networking.k8s.io/v1'
  const spec = readMap(ctx, root, 'spec')
  checkKnownFields(ctx, spec, v1 ? specFields.v1 : specFields.beta)

  const className = readString(ctx, spec, 'ingressClassName')
  if (className) {
    const bad = checkDns1123Subdomain(className.value)
    if (bad) ctx.report('invalid-name', 'error', invalidValue(className.path, className.value, bad), className.span)
  }
  const defaultKey = v1 ? 'defaultBackend' : 'backend'
  const defaultField = spec && fieldOf(ctx, spec, defaultKey)
  const defaultBackend = defaultField && defaultField.node !== null ? readIngressBackend(ctx, defaultField, v1) : undefined
  const tls = readTls(ctx, spec)
  const rulesSeq = readSeq(ctx, spec, 'rules')
  const rules: IngressRule[] = []
  for (const item of rulesSeq ? itemsOf(ctx, rulesSeq) : []) {
    const rule = asMap(ctx, item)
    if (rule) rules.push(readRule(ctx, rule, v1))
  }
  if (!defaultField?.node && (!rulesSeq || rulesSeq.node.items.length === 0)) {
    ctx.report('required', 'error',
      invalidValue(['spec'], '', msg('api-default-backend-or-rules', { field: defaultKey })), spec?.anchor ?? root.anchor)
  }
  return {
    kind: 'Ingress',
    ...base,
    ...(className ? { ingressClassName: className.value } : {}),
    ...(defaultBackend ? { defaultBackend } : {}),
    tls,
    rules,
  }
}

function readTls(ctx: ReadContext, spec: MapView | undefined): IngressTLS[] {
  const seq = readSeq(ctx, spec, 'tls')
  const out: IngressTLS[] = []
  for (const item of seq ? itemsOf(ctx, seq) : []) {
    const entry = asMap(ctx, item)
    if (!entry) continue
    checkKnownFields(ctx, entry, tlsFields)
    const hostsSeq = readSeq(ctx, entry, 'hosts')
    const hosts: string[] = []
    for (const hostItem of hostsSeq ? itemsOf(ctx, hostsSeq) : []) {
      const host = asString(ctx, hostItem)
      if (!host) continue
      for (const reason of checkIngressHost(host.value, true)) {
        ctx.report('invalid-host', 'error', invalidValue(host.path, host.value, reason), host.span)
      }
      hosts.push(host.value)
    }
    const secretName = readString(ctx, entry, 'secretName')
    out.push({ hosts, ...(secretName && secretName.value !== '' ? { secretName: secretName.value } : {}), at: entry.path })
  }
  return out
}

function readRule(ctx: ReadContext, rule: MapView, v1: boolean): IngressRule {
  checkKnownFields(ctx, rule, ruleFields)
  const host = readString(ctx, rule, 'host')
  if (host && host.value !== '') {
    for (const reason of checkIngressHost(host.value, false)) {
      ctx.report('invalid-host', 'error', invalidValue(host.path, host.value, reason), host.span)
    }
  }
  const http = readMap(ctx, rule, 'http')
  checkKnownFields(ctx, http, httpFields)
  const pathsSeq = readSeq(ctx, http, 'paths')
  if (http && (!pathsSeq || pathsSeq.node.items.length === 0)) {
    ctx.report('required', 'error', requiredValue([...http.path, 'paths']), fieldOf(ctx, http, 'paths')?.keySpan ?? http.anchor)
  }
  const paths: IngressPath[] = []
  for (const item of pathsSeq ? itemsOf(ctx, pathsSeq) : []) {
    const path = asMap(ctx, item)
    const read = path && readPath(ctx, path, v1)
    if (read) paths.push(read)
  }
  return { host: host?.value.toLowerCase() ?? '', hasHttp: http !== undefined, paths, at: rule.path }
}

function readPath(ctx: ReadContext, entry: MapView, v1: boolean): IngressPath | undefined {
  checkKnownFields(ctx, entry, pathFields)
  const path = readString(ctx, entry, 'path')
  const typeField = fieldOf(ctx, entry, 'pathType')
  const written = typeField ? asString(ctx, typeField) : undefined
  let pathType: PathType = 'ImplementationSpecific'
  let valid = true
  if (written && isPathType(written.value)) {
    pathType = written.value
  } else if (written) {
    valid = false
    ctx.report('invalid-path-type', 'error', unsupportedValue(written.path, written.value, pathTypes), written.span)
  } else if (v1 && (!typeField || (typeField.node === null))) {
    valid = false
    ctx.report('invalid-path-type', 'error', requiredValue([...entry.path, 'pathType'], msg('api-path-type-required')),
      typeField?.keySpan ?? path?.span ?? entry.anchor)
  }
  const value = path?.value ?? ''
  if (valid) {
    for (const reason of checkIngressPath(value, pathType)) {
      ctx.report('invalid-path', 'error', invalidValue([...entry.path, 'path'], value, reason), path?.span ?? entry.anchor)
    }
  }
  const backendField = fieldOf(ctx, entry, 'backend')
  let backend: IngressBackend | undefined
  if (!backendField || backendField.node === null) {
    ctx.report('required', 'error', requiredValue([...entry.path, 'backend']), backendField?.keySpan ?? entry.anchor)
  } else {
    backend = readIngressBackend(ctx, backendField, v1)
  }
  if (!backend) return undefined
  return { path: value, pathType, pathTypeDefaulted: !typeField || !isScalar(typeField.node), backend, at: entry.path }
}

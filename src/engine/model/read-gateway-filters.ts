/**
 * HTTPRoute filters (rule-level and backendRef-level, one schema) as the CRD defines them: the type enum, each
 * filter's fields with their limits and defaults (redirect statusCode 302, mirror fraction denominator 100,
 * CORS maxAge 5), and the CEL rules on a filter (its type ↔ field consistency), on a path modifier, on a mirror,
 * on CORS lists, and on the filter list (no type twice, not RequestRedirect with URLRewrite).
 * config/crd/standard/gateway.networking.k8s.io_httproutes.yaml; docs/gateway-api.md#model-and-validation.
 */
import { msg } from '../messages/message'
import { isMap, isScalar, type Pair } from 'yaml'
import { asString, readBool, readMap, type Field, type MapView, type Read } from './read-node'
import {
  celError, checkListMapKeys, checkListSet, checkString, gwInt, gwList, gwMap, gwString, has, knownFields, mapItems, spanAt,
  type GwReader,
} from './read-gateway-fields'
import { backendObjectRefFields, readBackendObjectRef, readLocalObjectRef } from './read-gateway-refs'
import type { HTTPHeader, HTTPHeaderModifier, HTTPPathModifier, HTTPRequestMirror, HTTPRequestRedirect, HTTPRouteFilter, HTTPURLRewrite } from './types'
import { ENUMS, GATEWAY_DEFAULTS, GW, LIMITS, PERCENT, PORT, REDIRECT_STATUS_CODES } from './validate-gateway-formats'

const filterFields = knownFields(['type', 'cors', 'extensionRef', 'requestHeaderModifier', 'requestMirror', 'requestRedirect', 'responseHeaderModifier', 'urlRewrite'])
const headerModifierFields = knownFields(['set', 'add', 'remove'])
const headerFields = knownFields(['name', 'value'])
const redirectFields = knownFields(['scheme', 'hostname', 'path', 'port', 'statusCode'])
const rewriteFields = knownFields(['hostname', 'path'])
const pathModifierFields = knownFields(['type', 'replaceFullPath', 'replacePrefixMatch'])
const mirrorFields = knownFields(['backendRef', 'percent', 'fraction'])
const fractionFields = knownFields(['numerator', 'denominator'])
const corsFields = knownFields(['allowOrigins', 'allowCredentials', 'allowMethods', 'allowHeaders', 'exposeHeaders', 'maxAge'])

/** Each filter type and the field that carries it, in the CRD's rule order. */
const typeFields = [
  ['CORS', 'cors'],
  ['RequestHeaderModifier', 'requestHeaderModifier'],
  ['ResponseHeaderModifier', 'responseHeaderModifier'],
  ['RequestMirror', 'requestMirror'],
  ['RequestRedirect', 'requestRedirect'],
  ['URLRewrite', 'urlRewrite'],
  ['ExtensionRef', 'extensionRef'],
] as const

/** A read filter, with what the CEL rules of the rule around it need: its view and a redirect/rewrite prefix path. */
export interface ReadFilter {
  readonly filter: HTTPRouteFilter
  readonly view: MapView
  /** `has(f.requestRedirect)`. */
  readonly hasRedirect: boolean
  /** The filter has `requestRedirect.path` (`urlRewrite.path`) of type ReplacePrefixMatch with a replacePrefixMatch. */
  readonly redirectPrefix: boolean
  readonly rewritePrefix: boolean
}

/** A filter list (`rules[i].filters` or `backendRefs[j].filters`) with its list-level CEL rules. */
export function readFilters(r: GwReader, parent: MapView | undefined): ReadFilter[] {
  const list = gwList(r, parent, 'filters', LIMITS.filters)
  if (!list) return []
  const read = mapItems(r, list.items, filterFields).map((view) => readFilter(r, view))
  r.cel(() => {
    const types = read.map((f) => typeOf(f.filter))
    const at = list.view.path
    if (types.includes('RequestRedirect') && types.includes('URLRewrite')) {
      celError(r, at, 'array', msg('gw-cel-redirect-and-rewrite'), list.view.anchor)
    }
    for (const type of ['CORS', 'RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite']) {
      const second = read.filter((_, i) => types[i] === type)[1]
      if (second) celError(r, at, 'array', msg('gw-cel-filter-repeated', { type }), spanAt(r, [...second.view.path, 'type']))
    }
  })
  return read
}

/** The type as written (`Unknown` filters keep theirs). */
export function typeOf(filter: HTTPRouteFilter): string {
  return filter.type === 'Unknown' ? filter.written : filter.type
}

function readFilter(r: GwReader, view: MapView): ReadFilter {
  const typeRead = gwString(r, view, 'type', { enum: ENUMS.filterType }, true)
  const type = typeRead?.value ?? ''
  const at = view.path
  // Every field is read (and validated) whatever the type: the API server checks each against its schema.
  const requestHeaderModifier = readHeaderModifier(r, gwMap(r, view, 'requestHeaderModifier', headerModifierFields))
  const responseHeaderModifier = readHeaderModifier(r, gwMap(r, view, 'responseHeaderModifier', headerModifierFields))
  const redirectView = gwMap(r, view, 'requestRedirect', redirectFields)
  const requestRedirect = readRedirect(r, redirectView)
  const rewriteView = gwMap(r, view, 'urlRewrite', rewriteFields)
  const urlRewrite = readRewrite(r, rewriteView)
  const requestMirror = readMirror(r, gwMap(r, view, 'requestMirror', mirrorFields))
  const extensionView = readMap(r.ctx, view, 'extensionRef')
  const extensionRef = extensionView ? readLocalObjectRef(r, extensionView) : { group: '', kind: '', name: '' }
  readCors(r, gwMap(r, view, 'cors', corsFields))
  r.cel(() => {
    for (const [filterType, field] of typeFields) {
      const present = has(r, view, field)
      if (present && type !== filterType) celError(r, at, 'object', msg('gw-cel-filter-field-nil', { field, type: filterType }), spanAt(r, [...at, field], 'key'))
      if (!present && type === filterType) celError(r, at, 'object', msg('gw-cel-filter-field-required', { field, type: filterType }), spanAt(r, [...at, 'type']))
    }
  })
  let filter: HTTPRouteFilter
  switch (type) {
    case 'RequestHeaderModifier': filter = { type, requestHeaderModifier, at }; break
    case 'ResponseHeaderModifier': filter = { type, responseHeaderModifier, at }; break
    case 'RequestRedirect': filter = { type, requestRedirect, at }; break
    case 'URLRewrite': filter = { type, urlRewrite, at }; break
    case 'RequestMirror': filter = { type, requestMirror, at }; break
    case 'ExtensionRef': filter = { type, extensionRef, at }; break
    default: filter = { type: 'Unknown', written: type, at }
  }
  const prefix = (modifier: MapView | undefined) => {
    const path = peek(modifier, 'path')
    if (!isMap(path)) return false
    const pathView: MapView = { node: path, path: [], span: view.span, anchor: view.anchor }
    const kind = peek(pathView, 'type')
    return isScalar(kind) && kind.value === 'ReplacePrefixMatch' && has(r, pathView, 'replacePrefixMatch')
  }
  return { filter, view, hasRedirect: has(r, view, 'requestRedirect'), redirectPrefix: prefix(redirectView), rewritePrefix: prefix(rewriteView) }
}

/** The value of `key` in a map, without reporting (the field was read, and reported, before). */
function peek(map: MapView | undefined, key: string): unknown {
  for (const pair of (map?.node.items ?? []) as Pair[]) {
    if (isScalar(pair.key) && pair.key.value === key) return pair.value
  }
  return undefined
}

function readHeaderModifier(r: GwReader, view: MapView | undefined): HTTPHeaderModifier {
  if (!view) return { set: [], add: [], remove: [] }
  const headers = (key: 'set' | 'add'): HTTPHeader[] => {
    const list = gwList(r, view, key, LIMITS.headerModifierList)
    const views = mapItems(r, list?.items ?? [], headerFields)
    const out = views.map((item) => ({
      name: gwString(r, item, 'name', GW.headerName, true)?.value ?? '',
      value: gwString(r, item, 'value', GW.headerValue, true)?.value ?? '',
    }))
    checkListMapKeys(r, views.map((item, i) => ({ key: out[i]?.name || undefined, at: item.path, span: spanAt(r, [...item.path, 'name']) })))
    return out
  }
  const set = headers('set')
  const add = headers('add')
  const removeList = gwList(r, view, 'remove', LIMITS.headerModifierList)
  const remove = strings(r, removeList?.items ?? [])
  checkListSet(r, remove)
  return { set, add, remove: remove.map((read) => read.value) }
}

function strings(r: GwReader, items: readonly Field[]): Read<string>[] {
  const out: Read<string>[] = []
  for (const item of items) {
    const read = asString(r.ctx, item)
    if (read) out.push(read)
  }
  return out
}

function readPathModifier(r: GwReader, parent: MapView | undefined): HTTPPathModifier | undefined {
  const view = gwMap(r, parent, 'path', pathModifierFields)
  if (!view) return undefined
  const type = gwString(r, view, 'type', { enum: ENUMS.pathModifierType }, true)
  const full = gwString(r, view, 'replaceFullPath', GW.pathModifier, false, 'invalid-path')
  const prefix = gwString(r, view, 'replacePrefixMatch', GW.pathModifier, false, 'invalid-path')
  r.cel(() => {
    for (const [kind, field, read] of [['ReplaceFullPath', 'replaceFullPath', full], ['ReplacePrefixMatch', 'replacePrefixMatch', prefix]] as const) {
      if (type?.value === kind && !read) celError(r, view.path, 'object', msg('gw-cel-path-modifier-value-required', { field, type: kind }), type.span)
      if (read && type?.value !== kind) celError(r, view.path, 'object', msg('gw-cel-path-modifier-type', { field, type: kind }), spanAt(r, [...view.path, field], 'key'))
    }
  })
  if (type?.value === 'ReplaceFullPath') return { type: 'ReplaceFullPath', replaceFullPath: full?.value ?? '' }
  if (type?.value === 'ReplacePrefixMatch') return { type: 'ReplacePrefixMatch', replacePrefixMatch: prefix?.value ?? '' }
  return undefined
}

function readRedirect(r: GwReader, view: MapView | undefined): HTTPRequestRedirect {
  const scheme = gwString(r, view, 'scheme', { enum: ENUMS.scheme })
  const hostname = gwString(r, view, 'hostname', GW.preciseHostname, false, 'invalid-host')
  const path = readPathModifier(r, view)
  const port = gwInt(r, view, 'port', PORT, false, 'invalid-port')
  const statusCode = gwInt(r, view, 'statusCode', REDIRECT_STATUS_CODES)
  return {
    ...(scheme ? { scheme: scheme.value } : {}),
    ...(hostname ? { hostname: hostname.value } : {}),
    ...(path ? { path } : {}),
    ...(port ? { port: port.value } : {}),
    statusCode: statusCode?.value ?? GATEWAY_DEFAULTS.redirectStatusCode,
  }
}

function readRewrite(r: GwReader, view: MapView | undefined): HTTPURLRewrite {
  const hostname = gwString(r, view, 'hostname', GW.preciseHostname, false, 'invalid-host')
  const path = readPathModifier(r, view)
  return { ...(hostname ? { hostname: hostname.value } : {}), ...(path ? { path } : {}) }
}

function readMirror(r: GwReader, view: MapView | undefined): HTTPRequestMirror {
  const refView = gwMap(r, view, 'backendRef', backendObjectRefFields, true)
  const backendRef = refView ? readBackendObjectRef(r, refView) : { group: '', kind: 'Service', name: '' }
  const percent = gwInt(r, view, 'percent', PERCENT)
  const fractionView = gwMap(r, view, 'fraction', fractionFields)
  const numerator = gwInt(r, fractionView, 'numerator', { minimum: 0 }, true)
  const denominator = gwInt(r, fractionView, 'denominator', { minimum: 1 })
  const denominatorValue = denominator?.value ?? GATEWAY_DEFAULTS.mirrorFractionDenominator
  if (view) {
    r.cel(() => {
      if (percent && fractionView) celError(r, view.path, 'object', msg('gw-cel-mirror-percent-fraction'), fractionView.anchor)
      if (fractionView && numerator && numerator.value > denominatorValue) celError(r, fractionView.path, 'object', msg('gw-cel-fraction'), numerator.span)
    })
  }
  const fraction = numerator && denominatorValue > 0 ? Math.min(100, (numerator.value / denominatorValue) * 100) : undefined
  return { backendRef, ...(percent ? { percent: percent.value } : fraction !== undefined ? { percent: fraction } : {}) }
}

function readCors(r: GwReader, view: MapView | undefined): void {
  if (!view) return
  const set = (key: string, item: (read: Read<string>) => void, limit: { maxItems: number }, wildcard?: Parameters<typeof msg>[0]) => {
    const list = gwList(r, view, key, limit)
    const values = strings(r, list?.items ?? [])
    for (const value of values) item(value)
    checkListSet(r, values)
    if (list && wildcard) {
      r.cel(() => {
        if (values.some((v) => v.value === '*') && values.length > 1) celError(r, list.view.path, 'array', msg(wildcard), list.view.anchor)
      })
    }
  }
  set('allowOrigins', (v) => checkString(r, v, GW.corsOrigin), LIMITS.corsHeaders, 'gw-cel-cors-origins-wildcard')
  set('allowMethods', (v) => checkString(r, v, { enum: ENUMS.corsMethod }), LIMITS.corsMethods, 'gw-cel-cors-methods-wildcard')
  set('allowHeaders', (v) => checkString(r, v, GW.headerName), LIMITS.corsHeaders, 'gw-cel-cors-headers-wildcard')
  set('exposeHeaders', (v) => checkString(r, v, GW.headerName), LIMITS.corsHeaders)
  readBool(r.ctx, view, 'allowCredentials')
  gwInt(r, view, 'maxAge', { minimum: 1 })
}


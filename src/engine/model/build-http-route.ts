/**
 * HTTPRoute (gateway.networking.k8s.io v1 and v1beta1, one schema) → `HTTPRoute`: parentRefs, hostnames (lower
 * case), rules with their matches, filters, backendRefs and timeouts, with the CRD defaults (`rules` and
 * `matches` defaults, path PathPrefix `/`, header and query match Exact, backend group '' / kind Service /
 * weight 1, …), validated as the CRD's OpenAPI schema and CEL rules do
 * (config/crd/standard/gateway.networking.k8s.io_httproutes.yaml). docs/gateway-api.md#model-and-validation.
 */
import { msg } from '../messages/message'
import type { ObjectInput } from './object-input'
import { asString, type MapView } from './read-node'
import {
  celError, checkListMapKeys, checkString, createGwReader, gwInt, gwList, gwMap, gwString, knownFields, mapItems, spanAt,
  type GwReader,
} from './read-gateway-fields'
import { readFilters, type ReadFilter } from './read-gateway-filters'
import { backendObjectRefFields, parentRefFields, readBackendObjectRef, readParentRef } from './read-gateway-refs'
import type {
  HTTPBackendRef, HTTPHeaderMatch, HTTPPathMatch, HTTPPathMatchType, HTTPRoute, HTTPRouteMatch, HTTPRouteRule, HTTPRouteTimeouts,
  HTTPValueMatchType, ParentReference,
} from './types'
import { ENUMS, GATEWAY_DEFAULTS, GW, LIMITS, MAX_TOTAL_MATCHES, WEIGHT, type StringSchema } from './validate-gateway-formats'
import { durationNanos } from './validate-gateway-values'

const specFields = knownFields(['parentRefs', 'hostnames', 'rules'])
const ruleFields = knownFields(['name', 'matches', 'filters', 'backendRefs', 'timeouts'])
const matchFields = knownFields(['path', 'headers', 'queryParams', 'method'])
const pathFields = knownFields(['type', 'value'])
const valueMatchFields = knownFields(['type', 'name', 'value'])
const backendRefFields = knownFields([...backendObjectRefFields.keys, 'weight', 'filters'])
const timeoutFields = knownFields(['request', 'backendRequest'])

/** The path of a match that does not write one (the CRD's `path` default). */
const defaultPath: HTTPPathMatch = { type: GATEWAY_DEFAULTS.pathMatchType, value: GATEWAY_DEFAULTS.pathMatchValue }

/** The characters a path value of type Exact or PathPrefix may hold (the CRD's CEL rule). */
export const PATH_CHARACTERS = "^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$"
const pathCharacters = new RegExp(PATH_CHARACTERS)

/** Builds the HTTPRoute of `input`, reporting every validation problem. */
export function buildHttpRoute(input: ObjectInput): HTTPRoute {
  const r = createGwReader(input)
  const spec = gwMap(r, input.root, 'spec', specFields, true)
  const parentList = gwList(r, spec, 'parentRefs', LIMITS.parentRefs)
  const parentRefs = mapItems(r, parentList?.items ?? [], parentRefFields).map((view) => readParentRef(r, view))
  const hostnameList = gwList(r, spec, 'hostnames', LIMITS.hostnames)
  const hostnames: string[] = []
  for (const item of hostnameList?.items ?? []) {
    const read = asString(r.ctx, item)
    if (!read) continue
    checkString(r, read, GW.hostname, 'invalid-host')
    hostnames.push(read.value.toLowerCase())
  }
  const ruleList = gwList(r, spec, 'rules', LIMITS.rules)
  const rules = ruleList ? mapItems(r, ruleList.items, ruleFields).map((view) => readRule(r, view)) : [defaultRule(['spec', 'rules', 0])]
  r.cel(() => checkParentRefs(r, parentRefs))
  r.cel(() => {
    const total = rules.reduce((sum, rule) => sum + rule.written, 0)
    if (total > MAX_TOTAL_MATCHES && ruleList) celError(r, ruleList.view.path, 'array', msg('gw-cel-total-matches'), ruleList.view.anchor)
  })
  r.finish()
  return { kind: 'HTTPRoute', ...input.base, parentRefs, hostnames, rules: rules.map((rule) => rule.rule) }
}

/** A rule and its match count after defaulting (an absent `matches` counts as its one default match). */
interface ReadRule {
  readonly rule: HTTPRouteRule
  readonly written: number
}

function defaultRule(at: readonly (string | number)[]): ReadRule {
  return { rule: { matches: [{ path: defaultPath, headers: [], queryParams: [], at: [...at, 'matches', 0] }], matchesDefaulted: true, filters: [], backendRefs: [], at }, written: 1 }
}

function readRule(r: GwReader, view: MapView): ReadRule {
  const name = gwString(r, view, 'name', GW.sectionName)
  const matchList = gwList(r, view, 'matches', LIMITS.matches)
  const matchViews = mapItems(r, matchList?.items ?? [], matchFields)
  const written = matchList ? matchViews.length : 1
  let matches: HTTPRouteMatch[] = matchViews.map((match) => readMatch(r, match))
  // An absent `matches` takes the CRD default; an empty one stays empty at the API server but means the same
  // (httproute_types.go: no matches is a prefix match on "/").
  const matchesDefaulted = matches.length === 0 && (matchList === undefined || matchList.items.length === 0)
  if (matchesDefaulted) matches = [{ path: defaultPath, headers: [], queryParams: [], at: [...view.path, 'matches', 0] }]
  const filters = readFilters(r, view)
  const backendList = gwList(r, view, 'backendRefs', LIMITS.backendRefs)
  const backends = mapItems(r, backendList?.items ?? [], backendRefFields).map((backend) => readBackendRef(r, backend))
  const timeouts = readTimeouts(r, gwMap(r, view, 'timeouts', timeoutFields))
  r.cel(() => checkRule(r, view, { written, first: matchList ? matches[0] : defaultRule(view.path).rule.matches[0] }, filters, backends))
  return {
    rule: {
      ...(name ? { name: name.value } : {}),
      matches,
      matchesDefaulted,
      filters: filters.map((f) => f.filter),
      backendRefs: backends.map((b) => b.ref),
      ...(timeouts ? { timeouts } : {}),
      at: view.path,
    },
    written,
  }
}

function readMatch(r: GwReader, view: MapView): HTTPRouteMatch {
  const pathView = gwMap(r, view, 'path', pathFields)
  const path = pathView ? readPathMatch(r, pathView) : defaultPath
  const headers = readValueMatches(r, view, 'headers', GW.headerValue)
  const queryParams = readValueMatches(r, view, 'queryParams', GW.queryValue)
  const method = gwString(r, view, 'method', { enum: ENUMS.method })
  return { path, headers, queryParams, ...(method ? { method: method.value } : {}), at: view.path }
}

function readPathMatch(r: GwReader, view: MapView): HTTPPathMatch {
  const typeRead = gwString(r, view, 'type', { enum: ENUMS.pathMatchType })
  const valueRead = gwString(r, view, 'value', GW.pathValue, false, 'invalid-path')
  const type = typeRead && (ENUMS.pathMatchType as readonly string[]).includes(typeRead.value) ? typeRead.value as HTTPPathMatchType : GATEWAY_DEFAULTS.pathMatchType
  const value = valueRead?.value ?? GATEWAY_DEFAULTS.pathMatchValue
  r.cel(() => {
    if (type === 'RegularExpression') return
    const span = valueRead?.span ?? view.anchor
    const fail = (rule: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) => celError(r, view.path, 'object', msg(rule, params), span, 'invalid-path')
    if (!value.startsWith('/')) fail('gw-cel-path-absolute')
    for (const sequence of ['//', '/./', '/../', '%2f', '%2F', '#']) if (value.includes(sequence)) fail('gw-cel-path-contains', { sequence })
    for (const suffix of ['/..', '/.']) if (value.endsWith(suffix)) fail('gw-cel-path-ends', { suffix })
    if (!pathCharacters.test(value)) fail('gw-cel-path-characters', { pattern: PATH_CHARACTERS })
  })
  return { type, value }
}

function readValueMatches(r: GwReader, view: MapView, key: 'headers' | 'queryParams', valueSchema: StringSchema): HTTPHeaderMatch[] {
  const list = gwList(r, view, key, key === 'headers' ? LIMITS.headerMatches : LIMITS.queryParamMatches)
  const views = mapItems(r, list?.items ?? [], valueMatchFields)
  const out = views.map((item): HTTPHeaderMatch => {
    const type = gwString(r, item, 'type', { enum: ENUMS.valueMatchType })
    return {
      type: type && (ENUMS.valueMatchType as readonly string[]).includes(type.value) ? type.value as HTTPValueMatchType : GATEWAY_DEFAULTS.valueMatchType,
      name: gwString(r, item, 'name', GW.headerName, true)?.value ?? '',
      value: gwString(r, item, 'value', valueSchema, true)?.value ?? '',
      at: item.path,
    }
  })
  checkListMapKeys(r, out.map((match) => ({ key: match.name || undefined, at: match.at, span: spanAt(r, [...match.at, 'name']) })))
  return out
}

interface ReadBackend {
  readonly ref: HTTPBackendRef
  readonly filters: readonly ReadFilter[]
}

function readBackendRef(r: GwReader, view: MapView): ReadBackend {
  const object = readBackendObjectRef(r, view)
  const weight = gwInt(r, view, 'weight', WEIGHT)
  const filters = readFilters(r, view)
  return { ref: { ...object, weight: weight?.value ?? GATEWAY_DEFAULTS.backendRefWeight, filters: filters.map((f) => f.filter), at: view.path }, filters }
}

function readTimeouts(r: GwReader, view: MapView | undefined): HTTPRouteTimeouts | undefined {
  if (!view) return undefined
  const request = gwString(r, view, 'request', GW.duration)
  const backendRequest = gwString(r, view, 'backendRequest', GW.duration)
  r.cel(() => {
    if (request && backendRequest && durationNanos(request.value) !== 0 && durationNanos(backendRequest.value) > durationNanos(request.value)) {
      celError(r, view.path, 'object', msg('gw-cel-timeouts'), backendRequest.span)
    }
  })
  return { ...(request ? { request: request.value } : {}), ...(backendRequest ? { backendRequest: backendRequest.value } : {}) }
}

/** The CEL rules on `spec.rules[i]` (on the defaulted rule: `matches` counted after its default). */
function checkRule(r: GwReader, view: MapView, matches: { written: number; first: HTTPRouteMatch | undefined }, filters: readonly ReadFilter[], backends: readonly ReadBackend[]): void {
  const onePrefix = matches.written === 1 && matches.first?.path.type === 'PathPrefix'
  const fail = (id: Parameters<typeof msg>[0], span = view.anchor) => celError(r, view.path, 'object', msg(id), span)
  const redirect = filters.find((f) => f.hasRedirect)
  if (backends.length > 0 && redirect) fail('gw-cel-redirect-with-backends', spanAt(r, [...redirect.view.path, 'requestRedirect'], 'key'))
  const exactlyOne = (list: readonly ReadFilter[], test: (f: ReadFilter) => boolean) => list.filter(test).length === 1
  if (!onePrefix && exactlyOne(filters, (f) => f.redirectPrefix)) fail('gw-cel-redirect-prefix-match')
  if (!onePrefix && exactlyOne(filters, (f) => f.rewritePrefix)) fail('gw-cel-rewrite-prefix-match')
  if (!onePrefix && backends.filter((b) => exactlyOne(b.filters, (f) => f.redirectPrefix)).length === 1) fail('gw-cel-backend-redirect-prefix-match')
  if (!onePrefix && backends.filter((b) => exactlyOne(b.filters, (f) => f.rewritePrefix)).length === 1) fail('gw-cel-backend-rewrite-prefix-match')
}

/** The two CEL rules on `spec.parentRefs` (same parent: group, kind, name and namespace). */
function checkParentRefs(r: GwReader, refs: readonly ParentReference[]): void {
  const same = (a: ParentReference, b: ParentReference) => a.group === b.group && a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '')
  const path = ['spec', 'parentRefs']
  // CEL reads an empty sectionName as an absent one (`!has(p.sectionName) || p.sectionName == ''`).
  const section = (p: ParentReference) => p.sectionName ?? ''
  const mixed = refs.find((a) => refs.some((b) => same(a, b) && (section(a) === '') !== (section(b) === '')))
  if (mixed) celError(r, path, 'array', msg('gw-cel-parent-section-required'), spanAt(r, mixed.at))
  const repeated = refs.find((a, i) => refs.slice(0, i).some((b) => same(a, b) && section(a) === section(b)))
  if (repeated) celError(r, path, 'array', msg('gw-cel-parent-section-unique'), spanAt(r, repeated.at))
}


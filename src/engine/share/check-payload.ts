/**
 * The schema check of a decoded payload: untrusted JSON in, a `SharePayload` with only well-formed sections
 * out. The manifest text is required; every other section is checked on its own and dropped (with a warning)
 * when malformed, so one bad field never costs the receiver the whole scenario.
 */
import { RULES } from '../checks/rule-catalog'
import type { RuleSetting, RuleSettings } from '../checks/rule-settings'
import { emptyMeaning, ROLLOUT_PARAMETER_TABLE, type ParameterEntry } from '../simulate/parameter-table'
import type { RolloutParameters } from '../simulate/parameters'
import { SHARE_SECTIONS, type SharePayload, type ShareRequest, type ShareSection, type ShareWarning } from './payload'
import { SHARE_LIMITS } from './share-limits'

export type CheckedPayload =
  | { readonly kind: 'ok'; readonly payload: SharePayload; readonly warnings: readonly ShareWarning[] }
  | { readonly kind: 'error'; readonly detail: string }

type Json = unknown
type Section = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string }

const ok = (value: unknown): Section => ({ ok: true, value })
const bad = (reason: string): Section => ({ ok: false, reason })

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isShortString(value: Json, max: number): value is string {
  return typeof value === 'string' && value.length <= max
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
/** A Gateway as the tester names it: `namespace/name` (a namespace is a DNS label, a name a DNS subdomain). */
const NAMESPACED_NAME = /^[a-z0-9][-a-z0-9]*\/[a-z0-9][-a-z0-9.]*$/
/** A Deployment as the simulation names it: `name` or `namespace/name`. */
const DEPLOYMENT = /^([a-z0-9][-a-z0-9.]*\/)?[a-z0-9][-a-z0-9.]*$/

function checkId(value: Json): Section {
  return isShortString(value, SHARE_LIMITS.maxIdChars) && ID.test(value) ? ok(value) : bad('not an identifier')
}

function checkStringMap(value: Json): Record<string, string> | null {
  if (!isRecord(value)) return null
  const entries = Object.entries(value)
  if (entries.length > SHARE_LIMITS.maxRequestEntries) return null
  const out: Record<string, string> = {}
  for (const [key, item] of entries) {
    if (key.length > SHARE_LIMITS.maxRequestFieldChars || !isShortString(item, SHARE_LIMITS.maxRequestFieldChars)) return null
    out[key] = item
  }
  return out
}

function checkRequest(value: Json): ShareRequest | null {
  if (!isRecord(value) || !isShortString(value.url, SHARE_LIMITS.maxRequestFieldChars)) return null
  const request: { url: string; method?: string; headers?: Record<string, string>; cookies?: Record<string, string> } = { url: value.url }
  if (value.method !== undefined) {
    if (!isShortString(value.method, 32) || !/^[A-Za-z]+$/.test(value.method)) return null
    request.method = value.method
  }
  for (const field of ['headers', 'cookies'] as const) {
    if (value[field] === undefined) continue
    const map = checkStringMap(value[field])
    if (!map) return null
    request[field] = map
  }
  return request
}

function checkTester(value: Json): Section {
  if (!isRecord(value) || !Array.isArray(value.requests)) return bad('requests must be a list')
  if (value.requests.length > SHARE_LIMITS.maxRequests) return bad(`more than ${SHARE_LIMITS.maxRequests} requests`)
  const requests: ShareRequest[] = []
  for (const item of value.requests) {
    const request = checkRequest(item)
    if (!request) return bad('a request is malformed')
    requests.push(request)
  }
  const { selected, gateway } = value
  if (selected !== undefined && (!Number.isInteger(selected) || (selected as number) < 0 || (selected as number) >= Math.max(requests.length, 1))) {
    return bad('selected is out of range')
  }
  if (gateway !== undefined && !(isShortString(gateway, SHARE_LIMITS.maxIdChars * 2) && NAMESPACED_NAME.test(gateway))) return bad('gateway is not namespace/name')
  return ok({ requests, ...(selected === undefined ? {} : { selected }), ...(gateway === undefined ? {} : { gateway }) })
}

const parameterRows: ReadonlyMap<string, ParameterEntry> = new Map(ROLLOUT_PARAMETER_TABLE.map((row) => [row.name, row]))

/** The JavaScript type of a parameter's value (besides `null` where its row allows it). */
function valueTypeOf(row: ParameterEntry): 'number' | 'boolean' | 'string' {
  const kind = row.value.kind
  return kind === 'number' || kind === 'optional-number' ? 'number' : kind === 'boolean' ? 'boolean' : 'string'
}

/** Parameters are checked for type only, from the parameter table; their ranges are `resolveParameters` business. */
function checkParameters(value: Json): Partial<RolloutParameters> | null {
  if (!isRecord(value)) return null
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    const row = parameterRows.get(key)
    if (row === undefined) return null
    const nullable = emptyMeaning(row) !== null
    const fits = (item === null && nullable) || (typeof item === valueTypeOf(row) && (typeof item !== 'number' || Number.isFinite(item)))
    if (!fits || (typeof item === 'string' && item.length > SHARE_LIMITS.maxRequestFieldChars)) return null
    out[key] = item
  }
  return out as Partial<RolloutParameters>
}

function checkSimulation(value: Json): Section {
  if (!isRecord(value)) return bad('not an object')
  const parameters = checkParameters(value.parameters ?? {})
  if (!parameters) return bad('unknown or mistyped parameter')
  if (value.deployment === undefined) return ok({ parameters })
  const { deployment } = value
  return isShortString(deployment, SHARE_LIMITS.maxIdChars * 2) && DEPLOYMENT.test(deployment) ? ok({ deployment, parameters }) : bad('deployment is not a name')
}

function checkTimeline(value: Json): Section {
  if (!isRecord(value) || typeof value.cursorSeconds !== 'number' || !Number.isFinite(value.cursorSeconds) || value.cursorSeconds < 0) {
    return bad('cursorSeconds must be a number ≥ 0')
  }
  if (value.speed === undefined) return ok({ cursorSeconds: value.cursorSeconds })
  if (typeof value.speed !== 'number' || !(value.speed > 0 && value.speed <= 100)) return bad('speed must be in (0, 100]')
  return ok({ cursorSeconds: value.cursorSeconds, speed: value.speed })
}

const RULE_IDS = /* @__PURE__ */ new Set<string>(RULES.map((rule) => rule.id))
const SEVERITIES = /* @__PURE__ */ new Set(['error', 'warning', 'info'])

function checkRules(value: Json): Section {
  if (!isRecord(value)) return bad('not an object')
  const out: Record<string, RuleSetting> = {}
  for (const [id, setting] of Object.entries(value)) {
    // A rule this build does not know (a newer or retired one) is skipped, not fatal.
    if (!RULE_IDS.has(id)) continue
    if (!isRecord(setting)) return bad(`setting of ${id} is not an object`)
    const { enabled, severity } = setting
    if (enabled !== undefined && typeof enabled !== 'boolean') return bad(`enabled of ${id} is not a boolean`)
    if (severity !== undefined && !(typeof severity === 'string' && SEVERITIES.has(severity))) return bad(`severity of ${id} is unknown`)
    out[id] = { ...(enabled === undefined ? {} : { enabled }), ...(severity === undefined ? {} : { severity: severity as RuleSetting['severity'] }) }
  }
  return ok(out as RuleSettings)
}

function checkPreset(value: Json): Section {
  if (!isRecord(value)) return bad('not an object')
  const id = checkId(value.id)
  if (!id.ok) return id
  if (!Number.isInteger(value.step) || (value.step as number) < 0 || (value.step as number) > 1000) return bad('step is out of range')
  return ok({ id: id.value, step: value.step })
}

const checkers: Readonly<Record<ShareSection, (value: Json) => Section>> = {
  title: (value) => (isShortString(value, SHARE_LIMITS.maxTitleChars) ? ok(value) : bad(`not a string of at most ${SHARE_LIMITS.maxTitleChars} characters`)),
  view: checkId,
  tester: checkTester,
  simulation: checkSimulation,
  timeline: checkTimeline,
  rules: checkRules,
  preset: checkPreset,
  redactedSecrets: (value) => (Number.isInteger(value) && (value as number) >= 0 ? ok(value) : bad('not a count')),
}

/**
 * Checks `value` against the current payload schema. Returns an error only when there is no manifest text;
 * malformed sections and unknown fields become warnings and are left out.
 */
export function checkPayload(value: Json): CheckedPayload {
  if (!isRecord(value)) return { kind: 'error', detail: 'the payload is not an object' }
  if (typeof value.source !== 'string') return { kind: 'error', detail: 'the payload has no manifest text' }
  const payload: Record<string, unknown> = { source: value.source }
  const warnings: ShareWarning[] = []
  for (const section of SHARE_SECTIONS) {
    if (value[section] === undefined) continue
    const result = checkers[section](value[section])
    if (result.ok) payload[section] = result.value
    else warnings.push({ section, detail: result.reason })
  }
  for (const key of Object.keys(value)) {
    if (key !== 'source' && !(SHARE_SECTIONS as readonly string[]).includes(key)) warnings.push({ section: 'unknown', detail: key })
  }
  return { kind: 'ok', payload: payload as unknown as SharePayload, warnings }
}

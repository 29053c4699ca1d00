/**
 * Saved scenarios in the browser's storage: an index (`ingress-studio.scenarios.v1`: the list and the current
 * one) and one entry per scenario (`ingress-studio.scenario.<id>.v1`: its payload as JSON). Every function
 * tolerates storage that throws or holds junk: a broken entry reads as absent, never as a crash.
 */
import type { SharePayload } from '../engine'
import type { ScenarioMeta } from './slices/scenario-slice'

export const SCENARIO_INDEX_KEY = 'ingress-studio.scenarios.v1'
export const scenarioEntryKey = (id: string): string => `ingress-studio.scenario.${id}.v1`

export type ScenarioStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export interface ScenarioIndex {
  readonly current: string | null
  readonly items: readonly ScenarioMeta[]
}

function isMeta(value: unknown): value is ScenarioMeta {
  const meta = value as ScenarioMeta
  return typeof meta === 'object' && meta !== null && typeof meta.id === 'string' && typeof meta.name === 'string' && typeof meta.updatedAt === 'number'
}

function read(storage: ScenarioStorage | undefined, key: string): unknown {
  try {
    const text = storage?.getItem(key)
    return text ? (JSON.parse(text) as unknown) : null
  } catch {
    return null
  }
}

/** The saved index, or an empty one. */
export function loadScenarioIndex(storage: ScenarioStorage | undefined): ScenarioIndex {
  const value = read(storage, SCENARIO_INDEX_KEY) as { current?: unknown; items?: unknown } | null
  const items = Array.isArray(value?.items) ? value.items.filter(isMeta) : []
  const current = typeof value?.current === 'string' && items.some((item) => item.id === value.current) ? value.current : null
  return { current, items }
}

/** A saved scenario's payload, or null when it is missing or unreadable. */
export function loadScenario(storage: ScenarioStorage | undefined, id: string): SharePayload | null {
  const value = read(storage, scenarioEntryKey(id)) as SharePayload | null
  return value && typeof value === 'object' && typeof value.source === 'string' ? value : null
}

/** Writes; returns the error's name when the browser refused (quota, privacy mode). */
export function writeEntry(storage: ScenarioStorage | undefined, key: string, value: unknown): string | null {
  try {
    storage?.setItem(key, JSON.stringify(value))
    return null
  } catch (error) {
    return error instanceof Error ? error.name : 'storage error'
  }
}

export function removeEntry(storage: ScenarioStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key)
  } catch {
    // A leftover entry costs a little space and is never read without its index item.
  }
}

/** A new scenario id: time-ordered and unique enough for one browser. */
export function createScenarioId(now: number): string {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().slice(0, 8) : Math.floor(Math.random() * 1e8).toString(36)
  return `${now.toString(36)}-${random}`
}

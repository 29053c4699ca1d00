/**
 * The preset gallery, in the order a class meets it: the chapter's scenarios, its routes written as Gateway API
 * and its migration to Gateway API, then the broken variants.
 */
import { CANARY_20, MAX_UNAVAILABLE_ALL, NO_READINESS, PRESTOP_OVER_GRACE, RECREATE, SIGTERM_RACE } from './broken-presets'
import { INGRESS_BASICS, TLS, ZERO_DOWNTIME } from './chapter-presets'
import { GATEWAY_API } from './gateway-preset'
import { MIGRATE_GATEWAY_API } from './migration-preset'
import type { Preset } from './types'

export const PRESETS: readonly Preset[] = [
  INGRESS_BASICS,
  TLS,
  ZERO_DOWNTIME,
  GATEWAY_API,
  MIGRATE_GATEWAY_API,
  NO_READINESS,
  SIGTERM_RACE,
  PRESTOP_OVER_GRACE,
  MAX_UNAVAILABLE_ALL,
  RECREATE,
  CANARY_20,
]

/** The preset with `id`, if the gallery has it. */
export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id)
}

export type { Preset, PresetGroup, PresetStep, StepEffect } from './types'

/**
 * What a share link or scenario file carries: the manifest text and, optionally, the state of each view that
 * makes the scenario reproducible. Every section is optional, so a view that does not exist yet (or a link made
 * before it did) simply has none; a malformed section is dropped with a warning and never blocks the rest.
 */
import type { RuleSettings } from '../checks/rule-settings'
import type { RolloutParameters } from '../simulate/parameters'

/** One request of the URL tester, in the CLI's `--requests` JSONL shape. */
export interface ShareRequest {
  readonly url: string
  /** Default: GET. */
  readonly method?: string
  readonly headers?: Readonly<Record<string, string>>
  readonly cookies?: Readonly<Record<string, string>>
}

export interface ShareTester {
  readonly requests: readonly ShareRequest[]
  /** Index into `requests` of the request shown. Default: 0. */
  readonly selected?: number
  /**
   * The Gateway (`namespace/name`) the requests go through, as the CLI's `--gateway`. Absent: the studio's
   * default (ingress-nginx, or the only Gateway of an input without Ingresses). Links made before Gateway API
   * have none; a studio that predates it ignores it.
   */
  readonly gateway?: string
}

export interface ShareSimulation {
  /** The Deployment to update; absent = the engine's choice (the only one). */
  readonly deployment?: string
  /** Only the parameters that differ from `DEFAULT_ROLLOUT_PARAMETERS`; ranges are checked when simulating. */
  readonly parameters: Partial<RolloutParameters>
}

export interface ShareTimeline {
  /** Where the playback cursor stands, in simulated seconds. */
  readonly cursorSeconds: number
  /** Playback speed factor. Default: 1. */
  readonly speed?: number
}

export interface SharePreset {
  /** A preset id of the gallery (`src/presets`). */
  readonly id: string
  /** 0-based guided step. */
  readonly step: number
}

/** The scenario, in its current schema. */
export interface SharePayload {
  /** The manifest text, byte for byte. */
  readonly source: string
  readonly title?: string
  /** The active view's id. */
  readonly view?: string
  readonly tester?: ShareTester
  readonly simulation?: ShareSimulation
  readonly timeline?: ShareTimeline
  readonly rules?: RuleSettings
  readonly preset?: SharePreset
  /** How many Secret values the sender redacted (they read `REDACTED` in `source`). */
  readonly redactedSecrets?: number
}

/** The optional sections, in the order they are checked and written. */
export const SHARE_SECTIONS = ['title', 'view', 'tester', 'simulation', 'timeline', 'rules', 'preset', 'redactedSecrets'] as const
export type ShareSection = (typeof SHARE_SECTIONS)[number]

/** A section (or field) that was dropped while reading a payload, and why. */
export interface ShareWarning {
  readonly section: ShareSection | 'unknown'
  /** The field's name for unknown fields, else a short reason. */
  readonly detail: string
}

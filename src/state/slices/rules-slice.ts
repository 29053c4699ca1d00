import type { StateCreator } from 'zustand'
import type { RuleSettings } from '../../engine'
import type { StudioState } from '../store'

/**
 * The lint rule settings of the scenario (rules panel): per rule on/off and severity. Passed to every analysis,
 * kept in the browser's storage and carried by share links. Absent entries mean the rule's defaults.
 */
export interface RulesSlice {
  readonly ruleSettings: RuleSettings
}

export const createRulesSlice: StateCreator<StudioState, [], [], RulesSlice> = () => ({
  ruleSettings: {},
})

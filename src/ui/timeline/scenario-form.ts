/**
 * The scenario form's layout from the engine's parameter table: its editable rows by group, in table order. The
 * first groups are always shown; the last sits behind "More".
 */
import { EDITABLE_PARAMETERS, type ParameterEntry, type ParameterGroup } from '../../engine/simulate/parameter-table'

export const SHOWN_GROUPS: readonly ParameterGroup[] = ['load', 'pods', 'shutdown']
export const MORE_GROUP: ParameterGroup = 'more'

/** The controls of one group, in table order. */
export function controlsOf(group: ParameterGroup): readonly ParameterEntry[] {
  return EDITABLE_PARAMETERS.filter((row) => row.group === group)
}

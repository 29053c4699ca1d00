/**
 * Following advice: a manifest change is applied to the file's text as quick fixes are (the `yaml` Document model,
 * comments and layout kept); a parameter change is merged into the run's parameters. What the page's "apply" and
 * the advice tests do, so a fix the advice names is one the engine can make.
 */
import { applyEdits, editsFor } from '../fix/apply-fix'
import type { RolloutParameters } from './parameters'
import type { AdviceChange } from './rollout-advice'

export interface FollowedAdvice {
  readonly text: string
  readonly parameters: Partial<RolloutParameters>
  /** Operations that could not be applied (the text changed since the run); empty when all went in. */
  readonly problems: readonly string[]
}

/** `text` (the file holding the Deployment) and `parameters` with `change` applied. */
export function followAdvice(text: string, parameters: Partial<RolloutParameters>, change: AdviceChange): FollowedAdvice {
  if (change.kind === 'parameters') return { text, parameters: { ...parameters, ...change.parameters }, problems: [] }
  const { edits, problems } = editsFor(text, change.source.doc, change.source.path, change.ops)
  return { text: applyEdits(text, edits), parameters, problems }
}

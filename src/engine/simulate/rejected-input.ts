/**
 * The studio's answer to a manifest the API server would reject: no simulation, as `rollout` exits 2 for it
 * (`isRejectedInput`, one definition for both). A leaf module: the page imports it without the simulator.
 */
import { isRejectedInput, type Diagnostic } from '../diagnostics'
import { msg } from '../messages/message'
import { englishMessage } from '../messages/english'
import type { ScenarioOutcome } from './run-scenario'

/** The refusal to simulate, one problem per rejected diagnostic; `null` when the API server would accept the input. */
export function refuseRejectedInput(diagnostics: readonly Diagnostic[]): Extract<ScenarioOutcome, { kind: 'invalid' }> | null {
  const rejected = diagnostics.filter(isRejectedInput)
  if (rejected.length === 0) return null
  return {
    kind: 'invalid',
    deployment: null,
    // The diagnostic's own message inside, so it is said in the reader's language too.
    problems: rejected.map((d) => {
      const text = msg('rollout-rejected-input', { line: d.start.line, detail: d.text })
      return { code: 'rollout-rejected-input', text, message: englishMessage(text) }
    }),
  }
}

/** Changes to the URL tester's form and result. Sending lives in route-sync.ts (it talks to the worker). */
import { EMPTY_DRAFT, type TestDraft } from './slices/tester-slice'
import { useStudioStore } from './store'

const { setState, getState } = useStudioStore

export function updateTestDraft(change: Partial<TestDraft>): void {
  setState({ testDraft: { ...getState().testDraft, ...change } })
}

/** Replaces the form whole (a shared request, a history entry): nothing of the previous form stays. */
export function replaceTestDraft(testDraft: TestDraft): void {
  setState({ testDraft })
}

export function resetTestDraft(): void {
  setState({ testDraft: EMPTY_DRAFT })
}

/** Forgets the last result, so the graph shows no route lit. */
export function clearTestOutcome(): void {
  setState({ testOutcome: null, testStatus: 'idle', testFailure: null })
}

export function setInspectorTab(inspectorTab: 'diagnostics' | 'request'): void {
  setState({ inspectorTab })
}

/**
 * The URL tester's recent requests, remembered in the browser's storage (a refused write only loses history).
 */
import type { TestDraft } from './slices/tester-slice'

export const TESTER_HISTORY_KEY = 'ingress-studio.tester-history.v1'
/** Requests remembered. */
export const HISTORY_SIZE = 15

function isDraft(value: unknown): value is TestDraft {
  const draft = value as TestDraft
  const rows = (list: unknown) => Array.isArray(list) && list.every((row) => typeof row?.name === 'string' && typeof row?.value === 'string')
  const router = draft?.router as unknown
  const routerOk = router === undefined || isRouter(router)
  return typeof draft?.method === 'string' && typeof draft.url === 'string' && rows(draft.headers) && rows(draft.cookies) && routerOk
}

/** A router as the form keeps it: ingress-nginx, or a Gateway by `namespace/name`. */
function isRouter(value: unknown): boolean {
  const router = value as { router?: unknown; gateway?: unknown }
  return router?.router === 'ingress-nginx' || (router?.router === 'gateway' && typeof router.gateway === 'string')
}

/** Saved history, or an empty list when there is none or it cannot be read. */
export function loadTesterHistory(storage: Pick<Storage, 'getItem'> | undefined): TestDraft[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(TESTER_HISTORY_KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isDraft).slice(0, HISTORY_SIZE) : []
  } catch {
    return []
  }
}

export function saveTesterHistory(storage: Pick<Storage, 'setItem'> | undefined, history: readonly TestDraft[]): void {
  try {
    storage?.setItem(TESTER_HISTORY_KEY, JSON.stringify(history.slice(0, HISTORY_SIZE)))
  } catch {
    // History is a convenience; the tester works without it.
  }
}

const sameDraft = (a: TestDraft, b: TestDraft): boolean => JSON.stringify(a) === JSON.stringify(b)

/** `history` with `draft` first, an earlier copy of it removed, capped. */
export function pushHistory(history: readonly TestDraft[], draft: TestDraft): TestDraft[] {
  return [draft, ...history.filter((entry) => !sameDraft(entry, draft))].slice(0, HISTORY_SIZE)
}

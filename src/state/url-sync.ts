/**
 * Share links in the address bar: a fragment that looks like a link (`#v<N>.…`, at load or pasted later) is
 * decoded by the engine and then opened as its own saved scenario. When the work on screen is worth keeping,
 * the user is asked first; a link that cannot be read is explained and changes nothing. Once handled, the
 * fragment is removed with `replaceState`, so a reload does not ask again. The studio never writes the scenario
 * into the address bar by itself: links are made on request (the share dialog), because they carry the whole
 * manifest and, by default, no Secret values.
 */
import type { EngineClient } from '../worker/engine-client'
import { applyScenario } from './share-sections'
import { createScenario, isCurrentWorkDisposable, replaceCurrentScenario } from './scenarios'
import type { IncomingLink } from './slices/share-slice'
import type { SharePayload, ShareWarning } from '../engine'
import { useStudioStore } from './store'

const { getState, setState } = useStudioStore

/** Same shape test as the engine's `looksLikeShareLink`, kept here so the page needs no engine code for it. */
const LINK_SHAPE = /^#v\d{1,6}\./

type Decoder = Pick<EngineClient, 'decodeShare'>

function clearFragment(): void {
  if (typeof window === 'undefined' || !LINK_SHAPE.test(window.location.hash)) return
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
}

function showOpened(payload: SharePayload, warnings: readonly ShareWarning[]): void {
  const redactedSecrets = payload.redactedSecrets ?? 0
  setState({ openedLinkNotice: redactedSecrets > 0 || warnings.length > 0 ? { redactedSecrets, warnings } : null })
}

/** Opens a decoded link's scenario: embedded pages just show it; otherwise it becomes a saved scenario. */
function open(payload: SharePayload, warnings: readonly ShareWarning[], embed: boolean): void {
  if (embed) applyScenario(payload)
  else if (isCurrentWorkDisposable()) replaceCurrentScenario(payload, payload.title ?? '')
  else createScenario(payload, payload.title ?? '')
  showOpened(payload, warnings)
}

/** Decodes `fragment` and opens it, asks about it, or explains why it cannot be read. */
export async function handleFragment(decoder: Decoder, fragment: string): Promise<void> {
  if (!LINK_SHAPE.test(fragment)) return
  const embed = getState().embed
  setState({ incomingLink: { kind: 'reading' } })
  const outcome = await decoder.decodeShare(fragment)
  if (outcome.kind === 'stale') return
  if (outcome.kind === 'failed') {
    setState({ incomingLink: { kind: 'error', problem: { code: 'corrupt', message: outcome.error.message } } })
    return
  }
  const { result } = outcome.value
  if (result.kind === 'error') {
    const { kind: _kind, ...problem } = result
    setState({ incomingLink: { kind: 'error', problem } })
    return
  }
  const unchanged = result.payload.source === getState().source
  if (embed || unchanged || isCurrentWorkDisposable()) {
    setState({ incomingLink: null })
    if (unchanged && !embed) applyScenario(result.payload)
    else open(result.payload, result.warnings, embed)
    if (!embed) clearFragment()
    return
  }
  setState({ incomingLink: { kind: 'ask', payload: result.payload, format: result.format, warnings: result.warnings } })
}

/** The user chose to open the link that was waiting: it becomes a new saved scenario; the old work stays listed. */
export function acceptIncomingLink(): void {
  const link: IncomingLink | null = getState().incomingLink
  if (link?.kind !== 'ask') return
  setState({ incomingLink: null })
  open(link.payload, link.warnings, false)
  clearFragment()
}

/** The user kept their work (or read why the link failed): forget the link. */
export function dismissIncomingLink(): void {
  setState({ incomingLink: null })
  clearFragment()
}

export function dismissOpenedLinkNotice(): void {
  setState({ openedLinkNotice: null })
}

/** Handles the fragment the page was opened with, and any link pasted into the address bar later. */
export function startUrlSync(decoder: Decoder): () => void {
  if (typeof window === 'undefined') return () => {}
  const onHashChange = () => void handleFragment(decoder, window.location.hash)
  window.addEventListener('hashchange', onHashChange)
  onHashChange()
  return () => window.removeEventListener('hashchange', onHashChange)
}

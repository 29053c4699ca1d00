import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { decodeShareLink, encodeShareLink, type SharePayload } from '../engine'
import { SEED_MANIFEST } from '../presets/seed'
import type { EngineClient } from '../worker/engine-client'
import { PROTOCOL_VERSION } from '../worker/protocol'
import { setSource } from './actions'
import type { ScenarioStorage } from './scenario-storage'
import { startScenarioAutosave } from './scenarios'
import { useStudioStore } from './store'
import { acceptIncomingLink, dismissIncomingLink, handleFragment } from './url-sync'

const decoder: Pick<EngineClient, 'decodeShare'> = {
  decodeShare: async (fragment) => ({ kind: 'ok', value: { v: PROTOCOL_VERSION, type: 'share-decoded', id: 1, result: decodeShareLink(fragment) } }),
}

function link(payload: SharePayload): string {
  const result = encodeShareLink(payload)
  if (result.kind !== 'ok') throw new Error('no link')
  return `#${result.fragment}`
}

class MemoryStorage implements ScenarioStorage {
  readonly items = new Map<string, string>()
  getItem = (key: string) => this.items.get(key) ?? null
  setItem = (key: string, value: string) => void this.items.set(key, value)
  removeItem = (key: string) => void this.items.delete(key)
}

const initial = useStudioStore.getState()
const state = () => useStudioStore.getState()
let stop: (() => void) | undefined
const shared: SharePayload = { source: 'shared: 1\n', view: 'objects', redactedSecrets: 2 }

beforeEach(() => {
  useStudioStore.setState(initial, true)
  vi.useFakeTimers()
})
afterEach(() => {
  stop?.()
  stop = undefined
  vi.useRealTimers()
})

function startWith(source: string, embed = false): void {
  setSource(source)
  useStudioStore.setState({ embed })
  if (!embed) stop = startScenarioAutosave(new MemoryStorage())
}

describe('opening a share link', () => {
  it('opens at once over the untouched seed, and says what the sender redacted', async () => {
    startWith(SEED_MANIFEST)
    await handleFragment(decoder, link(shared))
    expect(state()).toMatchObject({ source: 'shared: 1\n', incomingLink: null, openedLinkNotice: { redactedSecrets: 2, warnings: [] } })
    expect(state().scenarios).toHaveLength(1)
  })

  it('asks before replacing work, then keeps that work as its own scenario', async () => {
    startWith('my: work\n')
    await handleFragment(decoder, link(shared))
    expect(state().incomingLink).toMatchObject({ kind: 'ask', payload: shared })
    expect(state().source).toBe('my: work\n')
    acceptIncomingLink()
    expect(state().source).toBe('shared: 1\n')
    expect(state().scenarios).toHaveLength(2)
    expect(state().incomingLink).toBeNull()
  })

  it('leaves the work alone when the user keeps it', async () => {
    startWith('my: work\n')
    await handleFragment(decoder, link(shared))
    dismissIncomingLink()
    expect(state()).toMatchObject({ source: 'my: work\n', incomingLink: null })
    expect(state().scenarios).toHaveLength(1)
  })

  it('explains a damaged link and changes nothing', async () => {
    startWith('my: work\n')
    const good = link(shared)
    await handleFragment(decoder, good.slice(0, 20) + (good[20] === 'x' ? 'y' : 'x') + good.slice(21))
    expect(state().incomingLink).toMatchObject({ kind: 'error', problem: { code: expect.any(String) } })
    expect(state().source).toBe('my: work\n')
  })

  it('does not ask when the link holds the text already on screen', async () => {
    startWith('shared: 1\n')
    await handleFragment(decoder, link(shared))
    expect(state().incomingLink).toBeNull()
    expect(state().scenarios).toHaveLength(1)
  })

  it('shows the scenario in embed mode without saving anything', async () => {
    startWith('', true)
    await handleFragment(decoder, link(shared))
    expect(state()).toMatchObject({ source: 'shared: 1\n', scenarios: [], currentScenarioId: null })
  })

  it('ignores fragments that are not links', async () => {
    startWith('my: work\n')
    await handleFragment(decoder, '#section-2')
    expect(state().incomingLink).toBeNull()
  })
})

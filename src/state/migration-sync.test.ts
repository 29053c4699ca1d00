import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { GatewayConversion, ParityReport } from '../engine'
import type { EngineOutcome } from '../worker/engine-client'
import { PROTOCOL_VERSION, type MigrationResponse, type MigrationTracedResponse, type MigrationTraceRequest } from '../worker/protocol'
import { setActiveView, setSource } from './actions'
import { addConversionToEditor, closeMigration, focusDifference, openMigration, selectDifference, setMigrationOptions, showMigrationStep, startMigrationSync } from './migration-sync'
import { useStudioStore } from './store'

const initial = useStudioStore.getState()
const CONVERTED = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: test\n'

/** A client that answers the migration with a conversion of the text it got (its length as the route's name) and records its calls. */
function fakeClient() {
  const calls: { text: string; conversion: unknown }[] = []
  const traces: Omit<MigrationTraceRequest, 'v' | 'id' | 'type'>[] = []
  const request = { url: 'http://foo.bar.com/foos1bar', method: 'GET', headers: {}, cookies: {} }
  return {
    calls,
    traces,
    migration: vi.fn(async (files: readonly { text: string }[], _options: unknown, conversion: unknown): Promise<EngineOutcome<MigrationResponse>> => {
      calls.push({ text: files[0]!.text, conversion })
      const converted = { text: CONVERTED, objects: [], findings: [], gateway: 'default/ingress-nginx' } as GatewayConversion
      const parity = { equivalent: false, requests: 3, gateway: 'default/ingress-nginx', differences: [{ request }], groups: [] } as unknown as ParityReport
      const answer = { kind: 'done', conversion: converted, findingPlaces: [], parity, view: {} as never, layout: {} as never } as const
      return { kind: 'ok', value: { v: PROTOCOL_VERSION, type: 'migration-checked', id: 1, answer, millis: 1 } }
    }),
    migrationTrace: vi.fn(async (body: Omit<MigrationTraceRequest, 'v' | 'id' | 'type'>): Promise<EngineOutcome<MigrationTracedResponse>> => {
      traces.push(body)
      const highlight = { nodes: ['a'], edges: ['e'], end: 'a' }
      return { kind: 'ok', value: { v: PROTOCOL_VERSION, type: 'migration-traced', id: 2, difference: body.difference, ingressNginx: highlight, gatewayApi: highlight } }
    }),
  }
}

beforeEach(() => {
  useStudioStore.setState(initial, true)
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('migration sync', () => {
  it('converts only while the view is shown: at once when opened, then once per burst of edits', async () => {
    const client = fakeClient()
    const stop = startMigrationSync(client, 200)
    setSource('kind: Ingress\n')
    await vi.advanceTimersByTimeAsync(500)
    expect(client.calls).toHaveLength(0)
    openMigration()
    await vi.advanceTimersByTimeAsync(0)
    expect(useStudioStore.getState().activeView).toBe('migration')
    expect(useStudioStore.getState().migrationOpen).toBe(true)
    expect(client.calls.map((call) => call.text)).toEqual(['kind: Ingress\n'])
    setSource('kind: Ingress\n#1')
    setSource('kind: Ingress\n#12')
    await vi.advanceTimersByTimeAsync(250)
    expect(client.calls.map((call) => call.text)).toEqual(['kind: Ingress\n', 'kind: Ingress\n#12'])
    expect(useStudioStore.getState().migration?.revision).toBe(useStudioStore.getState().revision)
    // Another view: edits wait; coming back asks for the text on screen.
    setActiveView('graph')
    setSource('kind: Ingress\n#123')
    await vi.advanceTimersByTimeAsync(500)
    expect(client.calls).toHaveLength(2)
    setActiveView('migration')
    await vi.advanceTimersByTimeAsync(0)
    expect(client.calls.at(-1)?.text).toBe('kind: Ingress\n#123')
    stop()
  })

  it('asks again when the options change, with empty options left out', async () => {
    const client = fakeClient()
    const stop = startMigrationSync(client, 200)
    openMigration()
    await vi.advanceTimersByTimeAsync(0)
    expect(client.calls[0]?.conversion).toEqual({})
    setMigrationOptions({ gateway: ' infra/gw ', gatewayClass: '' })
    await vi.advanceTimersByTimeAsync(250)
    expect(client.calls.at(-1)?.conversion).toEqual({ gateway: 'infra/gw' })
    stop()
  })

  it('a selected difference asks for its two routes; closing the view forgets it', async () => {
    const client = fakeClient()
    const stop = startMigrationSync(client, 200)
    openMigration()
    await vi.advanceTimersByTimeAsync(0)
    selectDifference(0)
    await vi.advanceTimersByTimeAsync(0)
    expect(client.traces.map((trace) => trace.difference)).toEqual([0])
    expect(useStudioStore.getState().migrationTrace?.ingressNginx?.end).toBe('a')
    closeMigration()
    expect(useStudioStore.getState()).toMatchObject({ activeView: 'graph', migrationOpen: false, migrationSelected: null, migrationTrace: null })
    stop()
  })

  it('Add to editor appends the conversion of the text on screen, never one of an older text', async () => {
    const client = fakeClient()
    const stop = startMigrationSync(client, 200)
    setSource('kind: Ingress\nmetadata:\n  name: test')
    openMigration()
    await vi.advanceTimersByTimeAsync(0)
    setSource('kind: Ingress\nmetadata:\n  name: test2')
    expect(addConversionToEditor()).toBe(false)
    await vi.advanceTimersByTimeAsync(250)
    expect(addConversionToEditor()).toBe(true)
    expect(useStudioStore.getState().source).toBe(`kind: Ingress\nmetadata:\n  name: test2\n---\n${CONVERTED}`)
    stop()
  })

  it('a focused request (a guided step\'s) shows the Parity tab: selected with its routes when it differs, else the list', async () => {
    const client = fakeClient()
    const stop = startMigrationSync(client, 200)
    setSource('kind: Ingress\n')
    // Asked before the migration of this text exists: applied when it lands.
    focusDifference('http://foo.bar.com/foos1bar')
    openMigration()
    expect(useStudioStore.getState().migrationSection).toBe('conversion')
    await vi.advanceTimersByTimeAsync(0)
    expect(useStudioStore.getState()).toMatchObject({ migrationSection: 'parity', migrationSelected: 0, migrationFocus: null })
    expect(client.traces.map((trace) => trace.difference)).toEqual([0])
    // A request that is no difference: the list, nothing selected; the migration on screen is current, so at once.
    focusDifference('http://foo.bar.com/foos1/abc')
    expect(useStudioStore.getState()).toMatchObject({ migrationSection: 'parity', migrationSelected: null, migrationTrace: null, migrationFocus: null })
    // A step of the conversion: its tab, nothing selected.
    showMigrationStep({ section: 'parity', request: 'http://foo.bar.com/foos1bar' })
    expect(useStudioStore.getState().migrationSelected).toBe(0)
    showMigrationStep({ section: 'conversion' })
    expect(useStudioStore.getState()).toMatchObject({ migrationSection: 'conversion', migrationSelected: null, migrationTrace: null })
    stop()
  })
})

import { describe, expect, it } from 'vitest'
import { handleEngineRequest } from './handle-request'
import { PROTOCOL_VERSION, type EngineRequest } from './protocol'

const request = (text: string): EngineRequest => ({ v: PROTOCOL_VERSION, type: 'analyze', id: 7, files: [{ name: 'manifest.yaml', text }] })

describe('handleEngineRequest', () => {
  it('answers analyze with the engine\'s analysis, the same id and the time taken', () => {
    const response = handleEngineRequest(request('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n'))
    expect(response).toMatchObject({ v: PROTOCOL_VERSION, type: 'analyzed', id: 7 })
    if (response.type !== 'analyzed') throw new Error('expected an analysis')
    expect(response.millis).toBeGreaterThanOrEqual(0)
    expect(response.analysis.documents).toHaveLength(1)
    // The answer crosses the worker boundary: it must survive structured cloning unchanged.
    expect(structuredClone(response)).toEqual(response)
  })

  it('reports problems in the text as diagnostics inside a successful answer', () => {
    const response = handleEngineRequest(request('kind: [unclosed\n'))
    expect(response.type).toBe('analyzed')
    if (response.type === 'analyzed') expect(response.analysis.diagnostics.some((d) => d.code === 'yaml-syntax')).toBe(true)
  })

  it('refuses another protocol version and unknown request types without throwing', () => {
    expect(handleEngineRequest({ ...request(''), v: 0 } as unknown as EngineRequest)).toMatchObject({
      type: 'failed', id: 7, error: { code: 'protocol-mismatch' },
    })
    expect(handleEngineRequest({ ...request(''), type: 'explode' } as unknown as EngineRequest)).toMatchObject({
      type: 'failed', error: { code: 'protocol-mismatch' },
    })
    expect(handleEngineRequest(undefined as unknown as EngineRequest)).toMatchObject({ type: 'failed', id: -1 })
  })

  it('turns an engine exception into a failed answer', () => {
    const response = handleEngineRequest({ ...request(''), files: null } as unknown as EngineRequest)
    expect(response).toMatchObject({ type: 'failed', id: 7, error: { code: 'engine-exception' } })
  })
})

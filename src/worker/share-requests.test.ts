import { describe, expect, it } from 'vitest'
import { decodeShareLink } from '../engine'
import { SEED_MANIFEST } from '../presets/seed'
import { handleEngineRequest } from './handle-request'
import { PROTOCOL_VERSION, type EngineResponse } from './protocol'

function encoded(includeSecrets: boolean): Extract<EngineResponse, { type: 'share-encoded' }> {
  const response = handleEngineRequest({ v: PROTOCOL_VERSION, type: 'share-encode', id: 7, payload: { source: SEED_MANIFEST, view: 'objects' }, includeSecrets })
  expect(response).toMatchObject({ type: 'share-encoded', id: 7 })
  return response as Extract<EngineResponse, { type: 'share-encoded' }>
}

describe('share requests', () => {
  it('redact Secret values by default, in the link and in the file', () => {
    const { share } = encoded(false)
    if (share.kind !== 'ready' || share.link.kind !== 'ok') throw new Error('expected a link')
    expect(share.redacted).toBe(2)
    const decoded = decodeShareLink(share.link.fragment)
    expect(decoded).toMatchObject({ kind: 'ok', payload: { view: 'objects', redactedSecrets: 2 } })
    const source = decoded.kind === 'ok' ? decoded.payload.source : ''
    expect(source).toContain('tls.crt: REDACTED')
    expect(source).not.toContain('LS0tLS1CRUdJTi')
    expect(share.file).toContain('tls.key: REDACTED')
    expect(share.file.startsWith('# ingress-studio: {"view":"objects","redactedSecrets":2}\n')).toBe(true)
  })

  it('keep Secret values when the user includes them', () => {
    const { share } = encoded(true)
    if (share.kind !== 'ready') throw new Error('expected a link')
    expect(share.redacted).toBe(0)
    expect(share.link.kind === 'ok' && decodeShareLink(share.link.fragment)).toMatchObject({ kind: 'ok', payload: { source: SEED_MANIFEST } })
  })

  it('make neither link nor file when the text cannot be redacted', () => {
    const response = handleEngineRequest({ v: PROTOCOL_VERSION, type: 'share-encode', id: 8, payload: { source: 'kind: Secret\ndata: {a: [x\n' }, includeSecrets: false })
    expect(response).toMatchObject({ type: 'share-encoded', share: { kind: 'refused', reason: 'unreadable' } })
    expect(JSON.stringify(response)).not.toContain('[x')
  })

  it('decode a link and read a scenario file', () => {
    expect(handleEngineRequest({ v: PROTOCOL_VERSION, type: 'share-decode', id: 1, fragment: '#v2.%%' })).toMatchObject({
      type: 'share-decoded',
      result: { kind: 'error', code: 'bad-characters' },
    })
    expect(handleEngineRequest({ v: PROTOCOL_VERSION, type: 'scenario-read', id: 2, text: 'kind: Service\n' })).toMatchObject({
      type: 'scenario-read',
      result: { kind: 'ok', payload: { source: 'kind: Service\n' } },
    })
  })
})

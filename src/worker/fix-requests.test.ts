import { describe, expect, it } from 'vitest'
import { analyze } from '../engine'
import { SEED_MANIFEST } from '../presets/seed'
import { handleEngineRequest } from './handle-request'
import { PROTOCOL_VERSION } from './protocol'

const files = [{ name: 'manifest.yaml', text: SEED_MANIFEST }]

describe('quick-fixes and migrate requests', () => {
  it('answers the fixes at a diagnostic as plain titles and edits', () => {
    const prestop = analyze(files).diagnostics.find((d) => d.code === 'prestop-missing')!
    const response = handleEngineRequest({ v: PROTOCOL_VERSION, type: 'quick-fixes', id: 3, files, target: { file: 'manifest.yaml', code: 'prestop-missing', span: prestop.span } })
    expect(response).toMatchObject({ type: 'quick-fixes', id: 3 })
    const fixes = response.type === 'quick-fixes' ? response.fixes : []
    expect(fixes).toHaveLength(2)
    expect(structuredClone(fixes)).toEqual(fixes)
    expect(fixes[0]?.edits[0]?.text).toContain('sleep:')
  })

  it('answers the converted files', () => {
    const response = handleEngineRequest({ v: PROTOCOL_VERSION, type: 'migrate', id: 4, files })
    expect(response).toMatchObject({ type: 'migrated', id: 4, result: { files: [{ name: 'manifest.yaml', changed: true }] } })
  })
})

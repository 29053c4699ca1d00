import { describe, expect, it } from 'vitest'
import { websampleManifest } from '../../presets/websample-manifest'
import { analyze } from '../analyze'
import { refuseRejectedInput } from './rejected-input'

const diagnosticsOf = (text: string) => analyze([{ name: 'manifest.yaml', text }]).diagnostics

describe('refuseRejectedInput', () => {
  it('lets a manifest with a lint error be simulated', () => {
    expect(refuseRejectedInput(diagnosticsOf(websampleManifest('over grace', { preStopSeconds: 40, graceSeconds: 30 })))).toBeNull()
  })

  it('refuses what the API server would reject, one problem per error, with its line', () => {
    const zero = websampleManifest('zero', { strategy: '  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n' })
    expect(refuseRejectedInput(diagnosticsOf(zero))).toEqual({
      kind: 'invalid',
      deployment: null,
      problems: [{ code: 'rollout-rejected-input', message: expect.stringMatching(/^The API server would reject this manifest \(line 14\): spec\.strategy\.rollingUpdate\.maxUnavailable: Invalid value: 0/) }],
    })
  })
})

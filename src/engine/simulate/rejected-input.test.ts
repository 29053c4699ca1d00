import { describe, expect, it } from 'vitest'
import { websampleManifest } from '../../presets/websample-manifest'
import { analyze } from '../analyze'
import { formatMessage } from '../messages/render'
import { refuseRejectedInput } from './rejected-input'

const diagnosticsOf = (text: string) => analyze([{ name: 'manifest.yaml', text }]).diagnostics

describe('refuseRejectedInput', () => {
  it('lets a manifest with a lint error be simulated', () => {
    expect(refuseRejectedInput(diagnosticsOf(websampleManifest('over grace', { preStopSeconds: 40, graceSeconds: 30 })))).toBeNull()
  })

  it('refuses what the API server would reject, one problem per error, with its line', () => {
    const zero = websampleManifest('zero', { strategy: '  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n' })
    const diagnostics = diagnosticsOf(zero)
    const refusal = refuseRejectedInput(diagnostics)
    expect(refusal).toMatchObject({
      kind: 'invalid',
      deployment: null,
      problems: [{ code: 'rollout-rejected-input', message: expect.stringMatching(/^The API server would reject this manifest \(line 14\): spec\.strategy\.rollingUpdate\.maxUnavailable: Invalid value: 0/) }],
    })
    // The diagnostic's own message is inside, so the refusal reads in the reader's language with it.
    const [problem] = refusal!.problems
    expect(problem!.text).toEqual({ id: 'rollout-rejected-input', params: { line: 14, detail: diagnostics.find((d) => d.start.line === 14)!.text } })
    expect(formatMessage(problem!.text, 'ko')).toMatch(/^API 서버가 이 매니페스트를 거부합니다\(14번째 줄\): /)
  })
})

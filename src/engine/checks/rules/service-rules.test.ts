import { describe, expect, it } from 'vitest'
import { analyzeText } from '../../testing/analyze-text'
import { applyFix, codesOf } from '../../testing/quick-fixes'
import { HEALTHY, stack } from '../../testing/stack'

describe('service-selects-nothing', () => {
  it('fires at the selector when no pod template has its labels', () => {
    expect(analyzeText(stack({ container: HEALTHY, selects: 'wbe' })).of('service-selects-nothing')).toEqual([expect.objectContaining({ text: 'selector' })])
  })

  it('does not fire when pods match, or when the manifests hold no workload in the namespace', () => {
    expect(codesOf(stack({ container: HEALTHY }))).not.toContain('service-selects-nothing')
    const lone = 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  selector: {app: db}\n  ports: [{port: 5432}]\n'
    expect(codesOf(lone)).not.toContain('service-selects-nothing')
  })

  it('fixes by selecting the pods of the Deployment with the same name', () => {
    const fixed = applyFix(stack({ container: HEALTHY, selects: 'wbe' }), 'service-selects-nothing')
    expect(fixed).toContain('  selector:\n    app: web\n  ports:')
    expect(codesOf(fixed)).not.toContain('service-selects-nothing')
  })
})

describe('service-target-port-missing', () => {
  const other = (port: string) => stack({ container: HEALTHY }).replace('targetPort: http', `targetPort: ${port}`)
  it('fires at a named targetPort no selected container defines', () => {
    expect(analyzeText(other('grpc')).of('service-target-port-missing')).toEqual([expect.objectContaining({ text: 'grpc' })])
  })

  it('fixes by targeting the only container port', () => {
    const fixed = applyFix(other('grpc'), 'service-target-port-missing')
    expect(fixed).toContain('    targetPort: http\n')
    expect(codesOf(fixed)).not.toContain('service-target-port-missing')
  })

  it('does not fire for a defined name or a number', () => {
    expect(codesOf(stack({ container: HEALTHY }))).not.toContain('service-target-port-missing')
    expect(codesOf(other('9999'))).not.toContain('service-target-port-missing')
  })
})

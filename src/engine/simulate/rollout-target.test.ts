import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze'
import { SEED_MANIFEST } from '../../presets/seed'
import { findRolloutTarget } from './rollout-target'

describe('findRolloutTarget', () => {
  const { model } = analyze([{ name: 'manifest.yaml', text: SEED_MANIFEST }])
  const byName = (name: string) => model.deployments.find((d) => d.meta.name === name)!

  it('aims at the Ingress host and path that route to the Service selecting the pods', () => {
    expect(findRolloutTarget(model, byName('websample'))).toMatchObject({ url: 'http://127.0.0.1.xip.io/' })
    expect(findRolloutTarget(model, byName('s1')).url).toBe('http://foo.bar.com/foos1')
  })

  it('falls back to the Service, then to the Deployment name', () => {
    const noIngress = { ...model, ingresses: [] }
    expect(findRolloutTarget(noIngress, byName('websample')).url).toBe('http://websample.default.svc.cluster.local:5000/')
    expect(findRolloutTarget({ ...noIngress, services: [] }, byName('websample'))).toEqual({ url: 'http://websample/' })
  })
})

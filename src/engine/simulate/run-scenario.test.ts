import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze'
import { SEED_FILE_NAME, SEED_MANIFEST } from '../../presets/seed'
import { listRolloutCandidates, pickDefaultDeployment, simulateScenario, type ScenarioStage } from './run-scenario'

const seed = analyze([{ name: SEED_FILE_NAME, text: SEED_MANIFEST }]).model

describe('listRolloutCandidates and pickDefaultDeployment', () => {
  it('lists the seed\'s Deployments with their images and target URLs', () => {
    expect(listRolloutCandidates(seed).map((c) => [c.key, c.replicas, c.image, c.url])).toEqual([
      ['default/s1', 2, 'hashicorp/http-echo:1.0', 'http://foo.bar.com/foos1'],
      ['default/s2', 2, 'hashicorp/http-echo:1.0', 'http://foo.bar.com/bars2'],
      ['default/websample', 1, 'acadx0/190713:v1', 'http://127.0.0.1.xip.io/'],
    ])
  })

  it('picks websample, the one with an Ingress, a preStop hook and a readiness probe', () => {
    expect(pickDefaultDeployment(seed)).toBe('default/websample')
  })

  it('picks nothing without Deployments, and the first of equals', () => {
    const empty = analyze([{ name: 'a.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n' }]).model
    expect(pickDefaultDeployment(empty)).toBeNull()
    const twins = analyze([{ name: 'a.yaml', text: SEED_MANIFEST.split('---').filter((d) => /name: s[12]\n/.test(d) && /kind: Deployment/.test(d)).join('---') }]).model
    expect(pickDefaultDeployment(twins)).toBe('default/s1')
  })
})

describe('simulateScenario', () => {
  it('runs the default Deployment, reporting its stages in order, with its view', () => {
    const stages: ScenarioStage[] = []
    const outcome = simulateScenario({ model: seed, deployment: null, parameters: { preStopHttpSeconds: 5 } }, (s) => stages.push(s))
    expect(stages).toEqual(['simulate', 'summarize'])
    expect(outcome.kind).toBe('ok')
    if (outcome.kind !== 'ok') return
    expect(outcome.deployment).toBe('default/websample')
    expect(outcome.result.failures.total).toBe(0)
    expect(outcome.view.endMs).toBe(outcome.result.timeline.endMs)
  })

  it('names the parameter that is out of range, before simulating', () => {
    const stages: ScenarioStage[] = []
    const outcome = simulateScenario({ model: seed, deployment: 'default/websample', parameters: { rps: -1, retries: 1.5 } }, (s) => stages.push(s))
    expect(stages).toEqual([])
    expect(outcome).toMatchObject({ kind: 'invalid', deployment: 'default/websample' })
    if (outcome.kind !== 'invalid') return
    expect(outcome.problems.map((p) => [p.code, p.parameter])).toEqual([
      ['rollout-invalid-parameter', 'rps'],
      ['rollout-invalid-parameter', 'retries'],
    ])
  })

  it.each([
    [null, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', 'rollout-no-deployment'],
    ['default/nope', SEED_MANIFEST, 'rollout-unknown-deployment'],
  ])('explains a missing Deployment (%s)', (deployment, text, code) => {
    const model = analyze([{ name: 'a.yaml', text }]).model
    const outcome = simulateScenario({ model, deployment, parameters: {} })
    expect(outcome.kind).toBe('invalid')
    if (outcome.kind === 'invalid') expect(outcome.problems.map((p) => p.code)).toEqual([code])
  })

  it('passes a spec the API server would reject back as a problem', () => {
    const text = SEED_MANIFEST.replace('maxSurge: 25%\n      maxUnavailable: 25%', 'maxSurge: 0\n      maxUnavailable: 0')
    const model = analyze([{ name: SEED_FILE_NAME, text }]).model
    const outcome = simulateScenario({ model, deployment: 'default/websample', parameters: {} })
    expect(outcome.kind).toBe('invalid')
    if (outcome.kind === 'invalid') expect(outcome.problems.map((p) => p.code)).toContain('surge-and-unavailable-zero')
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import type { SharePayload } from '../engine'
import { applyScenario, applySections, collectScenario, toShareRequest, toTestDraft } from './share-sections'
import { useStudioStore } from './store'

const initial = useStudioStore.getState()
beforeEach(() => useStudioStore.setState(initial, true))

const full: SharePayload = {
  source: 'kind: Service\n',
  view: 'rules',
  tester: { requests: [{ url: 'http://foo.bar.com/foos1', method: 'POST', headers: { 'X-Canary': 'always' }, cookies: { session: 'a' } }] },
  simulation: { deployment: 'default/websample', parameters: { rps: 20, sigterm: 'immediate' } },
  rules: { 'prestop-missing': { enabled: false } },
  preset: { id: 'tls', step: 2 },
}

describe('scenario sections', () => {
  it('apply a payload to the store and collect the same payload back', () => {
    applyScenario(full)
    expect(collectScenario()).toEqual(full)
  })

  it('reset sections a payload does not carry, so the receiver sees exactly the sender\'s scenario', () => {
    applyScenario(full)
    applyScenario({ source: 'a: 1\n' })
    expect(collectScenario()).toEqual({ source: 'a: 1\n', view: 'rules' })
  })

  it('let a guided step change only what it names', () => {
    applyScenario(full)
    applySections({ simulation: { parameters: { retries: 2 } } })
    expect(collectScenario()).toEqual({ ...full, simulation: { parameters: { retries: 2 } } })
  })

  it('carry the Gateway the tester goes through, and forget it for a request shared without one', () => {
    const throughGateway: SharePayload = { ...full, tester: { requests: [{ url: 'http://a.example/', method: 'PUT' }], gateway: 'infra/gw' } }
    applyScenario(throughGateway)
    expect(useStudioStore.getState().testDraft.router).toEqual({ router: 'gateway', gateway: 'infra/gw' })
    expect(collectScenario()).toEqual(throughGateway)
    applyScenario(full)
    expect(useStudioStore.getState().testDraft.router).toBeUndefined()
    expect(collectScenario()).toEqual(full)
  })

  it('write no Gateway for ingress-nginx, chosen or by default', () => {
    applyScenario(full)
    useStudioStore.setState({ testDraft: { ...useStudioStore.getState().testDraft, router: { router: 'ingress-nginx' } } })
    expect(collectScenario().tester).toEqual(full.tester)
  })

  it('convert tester forms without empty rows', () => {
    const draft = { method: 'GET', url: 'http://a/', headers: [{ name: ' X ', value: '1' }, { name: '', value: 'junk' }], cookies: [] }
    expect(toShareRequest(draft)).toEqual({ url: 'http://a/', headers: { X: '1' } })
    expect(toTestDraft({ url: 'http://a/' })).toEqual({ method: 'GET', url: 'http://a/', headers: [], cookies: [] })
  })
})

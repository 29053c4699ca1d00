import { describe, expect, it } from 'vitest'
import { twoRouteState } from './two-routes'

const ingress = { nodes: ['controller', 'host', 'path', 'svc'], edges: [], end: 'svc' }
const gateway = { nodes: ['gateway', 'listener', 'route', 'rule', 'svc'], edges: [], end: 'rule' }

describe('two routes in one graph', () => {
  it('says which route a node is on, where each ends, and fades the rest', () => {
    const both = { ingress, gateway }
    expect(twoRouteState(both, 'path')).toEqual({ lit: 'lit', side: 'ingress' })
    expect(twoRouteState(both, 'listener')).toEqual({ lit: 'lit', side: 'gateway' })
    expect(twoRouteState(both, 'svc')).toEqual({ lit: 'end', side: 'both' })
    expect(twoRouteState(both, 'rule')).toEqual({ lit: 'end', side: 'gateway' })
    expect(twoRouteState(both, 'other')).toEqual({ lit: 'faded', side: null })
  })
  it('nothing lit before the routes arrive; one route alone still lights', () => {
    expect(twoRouteState({ ingress: null, gateway: null }, 'svc')).toEqual({ lit: 'none', side: null })
    expect(twoRouteState({ ingress: null, gateway }, 'gateway')).toEqual({ lit: 'lit', side: 'gateway' })
  })
})

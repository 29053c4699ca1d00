import { describe, expect, it } from 'vitest'
import type { GatewayRouteResult, RouteResult } from '../../engine'
import { gatewayValue, ingressValue, NONE } from './difference-fields'

const ingress = { status: 200, service: 's1', port: 80, namespace: 'default', host: 'foo.bar.com', rewrittenPath: '/', location: null } as unknown as RouteResult
const gateway = { status: 404, service: null, port: null, namespace: null, host: 'foo.bar.com', rewrittenPath: null, rewrittenHost: null, location: null } as unknown as GatewayRouteResult

describe('difference fields', () => {
  it('reads each side of a compared field', () => {
    expect([ingressValue(ingress, 'status'), gatewayValue(gateway, 'status')]).toEqual(['200', '404'])
    expect([ingressValue(ingress, 'service'), gatewayValue(gateway, 'service')]).toEqual(['default/s1', NONE])
    expect([ingressValue(ingress, 'rewrittenPath'), gatewayValue(gateway, 'rewrittenPath')]).toEqual(['/', NONE])
    expect(ingressValue(ingress, 'port')).toBe('80')
  })
  it('reads the upstream Host: the rewritten one through a Gateway, none when nothing was proxied', () => {
    expect(gatewayValue({ ...gateway, service: 's1', rewrittenHost: 'internal' } as GatewayRouteResult, 'host')).toBe('internal')
    expect(gatewayValue(gateway, 'host')).toBe(NONE)
    expect(ingressValue({ ...ingress, upstreamHost: 'up' } as RouteResult, 'host')).toBe('up')
    expect(ingressValue(ingress, 'host')).toBe('foo.bar.com')
  })
})

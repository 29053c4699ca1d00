import { describe, expect, it } from 'vitest'
import { formatMessage } from '../messages/render'
import { joinDocuments } from '../testing/manifests'
import { modelOf } from '../testing/models'
import { compileGateways } from './compile-gateways'
import { pickGateway } from './pick-gateway'

function gateway(name: string, namespace = 'default'): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  gatewayClassName: studio
  listeners: [{name: http, port: 80, protocol: HTTP}]
`
}

function problemOf(result: ReturnType<typeof pickGateway>): string {
  return 'problem' in result ? formatMessage(result.problem) : `gateway ${result.gateway}`
}

describe('pickGateway (the CLI\'s --gateway and the URL tester)', () => {
  const one = compileGateways(modelOf(gateway('gw')))
  const two = compileGateways(modelOf(joinDocuments(gateway('gw'), gateway('edge', 'infra'))))
  const none = compileGateways(modelOf(''))

  it('takes the only Gateway when the input holds no Ingress', () => {
    expect(pickGateway(one, 0)).toEqual({ gateway: 'default/gw' })
  })

  it('takes a requested Gateway of the input, whatever else it holds', () => {
    expect(pickGateway(two, 3, 'infra/edge')).toEqual({ gateway: 'infra/edge' })
  })

  it('explains every other case and lists the choices', () => {
    expect(problemOf(pickGateway(two, 0, 'default/nope'))).toBe('The input holds no Gateway default/nope; its Gateways: default/gw, infra/edge.')
    expect(problemOf(pickGateway(none, 0, 'default/gw'))).toBe('The input holds no Gateway default/gw; it holds no Gateway at all.')
    expect(problemOf(pickGateway(none, 0))).toBe('The input holds no Gateway.')
    expect(problemOf(pickGateway(two, 0))).toBe('The input holds 2 Gateways; name the one to route through: default/gw, infra/edge.')
    expect(problemOf(pickGateway(one, 1))).toBe('The input holds Gateway default/gw and 1 Ingress; name the Gateway to route through it.')
  })
})

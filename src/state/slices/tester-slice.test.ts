import { beforeEach, describe, expect, it } from 'vitest'
import type { GatewayChoice, RouteView } from '../../engine'
import { useStudioStore } from '../store'
import { INGRESS_NGINX, routerKey, routerOfKey, selectTestRouter, type TesterRouter } from './tester-slice'

const initial = useStudioStore.getState()
beforeEach(() => useStudioStore.setState(initial, true))

const GW: TesterRouter = { router: 'gateway', gateway: 'infra/gw' }

/** A route view that offers these Gateways (the rest of the view does not matter to the chooser). */
function offer(...keys: string[]): void {
  const gateways: GatewayChoice[] = keys.map((key) => ({ key, listeners: [] }))
  const routeView = { view: { gateways } as unknown as RouteView } as unknown as ReturnType<typeof useStudioStore.getState>['routeView']
  useStudioStore.setState({ routeView })
}

describe('the tester\'s router', () => {
  it('names each router with one key and reads it back', () => {
    for (const router of [INGRESS_NGINX, GW, { router: 'gateway', gateway: 'a/gateway:with-colon' } as const]) expect(routerOfKey(routerKey(router))).toEqual(router)
    expect(routerKey(GW)).not.toBe(routerKey(INGRESS_NGINX))
  })

  it('shows the default until the form chooses, and the form\'s choice while the input offers it', () => {
    offer('infra/gw', 'infra/other')
    useStudioStore.setState({ testDefaultRouter: { router: 'gateway', gateway: 'infra/other' } })
    expect(selectTestRouter(useStudioStore.getState())).toEqual({ router: 'gateway', gateway: 'infra/other' })
    useStudioStore.setState({ testDraft: { ...useStudioStore.getState().testDraft, router: GW } })
    expect(selectTestRouter(useStudioStore.getState())).toEqual(GW)
    useStudioStore.setState({ testDraft: { ...useStudioStore.getState().testDraft, router: INGRESS_NGINX } })
    expect(selectTestRouter(useStudioStore.getState())).toEqual(INGRESS_NGINX)
  })

  it('goes back to the default when the chosen Gateway leaves the text', () => {
    offer('infra/gw')
    useStudioStore.setState({ testDraft: { ...useStudioStore.getState().testDraft, router: GW } })
    offer('infra/renamed')
    expect(selectTestRouter(useStudioStore.getState())).toEqual(INGRESS_NGINX)
  })
})

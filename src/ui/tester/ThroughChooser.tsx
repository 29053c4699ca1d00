/**
 * What the URL tester sends a request through, shown when the input has Gateways: ingress-nginx (when the input
 * has Ingresses, or it is the default) and each Gateway with its listeners. The choice starts at the worker's
 * default (`testDefaultRouter`: the engine's `pickGateway`); the UI never picks a Gateway itself.
 */
import { useTranslation } from 'react-i18next'
import type { GatewayChoice } from '../../engine'
import { sendTest } from '../../state/route-sync'
import { routerKey, routerOfKey, selectTestRouter, type TesterRouter } from '../../state/slices/tester-slice'
import { useStudioStore } from '../../state/store'
import { updateTestDraft } from '../../state/tester-actions'
import { TID } from '../test-ids'

const NO_GATEWAYS: readonly GatewayChoice[] = []

/** `HTTP 80, HTTPS 443 *.example.com`: each listener's protocol, port and hostname. */
export function listenersSummary(choice: GatewayChoice): string {
  return choice.listeners.map((listener) => `${listener.protocol} ${listener.port}${listener.hostname ? ` ${listener.hostname}` : ''}`).join(', ')
}

export function ThroughChooser() {
  const { t } = useTranslation('tester')
  const gateways = useStudioStore((state) => state.routeView?.view.gateways ?? NO_GATEWAYS)
  const router = useStudioStore(selectTestRouter)
  const ingresses = useStudioStore((state) => state.analysis?.model.ingresses.length ?? 0)
  if (gateways.length === 0) return null
  // A request on screen is tested again through the new choice at once.
  const choose = (next: TesterRouter) => {
    updateTestDraft({ router: next })
    const { testOutcome, testDraft } = useStudioStore.getState()
    if (testOutcome && testDraft.url.trim() !== '') void sendTest(testDraft)
  }
  const offerIngress = ingresses > 0 || router.router === 'ingress-nginx'
  return (
    <label className="through-chooser" data-testid={TID.testerThrough}>
      <span className="through-label">{t('through')}</span>
      <select
        className="through-select"
        value={routerKey(router)}
        aria-label={t('throughLabel')}
        onChange={(event) => choose(routerOfKey(event.target.value))}
      >
        {offerIngress && <option value="ingress-nginx">{t('throughIngress')}</option>}
        {gateways.map((gateway) => (
          <option key={gateway.key} value={routerKey({ router: 'gateway', gateway: gateway.key })}>
            {t('throughGateway', { gateway: gateway.key, listeners: listenersSummary(gateway) || t('noListeners') })}
          </option>
        ))}
      </select>
    </label>
  )
}

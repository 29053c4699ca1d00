/** Every transcribed conformance test, by topic (docs/gateway-api.md#conformance). */
import type { ConformanceScenario } from '../scenario-types'
import { filterScenarios } from './filters'
import { gatewayScenarios } from './gateways'
import { hostnameScenarios } from './hostnames'
import { matchingScenarios } from './matching'
import { redirectScenarios } from './redirects'
import { referenceScenarios } from './references'

export const CONFORMANCE_SCENARIOS: readonly ConformanceScenario[] = [
  ...matchingScenarios,
  ...hostnameScenarios,
  ...filterScenarios,
  ...redirectScenarios,
  ...referenceScenarios,
  ...gatewayScenarios,
]

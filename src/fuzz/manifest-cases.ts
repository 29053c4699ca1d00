/**
 * Whole manifest files for one fuzz case: a routable scenario (Ingress, Service, Deployment and friends) most of
 * the time, damaged at the text level in many, raw junk or an oversized file in a few.
 */
import { gatewayScenario } from './gateway-objects'
import { anyObject, configMapObject, deploymentObject, ingressClassObject, ingressObject, serviceObject } from './manifest-objects'
import { filesText, junkText, mutateText, oversizedText } from './manifest-text'
import type { Rng } from './rng'
import { secretDocument } from './secret-documents'

/** Objects that route and roll out together (through an Ingress, a Gateway or both), plus extras of any kind. */
export function scenarioObjects(rng: Rng): unknown[] {
  const objects: unknown[] = []
  // A Gateway API scenario in some cases, without an Ingress in most of those so `route` takes the Gateway.
  const gateway = rng.chance(0.3)
  if (gateway) objects.push(...gatewayScenario(rng))
  if (rng.chance(gateway ? 0.25 : 0.85)) objects.push(ingressObject(rng))
  if (rng.chance(0.75)) objects.push(serviceObject(rng))
  if (rng.chance(0.75)) objects.push(deploymentObject(rng))
  if (rng.chance(0.2)) objects.push(ingressObject(rng))
  if (rng.chance(0.15)) objects.push(ingressClassObject(rng))
  if (rng.chance(0.1)) objects.push(configMapObject(rng))
  for (let i = rng.weighted([[6 + 20 * (1 - rng.hostility), 0], [3, 1], [1, 4]] as const); i > 0; i--) objects.push(anyObject(rng))
  return objects
}

/** The text of one manifest file: usually readable, often damaged, sometimes junk or oversized. */
export function manifestText(rng: Rng): string {
  if (rng.rare(0.03)) return junkText(rng)
  let text = filesText(rng, scenarioObjects(rng))
  // Now and then a Secret too, so every command meets one.
  if (rng.chance(0.1)) text += `---\n${secretDocument(rng).text}`
  text = mutateText(rng, text, rng.weighted([[5 + 100 * (1 - rng.hostility), 0], [3, 1], [2, 3]] as const))
  if (rng.rare(0.004)) text = oversizedText(rng, text)
  return text
}

/**
 * The guided-steps bar, loaded when a preset opens with the presets' texts: its code brings the presets'
 * manifests, which the first paint does without (issue 18: initial JavaScript).
 */
import { lazy, Suspense } from 'react'
import { useStudioStore } from '../../state/store'
import { loadEnglishNamespace } from '../i18n'

const GuidedSteps = lazy(() => Promise.all([import('./GuidedSteps'), loadEnglishNamespace('presets')]).then(([module]) => ({ default: module.GuidedSteps })))

export function LazyGuidedSteps() {
  const open = useStudioStore((state) => state.activePreset !== null)
  if (!open) return null
  return (
    <Suspense fallback={null}>
      <GuidedSteps />
    </Suspense>
  )
}

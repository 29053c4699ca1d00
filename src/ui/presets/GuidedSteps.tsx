/**
 * The guided-steps bar of an open preset: where the class is (step n of m), the step's text, and previous /
 * next (also PageUp / PageDown, which presentation clickers send). Entering a step applies its effect.
 */
import { useTranslation } from 'react-i18next'
import { findPreset } from '../../presets/gallery'
import { closePresetSteps, stepPreset } from '../../state/presets'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'

export function GuidedSteps() {
  const { t } = useTranslation(['presets', 'classroom'])
  const active = useStudioStore((state) => state.activePreset)
  const preset = active ? findPreset(active.id) : undefined
  if (!active || !preset) return null
  const total = preset.steps.length
  const steps = t(`${preset.id}.steps`, { returnObjects: true }) as unknown
  const text = Array.isArray(steps) ? String(steps[active.step] ?? '') : ''
  return (
    <section className="guided-steps" aria-label={t('classroom:guide.label')} data-testid={TID.guidedSteps} data-step={active.step}>
      <div className="guide-head">
        <strong className="guide-title">{t(`${preset.id}.title`)}</strong>
        <span className="guide-count" aria-live="polite">{t('classroom:guide.stepOf', { step: active.step + 1, total })}</span>
        <ol className="guide-dots" aria-hidden="true">
          {preset.steps.map((_, index) => (
            <li key={index} className={index === active.step ? 'is-current' : index < active.step ? 'is-done' : ''} />
          ))}
        </ol>
      </div>
      <p className="guide-text" data-testid={TID.guidedStepText}>{text}</p>
      <div className="guide-actions">
        <button type="button" className="button" disabled={active.step === 0} onClick={() => stepPreset(-1)}>{t('classroom:guide.previous')}</button>
        <button type="button" className="button button-primary" disabled={active.step >= total - 1} onClick={() => stepPreset(1)}>{t('classroom:guide.next')}</button>
        <button type="button" className="icon-button" aria-label={t('classroom:guide.close')} onClick={closePresetSteps}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </div>
    </section>
  )
}

/** The key to the pod lanes: what each colour, strip and mark means (a class needs it on the projector). */
import { useTranslation } from 'react-i18next'
import { KEYED_PHASES, PHASE_DISPLAY, phaseColor } from '../common/phase-display'

export function LanesKey() {
  const { t } = useTranslation('timeline')
  return (
    <ul className="lanes-key" aria-label={t('key.title')}>
      {KEYED_PHASES.map((phase) => (
        <li key={phase}>
          <span className="key-bar" style={{ background: phaseColor(phase) }} aria-hidden="true" />
          {t(PHASE_DISPLAY[phase].labelKey)}
        </li>
      ))}
      <li>
        <span className="key-strip endpoint" aria-hidden="true" />
        {t('key.endpoint')}
      </li>
      <li>
        <span className="key-strip ingress" aria-hidden="true" />
        {t('key.ingress')}
      </li>
      <li>
        <span className="key-tick ok" aria-hidden="true" />
        <span className="key-tick fail" aria-hidden="true" />
        {t('key.probes')}
      </li>
      <li>
        <span className="key-cross" aria-hidden="true">×</span>
        {t('key.kill')}
      </li>
      <li>
        <span className="key-failure" aria-hidden="true" />
        {t('key.failure')}
      </li>
    </ul>
  )
}

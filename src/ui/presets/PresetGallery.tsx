/** The preset gallery: the chapter's scenarios, then the variants to learn from, each opening as a new scenario. */
import { useTranslation } from 'react-i18next'
import { PRESETS, type Preset, type PresetGroup } from '../../presets/gallery'
import { closeDialog } from '../../state/display'
import { openPreset } from '../../state/presets'
import { Dialog } from '../common/Dialog'
import { TID } from '../test-ids'
import './presets.css'

const GROUPS: readonly PresetGroup[] = ['chapter', 'variants']

function PresetCard({ preset }: { readonly preset: Preset }) {
  const { t } = useTranslation(['presets', 'classroom'])
  const title = t(`${preset.id}.title`)
  return (
    <li className="preset-card" data-testid={TID.presetCard} data-preset={preset.id}>
      <h4>{title}</h4>
      <p className="preset-summary">{t(`${preset.id}.summary`)}</p>
      <p className="preset-explanation">{t(`${preset.id}.explanation`)}</p>
      <p className="preset-footer">
        <span className="muted">{t('classroom:presets.steps', { count: preset.steps.length })}</span>
        <button
          type="button"
          className="button button-primary"
          aria-label={t('classroom:presets.open', { title })}
          onClick={() => {
            openPreset(preset.id, title)
            closeDialog()
          }}
        >
          {t('classroom:presets.openShort')}
        </button>
      </p>
    </li>
  )
}

export function PresetGallery() {
  const { t } = useTranslation('classroom')
  return (
    <Dialog title={t('presets.dialogTitle')} onClose={closeDialog} closeLabel={t('presets.close')} className="preset-dialog" testId={TID.presetGallery}>
      <p className="dialog-intro">{t('presets.intro')}</p>
      {GROUPS.map((group) => (
        <section key={group} className="preset-group" aria-labelledby={`preset-group-${group}`}>
          <h3 id={`preset-group-${group}`}>{t(`presets.group.${group}`)}</h3>
          <ul className="preset-grid">
            {PRESETS.filter((preset) => preset.group === group).map((preset) => (
              <PresetCard key={preset.id} preset={preset} />
            ))}
          </ul>
        </section>
      ))}
    </Dialog>
  )
}

/**
 * "Migrate to Gateway API", in the editor's header while the manifest holds Ingresses: opens the migration view
 * (the converted manifests beside the user's editor, the conversion's findings, parity). Small and eager: the
 * view itself and Monaco load when it opens. Where the header is narrow (1280 px, beside "Convert to current API
 * versions") it shows its icon alone, its name in its label and title.
 */
import { useTranslation } from 'react-i18next'
import { openMigration } from '../../state/migration-sync'
import { useStudioStore } from '../../state/store'
import './migrate-button.css'

export function MigrateButton() {
  const { t } = useTranslation('migrate')
  const ingresses = useStudioStore((state) => state.analysis?.model.ingresses.length ?? 0)
  const active = useStudioStore((state) => state.activeView === 'migration')
  if (ingresses === 0) return null
  return (
    <button type="button" className="button migrate-button" aria-pressed={active} onClick={openMigration} aria-label={t('open')} title={t('openTitle')}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M2 5h9M8 2l3 3-3 3M14 11H5M8 8l-3 3 3 3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="migrate-label">{t('openShort')}</span>
    </button>
  )
}

/**
 * "Migrate to Gateway API", in the editor's header while the manifest holds Ingresses: opens the migration view
 * (the converted manifests beside the user's editor, the conversion's findings, parity). Small and eager: the
 * view itself and Monaco load when it opens.
 */
import { useTranslation } from 'react-i18next'
import { openMigration } from '../../state/migration-sync'
import { useStudioStore } from '../../state/store'

export function MigrateButton() {
  const { t } = useTranslation('migrate')
  const ingresses = useStudioStore((state) => state.analysis?.model.ingresses.length ?? 0)
  const active = useStudioStore((state) => state.activeView === 'migration')
  if (ingresses === 0) return null
  return (
    <button type="button" className="button migrate-button" aria-pressed={active} onClick={openMigration} title={t('openTitle')}>
      {t('open')}
    </button>
  )
}

import { useTranslation } from 'react-i18next'
import { setMigrationOptions } from '../../state/migration-sync'
import { useStudioStore } from '../../state/store'

/** The conversion's options: the Gateway the routes attach to and its class (empty: the converter's defaults). */
export function MigrationOptions() {
  const { t } = useTranslation('migrate')
  const options = useStudioStore((state) => state.migrationOptions)
  const gateway = useStudioStore((state) => (state.migration?.answer.kind === 'done' ? state.migration.answer.conversion.gateway : null))
  return (
    <span className="migration-options">
      <label className="migration-option">
        <span>{t('options.gateway')}</span>
        <input type="text" value={options.gateway} placeholder={gateway ?? 'default/ingress-nginx'} spellCheck={false}
          onChange={(event) => setMigrationOptions({ ...options, gateway: event.target.value })} title={t('options.gatewayTitle')} />
      </label>
      <label className="migration-option">
        <span>{t('options.class')}</span>
        <input type="text" className="is-short" value={options.gatewayClass} placeholder="nginx" spellCheck={false}
          onChange={(event) => setMigrationOptions({ ...options, gatewayClass: event.target.value })} title={t('options.classTitle')} />
      </label>
    </span>
  )
}

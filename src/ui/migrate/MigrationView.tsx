/**
 * The migration to Gateway API (docs/migration.md#studio): the text's Ingresses converted (read-only, beside the
 * user's editor), the conversion's findings, the options, Copy / Download / Add to editor, and the parity of the
 * two routers request by request. Follows the text while it is shown (state/migration-sync.ts).
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { revealInEditor } from '../../state/actions'
import { addConversionToEditor, closeMigration, retryMigration, setMigrationSection } from '../../state/migration-sync'
import { useStudioStore } from '../../state/store'
import { describeEngineFailure } from '../common/EngineFailureNotice'
import { EngineMessage } from '../i18n/EngineMessage'
import { ConversionPanel } from './ConversionPanel'
import { MigrationOptions } from './MigrationOptions'
import { ParityPanel } from './ParityPanel'
import './migrate.css'

export function MigrationView() {
  const { t } = useTranslation('migrate')
  const migration = useStudioStore((state) => state.migration)
  const status = useStudioStore((state) => state.migrationStatus)
  const failure = useStudioStore((state) => state.migrationFailure)
  const current = useStudioStore((state) => state.migration !== null && state.migration.revision === state.revision && state.migration.options === state.migrationOptions)
  const section = useStudioStore((state) => state.migrationSection)
  const answer = migration?.answer ?? null
  const differences = answer?.kind === 'done' && !('problem' in answer.parity) ? answer.parity.differences.length : null
  return (
    <section className="migration-view" data-testid="migration-view" aria-label={t('title')} aria-busy={status === 'pending'} data-current={current}>
      {answer?.kind !== 'done' && (
        <div className="migration-tabs">
          <MigrationOptions />
          <MigrationActions />
        </div>
      )}
      {status === 'failed' && failure && (
        <div className="engine-failure" role="alert">
          <span>{t('failed', { reason: describeEngineFailure(t, failure) })}</span>
          <button type="button" className="button" onClick={retryMigration}>{t('retry')}</button>
        </div>
      )}
      {!answer && status !== 'failed' && <p className="empty">{t('working')}</p>}
      {answer?.kind === 'rejected' && (
        <div className="migration-rejected" role="alert">
          <p>{t('rejected')}</p>
          <ul>
            {answer.diagnostics.map((diagnostic, index) => (
              <li key={index}>
                <button type="button" className="link-button" onClick={() => revealInEditor({ offset: diagnostic.span.start })}>
                  {t('line', { line: diagnostic.start.line })}
                </button>{' '}
                <EngineMessage message={diagnostic.text} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {answer?.kind === 'problem' && (
        <p className="migration-problem" role="alert"><EngineMessage message={answer.problem} /></p>
      )}
      {answer?.kind === 'done' && (
        <>
          <div className="migration-tabs">
            <div role="tablist" aria-label={t('sections')} className="tabs">
            <button type="button" role="tab" id="migration-tab-conversion" aria-controls="migration-conversion" aria-selected={section === 'conversion'} className="tab" onClick={() => setMigrationSection('conversion')}>
              {t('section.conversion')}
              <span className="tab-count">{answer.conversion.findings.length}</span>
            </button>
            <button type="button" role="tab" id="migration-tab-parity" aria-controls="migration-parity" aria-selected={section === 'parity'} className="tab" onClick={() => setMigrationSection('parity')}>
              {t('section.parity')}
              {differences !== null && <span className={`tab-count${differences > 0 ? ' is-warning' : ''}`}>{differences}</span>}
            </button>
          </div>
          <MigrationActions />
          </div>
          <div className={`migration-section${current ? '' : ' is-behind'}`} role="tabpanel" id={`migration-${section}`} aria-labelledby={`migration-tab-${section}`}>
            {section === 'conversion' ? <ConversionPanel answer={answer} /> : <ParityPanel answer={answer} />}
          </div>
        </>
      )}
    </section>
  )
}

function MigrationActions() {
  const { t } = useTranslation('migrate')
  const migration = useStudioStore((state) => state.migration)
  const current = useStudioStore((state) => state.migration !== null && state.migration.revision === state.revision)
  const [note, setNote] = useState<string | null>(null)
  const text = migration?.answer.kind === 'done' ? migration.answer.conversion.text : null
  const flash = (message: string) => {
    setNote(message)
    setTimeout(() => setNote(null), 2500)
  }
  const copy = () => {
    if (text === null) return
    void navigator.clipboard?.writeText(text).then(() => flash(t('copied')), () => flash(t('copyFailed')))
  }
  const download = () => {
    if (text === null) return
    const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }))
    const link = document.createElement('a')
    link.href = url
    link.download = 'gateway-api.yaml'
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  const add = () => flash(addConversionToEditor() ? t('added') : t('notAdded'))
  return (
      <span className="migration-actions">
        {note && <span className="migration-note" role="status">{note}</span>}
        <button type="button" className="tool-button" disabled={text === null} onClick={copy}>{t('copy')}</button>
        <button type="button" className="tool-button" disabled={text === null} onClick={download} title={t('downloadTitle')}>{t('download')}</button>
        <button type="button" className="tool-button is-primary" disabled={text === null || !current} onClick={add} title={t('addTitle')}>{t('add')}</button>
        <button type="button" className="tool-button" onClick={closeMigration} aria-label={t('closeTitle')} title={t('closeTitle')}>✕</button>
      </span>
  )
}

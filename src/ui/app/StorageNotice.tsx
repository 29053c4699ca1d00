/**
 * The notice that the user's text is not safe in this browser: saved work could not be read, or the latest
 * text could not be stored. It stays until storage works again (never for a start-up read failure) and always
 * offers the text as a file, the one way left to keep it.
 */
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { selectStorageProblem } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { downloadTextFile, scenarioFileName } from '../scenarios/download-file'
import { TID } from '../test-ids'

const KNOWN_REASONS = new Set(['QuotaExceededError', 'SecurityError', 'TimeoutError'])

function reasonText(t: TFunction, name: string): string {
  return KNOWN_REASONS.has(name) ? t(`storage.reason.${name}`) : t('storage.reason.other', { name })
}

/** Saves the text on screen as a file named after the current scenario. */
function downloadCurrentText(): void {
  const { source, scenarios, currentScenarioId } = useStudioStore.getState()
  const name = scenarios.find((item) => item.id === currentScenarioId)?.name ?? ''
  downloadTextFile(name ? scenarioFileName(name) : 'manifest.yaml', source)
}

export function StorageNotice() {
  const { t } = useTranslation()
  const problem = useStudioStore(selectStorageProblem)
  const listProblem = useStudioStore((state) => state.scenarioListProblem)
  if (problem) {
    return (
      <section className="storage-notice notice notice-error" role="alert" aria-labelledby="storage-notice-title" data-testid={TID.storageNotice} data-kind={problem.kind}>
        <div className="storage-notice-text">
          <strong id="storage-notice-title">{t(`storage.${problem.kind}.title`)}</strong>
          <span>{t(`storage.${problem.kind}.body`, { reason: reasonText(t, problem.reason) })}</span>
        </div>
        <button type="button" className="button button-primary" onClick={downloadCurrentText}>{t('storage.download')}</button>
      </section>
    )
  }
  if (listProblem) {
    return (
      <p className="storage-notice notice notice-warning" role="status" data-testid={TID.storageNotice} data-kind="list">
        {t('storage.listUnsaved', { reason: reasonText(t, listProblem) })}
      </p>
    )
  }
  return null
}

/**
 * The saved scenarios: open, rename, duplicate, delete (with an inline confirmation), a fresh one from the seed,
 * import a YAML file, export the current one. Names are the user's text and render as text.
 */
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SEED_MANIFEST } from '../../presets/seed'
import { closeDialog } from '../../state/display'
import { createScenario, deleteScenario, duplicateScenario, openScenario, renameScenario } from '../../state/scenarios'
import { requestShareLink } from '../../state/share-requests'
import type { ScenarioMeta } from '../../state/slices/scenario-slice'
import { useStudioStore } from '../../state/store'
import { i18n } from '../i18n'
import { Dialog } from '../common/Dialog'
import { secretsNoteOf, type SecretsNote } from '../share/secrets-note'
import { TID } from '../test-ids'
import { downloadTextFile, scenarioFileName } from './download-file'
import { importFiles } from './import-files'
import './scenarios.css'

function useDisplayName(): (meta: ScenarioMeta) => string {
  const { t } = useTranslation('scenarios')
  return (meta) => meta.name || t('untitled')
}

function formatWhen(ms: number): string {
  return new Intl.DateTimeFormat(i18n.resolvedLanguage === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(ms)
}

function ScenarioRow({ meta, current }: { readonly meta: ScenarioMeta; readonly current: boolean }) {
  const { t } = useTranslation('scenarios')
  const displayName = useDisplayName()(meta)
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm'>('view')
  const [draft, setDraft] = useState(meta.name)

  if (mode === 'rename') {
    return (
      <li className="scenario-row" data-testid={TID.scenarioRow}>
        <form
          className="rename-form"
          onSubmit={(event) => {
            event.preventDefault()
            renameScenario(meta.id, draft)
            setMode('view')
          }}
        >
          <input className="text-input" autoFocus value={draft} maxLength={200} aria-label={t('renameLabel', { name: displayName })} onChange={(event) => setDraft(event.target.value)} />
          <button type="submit" className="button button-primary">{t('save')}</button>
          <button type="button" className="button" onClick={() => setMode('view')}>{t('cancel')}</button>
        </form>
      </li>
    )
  }
  return (
    <li className={`scenario-row${current ? ' is-current' : ''}`} data-testid={TID.scenarioRow} data-current={current}>
      <div className="scenario-name">
        <strong>{displayName}</strong>
        <span className="muted">{current ? t('current') : t('updated', { when: formatWhen(meta.updatedAt) })}</span>
      </div>
      {mode === 'confirm' ? (
        <div className="scenario-actions" role="group" aria-label={t('confirmDelete', { name: displayName })}>
          <span>{t('confirmDelete', { name: displayName })}</span>
          <button type="button" className="button button-danger" onClick={() => deleteScenario(meta.id, t('seedName'))}>{t('confirmYes')}</button>
          <button type="button" className="button" onClick={() => setMode('view')}>{t('confirmNo')}</button>
        </div>
      ) : (
        <div className="scenario-actions" role="group" aria-label={t('actionsFor', { name: displayName })}>
          {!current && <button type="button" className="button button-primary" onClick={() => openScenario(meta.id)}>{t('open')}</button>}
          <button type="button" className="button" onClick={() => { setDraft(meta.name); setMode('rename') }}>{t('rename')}</button>
          <button type="button" className="button" onClick={() => duplicateScenario(meta.id, t('copyName', { name: displayName }))}>{t('duplicate')}</button>
          <button type="button" className="button" onClick={() => setMode('confirm')}>{t('delete')}</button>
        </div>
      )}
    </li>
  )
}

/**
 * The current scenario as a file: Secret values redacted as in a share link unless the user ticks the box (an
 * exported file travels as easily as a link). Returns what to say about the Secret values, or null if nothing ran.
 */
async function exportCurrent(name: string, includeSecrets: boolean): Promise<SecretsNote | null> {
  const outcome = await requestShareLink(includeSecrets, name || undefined)
  if (outcome.kind !== 'ready') return null
  if (outcome.share.kind === 'ready') downloadTextFile(scenarioFileName(name), outcome.share.file)
  return secretsNoteOf(outcome.share, includeSecrets)
}

export function ScenariosDialog() {
  const { t } = useTranslation('scenarios')
  const scenarios = useStudioStore((state) => state.scenarios)
  const currentId = useStudioStore((state) => state.currentScenarioId)
  const fileInput = useRef<HTMLInputElement>(null)
  const currentName = scenarios.find((item) => item.id === currentId)?.name ?? ''
  const [includeSecrets, setIncludeSecrets] = useState(false)
  const [exportNote, setExportNote] = useState<SecretsNote | null>(null)

  return (
    <Dialog title={t('dialogTitle')} onClose={closeDialog} closeLabel={t('close')} className="scenarios-dialog" testId={TID.scenariosDialog}>
      <p className="dialog-intro">{t('intro')}</p>
      <ul className="scenario-list" aria-label={t('dialogTitle')}>
        {scenarios.map((meta) => (
          <ScenarioRow key={meta.id} meta={meta} current={meta.id === currentId} />
        ))}
      </ul>
      <p className="dialog-actions start">
        <button type="button" className="button" onClick={() => createScenario({ source: SEED_MANIFEST }, t('seedName'))}>{t('new')}</button>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>{t('import')}</button>
        <button type="button" className="button" onClick={() => void exportCurrent(currentName, includeSecrets).then(setExportNote)}>{t('export')}</button>
        <label className="check">
          <input type="checkbox" checked={includeSecrets} onChange={(event) => { setIncludeSecrets(event.target.checked); setExportNote(null) }} />
          {t('share:includeSecrets')}
        </label>
        <input
          ref={fileInput}
          type="file"
          accept=".yaml,.yml,.json,text/yaml,application/yaml,application/json,text/plain"
          hidden
          aria-label={t('import')}
          onChange={(event) => {
            if (event.target.files) void importFiles([...event.target.files]).then(() => closeDialog())
            event.target.value = ''
          }}
        />
      </p>
      {exportNote && (
        <p className={`hint${exportNote.tone === 'plain' ? '' : ` tone-${exportNote.tone}`}`} role={exportNote.tone === 'error' ? 'alert' : undefined}>
          {t(`share:${exportNote.key}`, exportNote.params)}
        </p>
      )}
      <p className="hint">{t('dropHint')}</p>
    </Dialog>
  )
}

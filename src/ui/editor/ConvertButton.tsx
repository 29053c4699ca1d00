/**
 * "Convert to current API versions", shown in the editor's header while the manifest uses removed or deprecated
 * API versions: the engine rewrites them (networking.k8s.io/v1, apps/v1) keeping comments and layout, and the
 * result replaces the text as one undoable edit. No Monaco here, so the header stays out of the lazy chunk.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { convertToCurrentVersions, type ConversionOutcome } from '../../state/engine-requests'
import { useStudioStore } from '../../state/store'
import { describeEngineFailure } from '../common/EngineFailureNotice'
import { useEngineText } from '../i18n/engine-text'
import './convert-button.css'

const OLD_VERSION_CODES = new Set(['removed-api-version', 'deprecated-api-version'])

export function ConvertButton() {
  const { t } = useTranslation('editor')
  const oldObjects = useStudioStore((state) => state.analysis?.diagnostics.filter((d) => OLD_VERSION_CODES.has(d.code)).length ?? 0)
  const say = useEngineText()
  const failureText = (failure: Extract<ConversionOutcome, { kind: 'failed' }>['failure']): string =>
    typeof failure === 'string' ? t(`convertFailed.${failure}`) : describeEngineFailure(t, failure)
  const [outcome, setOutcome] = useState<ConversionOutcome | null>(null)
  const convert = async () => {
    setOutcome(await convertToCurrentVersions())
    setTimeout(() => setOutcome(null), 4000)
  }
  // Rendered now, not when converted, so a language switch meanwhile re-words it.
  const message = outcome?.kind === 'converted' ? t('converted', { count: outcome.changes }) : outcome?.kind === 'failed' ? failureText(outcome.failure) : null
  // What the engine changed, one note a line, in the reader's language (names and versions as written).
  const details = outcome?.kind === 'converted' ? outcome.notes.map((note) => `${note.object}: ${say(note.text)}`).join('\n') : undefined
  return (
    <span className="convert-action">
      {message && <span className="convert-message" role="status" title={details}>{message}</span>}
      {oldObjects > 0 && (
        <button type="button" className="button" onClick={() => void convert()}
          title={t('convertTitle')}>
          {t('convert', { count: oldObjects })}
        </button>
      )}
    </span>
  )
}

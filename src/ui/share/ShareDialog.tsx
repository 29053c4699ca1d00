/**
 * The share dialog: the scenario as a link (with its length, and a warning where chat tools would cut it), as
 * an embed code, or as a file. Secret values are redacted unless the user ticks the box, and the dialog says
 * how many were left out, or why no link or file can be made without them (the engine refuses what it cannot
 * redact).
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
// Plain constants, not the engine: the codec itself runs in the worker.
import { SHARE_LIMITS, SHARE_LINK_BUDGET_CHARS, SHARE_LINK_WARN_CHARS } from '../../engine/share/share-limits'
import { closeDialog } from '../../state/display'
import { requestShareLink, type ShareLinkOutcome } from '../../state/share-requests'
import { useStudioStore } from '../../state/store'
import { Dialog } from '../common/Dialog'
import { downloadTextFile, scenarioFileName } from '../scenarios/download-file'
import { TID } from '../test-ids'
import { secretsNoteOf } from './secrets-note'
import { buildEmbedCode, buildShareUrl } from './share-url'
import './share.css'

function useCurrentScenarioName(): string {
  return useStudioStore((state) => state.scenarios.find((item) => item.id === state.currentScenarioId)?.name ?? '')
}

export function ShareDialog() {
  const { t } = useTranslation('share')
  const [includeSecrets, setIncludeSecrets] = useState(false)
  const [present, setPresent] = useState(false)
  const [outcome, setOutcome] = useState<ShareLinkOutcome | null>(null)
  const [copied, setCopied] = useState<'link' | 'embed' | null>(null)
  const name = useCurrentScenarioName()

  useEffect(() => {
    let current = true
    setOutcome(null)
    void requestShareLink(includeSecrets, name || undefined).then((result) => {
      if (current && result.kind !== 'stale') setOutcome(result)
    })
    return () => {
      current = false
    }
  }, [includeSecrets, name])

  const share = outcome?.kind === 'ready' ? outcome.share : null
  const ready = share?.kind === 'ready' ? share : null
  const fragment = ready?.link.kind === 'ok' ? ready.link.fragment : null
  const note = secretsNoteOf(share, includeSecrets)
  const url = fragment ? buildShareUrl(window.location, fragment, { present }) : ''
  const embedUrl = fragment ? buildShareUrl(window.location, fragment, { embed: true }) : ''
  const copy = (text: string, what: 'link' | 'embed') => {
    void navigator.clipboard?.writeText(text).then(() => setCopied(what), () => setCopied(null))
  }

  return (
    <Dialog title={t('dialogTitle')} onClose={closeDialog} closeLabel={t('close')} className="share-dialog" testId={TID.shareDialog}>
      <p className="dialog-intro">{t('intro')}</p>

      <section className="secret-choice" aria-live="polite">
        <label className="check">
          <input type="checkbox" checked={includeSecrets} onChange={(event) => setIncludeSecrets(event.target.checked)} />
          {t('includeSecrets')}
        </label>
        <p
          className={`hint${note.tone === 'plain' ? '' : ` tone-${note.tone}`}`}
          role={note.tone === 'error' ? 'alert' : undefined}
          data-testid={TID.shareSecretsNote}
          data-redacted={ready && !includeSecrets ? ready.redacted : undefined}
        >
          {t(note.key, note.params)}
        </p>
      </section>

      {outcome === null && <p className="hint">{t('preparing')}</p>}
      {outcome?.kind === 'failed' && <p className="hint tone-error" role="alert">{t('failed', { message: outcome.message })}</p>}
      {ready?.link.kind === 'too-large' && (
        <p className="hint tone-warning" role="alert">
          {ready.link.headerChars !== undefined
            ? t('settingsTooLarge', { kb: Math.ceil(ready.link.headerChars / 1024), limit: SHARE_LIMITS.maxHeaderChars / 1024 })
            : ready.link.inflatedBytes === undefined
              ? t('tooLarge', { kb: Math.ceil(ready.link.compressedBytes / 1024), limit: SHARE_LIMITS.maxCompressedBytes / 1024 })
              : t('tooLargeToOpen', { kb: Math.ceil(ready.link.inflatedBytes / 1024), limit: SHARE_LIMITS.maxInflatedBytes / 1024 })}
        </p>
      )}

      {fragment && (
        <section className="link-block">
          <label className="field-label" htmlFor="share-link">{t('linkLabel')}</label>
          <div className="copy-row">
            <input id="share-link" className="text-input mono" readOnly value={url} data-testid={TID.shareLink} onFocus={(event) => event.target.select()} />
            <button type="button" className="button button-primary" onClick={() => copy(url, 'link')}>
              {copied === 'link' ? t('copied') : t('copy')}
            </button>
          </div>
          <p className={`hint link-length${url.length > SHARE_LINK_WARN_CHARS ? ' tone-warning' : ''}`} data-testid={TID.shareLinkLength} data-length={url.length}>
            {url.length <= SHARE_LINK_BUDGET_CHARS ? t('lengthBudget', { count: url.length, budget: SHARE_LINK_BUDGET_CHARS.toLocaleString() }) : t('length', { count: url.length })}
          </p>
          {url.length > SHARE_LINK_WARN_CHARS && <p className="hint tone-warning" role="alert">{t('tooLongForChat', { limit: SHARE_LINK_WARN_CHARS.toLocaleString() })}</p>}
          <label className="check">
            <input type="checkbox" checked={present} onChange={(event) => setPresent(event.target.checked)} />
            {t('present')}
          </label>
        </section>
      )}

      {fragment && (
        <details className="embed-block">
          <summary>{t('embedLabel')}</summary>
          <p className="hint">{t('embedHint')}</p>
          <div className="copy-row">
            <textarea className="text-input mono" readOnly rows={3} aria-label={t('embedLabel')} value={buildEmbedCode(embedUrl, name || 'Ingress Studio')} />
            <button type="button" className="button" onClick={() => copy(buildEmbedCode(embedUrl, name || 'Ingress Studio'), 'embed')}>
              {copied === 'embed' ? t('copied') : t('copyEmbed')}
            </button>
          </div>
        </details>
      )}

      {ready && (
        <section className="download-block">
          <button type="button" className="button" onClick={() => downloadTextFile(scenarioFileName(name), ready.file)}>
            {t('download')}
          </button>
          <p className="hint">{t('downloadHint')}</p>
        </section>
      )}
    </Dialog>
  )
}

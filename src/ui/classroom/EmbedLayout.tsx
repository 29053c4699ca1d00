/**
 * Embed mode (`?embed=1#v2.…`): the shared scenario's views, read-only, filling its iframe. No editor, no
 * inspector, nothing saved in the visitor's browser; a link opens the same scenario in the full studio.
 */
import { useTranslation } from 'react-i18next'
import { MainArea } from '../app/MainArea'
import { TID } from '../test-ids'

/** The same address without `embed`, in a new tab. */
function fullStudioUrl(): string {
  const url = new URL(window.location.href)
  url.searchParams.delete('embed')
  return url.toString()
}

export function EmbedLayout() {
  const { t } = useTranslation(['app', 'classroom'])
  return (
    <div className="studio is-embedded" data-testid={TID.app} data-embed="true" aria-label={t('classroom:embed.label')}>
      <header className="embed-header">
        <svg className="logo" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <rect x="1.5" y="1.5" width="21" height="21" rx="6" fill="var(--accent)" />
          <path d="M6 12h4.5M13.5 7.5H18M13.5 16.5H18M10.5 12l3-4.5M10.5 12l3 4.5" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" fill="none" />
        </svg>
        <h1>{t('app:productName')}</h1>
        <span className="embed-badge">{t('classroom:embed.readOnly')}</span>
        <a href={fullStudioUrl()} target="_blank" rel="noopener noreferrer">{t('classroom:embed.openFull')} ↗</a>
      </header>
      <div className="embed-stage">
        <MainArea />
      </div>
    </div>
  )
}

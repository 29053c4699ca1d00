import { useTranslation } from 'react-i18next'
import { TID } from '../test-ids'
import { HeaderActions } from '../classroom/HeaderActions'
import { AnalysisStatus } from './AnalysisStatus'

/** The product name, the analysis status, and the studio's actions (presets, scenarios, share, present, settings). */
export function Header() {
  const { t } = useTranslation()
  return (
    <header className="app-header" data-testid={TID.header}>
      <div className="brand">
        <svg className="logo" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <rect x="1.5" y="1.5" width="21" height="21" rx="6" fill="var(--accent)" />
          <path d="M6 12h4.5M13.5 7.5H18M13.5 16.5H18M10.5 12l3-4.5M10.5 12l3 4.5" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" fill="none" />
        </svg>
        <h1>{t('productName')}</h1>
        <span className="tagline">{t('tagline')}</span>
      </div>
      <AnalysisStatus />
      <HeaderActions />
    </header>
  )
}

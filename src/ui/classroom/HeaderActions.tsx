/** The header's actions: presets, saved scenarios, share, presentation mode, the shortcut sheet, language and theme. */
import { useTranslation } from 'react-i18next'
import { openDialog, setPresentation } from '../../state/display'
import { useStudioStore } from '../../state/store'
import { LanguageSwitch, ThemeSwitch } from '../settings/SettingsControls'
import './classroom.css'

const icon = {
  presets: 'M2.5 3.5h4v4h-4zM9.5 3.5h4v4h-4zM2.5 10.5h4v4h-4zM9.5 10.5h4v4h-4z',
  scenarios: 'M3 2.5h7l3 3v8H3zM10 2.5v3h3',
  share: 'M11.5 5.5a2 2 0 1 0 0-.01M4.5 10a2 2 0 1 0 0-.01M11.5 14.5a2 2 0 1 0 0-.01M6.3 9l3.4-2.4M6.3 11l3.4 2.4',
  present: 'M2 3h12v8H2zM8 11v3M5.5 14h5',
} as const

function Icon({ path }: { readonly path: string }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d={path} stroke="currentColor" strokeWidth="1.4" fill="none" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  )
}

export function HeaderActions() {
  const { t } = useTranslation(['classroom', 'share', 'scenarios'])
  const presenting = useStudioStore((state) => state.presentation)
  return (
    <nav className="header-actions" aria-label={t('classroom:actions')}>
      <button type="button" className="button" onClick={() => openDialog('presets')}>
        <Icon path={icon.presets} />
        {t('classroom:presets.button')}
      </button>
      <button type="button" className="button" onClick={() => openDialog('scenarios')}>
        <Icon path={icon.scenarios} />
        {t('scenarios:button')}
      </button>
      <button type="button" className="button button-primary" onClick={() => openDialog('share')}>
        <Icon path={icon.share} />
        {t('share:button')}
      </button>
      <button type="button" className="button" aria-pressed={presenting} onClick={() => setPresentation(!presenting)}>
        <Icon path={icon.present} />
        {presenting ? t('classroom:presentation.exit') : t('classroom:presentation.enter')}
      </button>
      <button type="button" className="icon-button" aria-label={t('classroom:shortcuts.button')} title={`${t('classroom:shortcuts.button')} (?)`} onClick={() => openDialog('shortcuts')}>
        <span aria-hidden="true" className="kbd-glyph">?</span>
      </button>
      <span className="header-divider" aria-hidden="true" />
      <LanguageSwitch />
      <ThemeSwitch />
    </nav>
  )
}

/** The header's language and theme choices, both remembered in this browser. */
import { useTranslation } from 'react-i18next'
import { setTheme } from '../../state/display'
import type { ThemeChoice } from '../../state/slices/display-slice'
import { useStudioStore } from '../../state/store'
import { currentLanguage, LANGUAGES, setLanguage, type Language } from '../i18n'

/** Each language named in itself, so a reader finds theirs whatever the UI's language. */
const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', ko: '한국어' }

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('classroom')
  const language = i18n.resolvedLanguage === 'ko' ? 'ko' : currentLanguage()
  return (
    <select className="header-select" aria-label={t('settings.language')} value={language} onChange={(event) => void setLanguage(event.target.value as Language)}>
      {LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>{LANGUAGE_NAMES[code]}</option>
      ))}
    </select>
  )
}

export function ThemeSwitch() {
  const { t } = useTranslation('classroom')
  const theme = useStudioStore((state) => state.theme)
  return (
    <select className="header-select" aria-label={t('settings.theme')} value={theme} onChange={(event) => setTheme(event.target.value as ThemeChoice)}>
      <option value="system">{t('settings.themeSystem')}</option>
      <option value="light">{t('settings.themeLight')}</option>
      <option value="dark">{t('settings.themeDark')}</option>
    </select>
  )
}

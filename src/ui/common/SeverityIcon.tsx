import { useTranslation } from 'react-i18next'
import type { Severity } from '../../engine/diagnostics'

/** A small severity glyph with an accessible name (error: circle with a cross, warning: triangle, info: circle with i). */
export function SeverityIcon({ severity }: { readonly severity: Severity }) {
  const { t } = useTranslation()
  return (
    <svg className={`severity-icon severity-${severity}`} viewBox="0 0 16 16" width="14" height="14" role="img" aria-label={t(`severity.${severity}`)}>
      {severity === 'error' && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="var(--on-severity)" strokeWidth="1.6" strokeLinecap="round" />
        </>
      )}
      {severity === 'warning' && (
        <>
          <path d="M8 1.5l7 12.5H1z" fill="currentColor" strokeLinejoin="round" />
          <path d="M8 6v3.6" stroke="var(--on-severity)" strokeWidth="1.6" strokeLinecap="round" />
          <circle cx="8" cy="11.8" r="0.9" fill="var(--on-severity)" />
        </>
      )}
      {severity === 'info' && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M8 7.2v4" stroke="var(--on-severity)" strokeWidth="1.6" strokeLinecap="round" />
          <circle cx="8" cy="4.8" r="0.9" fill="var(--on-severity)" />
        </>
      )}
    </svg>
  )
}

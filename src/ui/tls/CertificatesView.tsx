/**
 * The certificate cards: for each TLS Secret, what its certificate says (subject, names, issuer, validity, key)
 * and which Ingress hosts use it — each marked covered or not. Renewing that one Secret renews every host listed.
 * The engine parsed the PEM (in the worker) against the time the page passed in.
 */
import { useTranslation } from 'react-i18next'
import type { CertificateReport } from '../../engine'
import { revealInEditor } from '../../state/actions'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'
import { CertificateCard } from './CertificateCard'
import './certificates.css'

const NONE: readonly CertificateReport[] = []

export function CertificatesView() {
  const { t } = useTranslation('tls')
  const reports = useStudioStore((state) => state.analysis?.certificates ?? NONE)
  if (reports.length === 0) {
    return <p className="empty">{t('empty')}</p>
  }
  return (
    <section className="certificates-view" data-testid={TID.certificatesView} aria-label={t('region')}>
      {reports.map((report) => (
        <CertificateCard key={`${report.namespace}/${report.name}`} report={report}
          onReveal={() => revealInEditor({ offset: report.source.span.start })} />
      ))}
    </section>
  )
}

/**
 * The certificate cards: for each TLS Secret, what its certificate says (subject, names, issuer, validity, key)
 * and which Ingress hosts use it — each marked covered or not. Renewing that one Secret renews every host listed.
 * The engine parsed the PEM (in the worker) against the time the page passed in.
 */
import type { CertificateReport } from '../../engine'
import { revealInEditor } from '../../state/actions'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'
import { CertificateCard } from './CertificateCard'
import './certificates.css'

const NONE: readonly CertificateReport[] = []

export function CertificatesView() {
  const reports = useStudioStore((state) => state.analysis?.certificates ?? NONE)
  if (reports.length === 0) {
    return <p className="empty">No TLS Secrets. Add a Secret of type kubernetes.io/tls and name it in an Ingress&apos;s tls section.</p>
  }
  return (
    <section className="certificates-view" data-testid={TID.certificatesView} aria-label="Certificates">
      {reports.map((report) => (
        <CertificateCard key={`${report.namespace}/${report.name}`} report={report}
          onReveal={() => revealInEditor({ offset: report.source.span.start })} />
      ))}
    </section>
  )
}

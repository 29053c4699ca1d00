/** One certificate card (see CertificatesView). */
import type { CertificateReport } from '../../engine'
import { TID } from '../test-ids'

const STATUS: Record<CertificateReport['status'], { label: string; tone: string }> = {
  valid: { label: 'Valid', tone: 'ok' },
  expiring: { label: 'Expires soon', tone: 'warning' },
  expired: { label: 'Expired', tone: 'error' },
  'not-yet-valid': { label: 'Not yet valid', tone: 'error' },
  unknown: { label: 'No certificate', tone: 'muted' },
  unreadable: { label: 'Unreadable', tone: 'error' },
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

function daysText(daysLeft: number | null): string {
  if (daysLeft === null) return ''
  if (daysLeft < 0) return `expired ${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago`
  return `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`
}

export function CertificateCard({ report, onReveal }: { readonly report: CertificateReport; readonly onReveal: () => void }) {
  const status = STATUS[report.status]
  const { result } = report
  const uncovered = report.hosts.filter((host) => host.coveredBy === null).length
  return (
    <article className="certificate-card" data-testid={TID.certificateCard} data-secret={report.name} aria-labelledby={`cert-${report.namespace}-${report.name}`}>
      <header className="certificate-head">
        <h3 id={`cert-${report.namespace}-${report.name}`}>
          <button type="button" className="link-button" onClick={onReveal} aria-label={`Show Secret ${report.name} in the editor`}>{report.name}</button>
          {report.namespace !== 'default' && <span className="muted"> · {report.namespace}</span>}
        </h3>
        <span className={`cert-status tone-${status.tone}`}>{status.label}</span>
      </header>
      {result.kind === 'unreadable' && <p className="cert-problem">{result.message}</p>}
      {result.kind === 'no-data' && <p className="muted">This Secret holds no tls.crt.</p>}
      {result.kind === 'ok' && (
        <>
          <dl className="cert-facts">
            <dt>Subject</dt>
            <dd>{result.certificate.subject || '(empty)'}</dd>
            <dt>Names</dt>
            <dd data-testid={TID.certificateNames}>
              {result.certificate.dnsNames.length > 0
                ? result.certificate.dnsNames.map((name) => <code key={name} className="cert-name">{name}</code>)
                : <span className="muted">none (only the CN, which browsers ignore)</span>}
              {result.certificate.ipAddresses.map((ip) => <code key={ip} className="cert-name">{ip}</code>)}
            </dd>
            <dt>Issuer</dt>
            <dd>{result.certificate.selfSigned ? <>{result.certificate.issuer} <span className="muted">(self-signed)</span></> : result.certificate.issuer}</dd>
            <dt>Valid</dt>
            <dd data-testid={TID.certificateValidity}>
              {day(result.certificate.notBefore)} to <strong>{day(result.certificate.notAfter)}</strong>
              {report.daysLeft !== null && <span className="muted"> · {daysText(report.daysLeft)}</span>}
            </dd>
            <dt>Key</dt>
            <dd>
              {result.certificate.publicKey.description}
              {result.keyMatches === true && <span className="cert-ok"> · tls.key matches</span>}
              {result.keyMatches === false && <span className="cert-bad"> · tls.key does not match</span>}
              {result.keyProblem && <span className="cert-bad"> · {result.keyProblem}</span>}
              {result.chainLength > 1 && <span className="muted"> · chain of {result.chainLength}</span>}
            </dd>
          </dl>
          <h4 className="cert-hosts-title">Hosts served with it</h4>
          {report.hosts.length === 0 ? (
            <p className="muted">No Ingress names this Secret in its tls section.</p>
          ) : (
            <>
              <ul className="cert-hosts" data-testid={TID.certificateHosts}>
                {report.hosts.map((use) => (
                  <li key={`${use.ingress}/${use.host}`} className={use.coveredBy ? 'is-covered' : 'is-uncovered'}>
                    <span aria-hidden="true">{use.coveredBy ? '✓' : '✗'}</span> <code>{use.host}</code>
                    <span className="muted"> · {use.coveredBy ? (use.coveredBy === use.host ? 'covered' : `covered by ${use.coveredBy}`) : 'not covered'} · Ingress {use.ingress}</span>
                  </li>
                ))}
              </ul>
              <p className="cert-renewal">
                Renewing Secret {report.name} renews {report.hosts.length === 1 ? 'this host' : `all ${report.hosts.length} hosts`} at once
                {uncovered > 0 ? `; ${uncovered} need${uncovered === 1 ? 's' : ''} a certificate that names ${uncovered === 1 ? 'it' : 'them'}` : ''}.
              </p>
            </>
          )}
        </>
      )}
    </article>
  )
}

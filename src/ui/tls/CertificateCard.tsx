/** One certificate card (see CertificatesView). */
import type { TFunction } from 'i18next'
import { Trans, useTranslation } from 'react-i18next'
import type { CertificateReport } from '../../engine'
import { useEngineText } from '../i18n/engine-text'
import { TID } from '../test-ids'

const TONE: Record<CertificateReport['status'], string> = {
  valid: 'ok',
  expiring: 'warning',
  expired: 'error',
  'not-yet-valid': 'error',
  unknown: 'muted',
  unreadable: 'error',
}

// ISO dates in every language: unambiguous, and what the certificate tools print.
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

function daysText(t: TFunction<'tls'>, daysLeft: number | null): string {
  if (daysLeft === null) return ''
  return daysLeft < 0 ? t('expiredAgo', { count: -daysLeft }) : t('daysLeft', { count: daysLeft })
}

function coverageText(t: TFunction<'tls'>, host: string, coveredBy: string | null): string {
  if (coveredBy === null) return t('notCovered')
  return coveredBy === host ? t('covered') : t('coveredBy', { name: coveredBy })
}

export function CertificateCard({ report, onReveal }: { readonly report: CertificateReport; readonly onReveal: () => void }) {
  const { t } = useTranslation('tls')
  const say = useEngineText()
  const tone = TONE[report.status]
  const { result } = report
  const uncovered = report.hosts.filter((host) => host.coveredBy === null).length
  return (
    <article className="certificate-card" data-testid={TID.certificateCard} data-secret={report.name} aria-labelledby={`cert-${report.namespace}-${report.name}`}>
      <header className="certificate-head">
        <h3 id={`cert-${report.namespace}-${report.name}`}>
          <button type="button" className="link-button" onClick={onReveal} aria-label={t('showSecret', { name: report.name })}>{report.name}</button>
          {report.namespace !== 'default' && <span className="muted"> · {report.namespace}</span>}
        </h3>
        <span className={`cert-status tone-${tone}`}>{t(`status.${report.status}`)}</span>
      </header>
      {result.kind === 'unreadable' && <p className="cert-problem">{say(result.problem)}</p>}
      {result.kind === 'no-data' && <p className="muted">{t('noData')}</p>}
      {result.kind === 'ok' && (
        <>
          <dl className="cert-facts">
            <dt>{t('fact.subject')}</dt>
            <dd>{result.certificate.subject || t('emptySubject')}</dd>
            <dt>{t('fact.names')}</dt>
            <dd data-testid={TID.certificateNames}>
              {result.certificate.dnsNames.length > 0
                ? result.certificate.dnsNames.map((name) => <code key={name} className="cert-name">{name}</code>)
                : <span className="muted">{t('noNames')}</span>}
              {result.certificate.ipAddresses.map((ip) => <code key={ip} className="cert-name">{ip}</code>)}
            </dd>
            <dt>{t('fact.issuer')}</dt>
            <dd>{result.certificate.selfSigned ? <>{result.certificate.issuer} <span className="muted">{t('selfSigned')}</span></> : result.certificate.issuer}</dd>
            <dt>{t('fact.valid')}</dt>
            <dd data-testid={TID.certificateValidity}>
              <Trans t={t} i18nKey="validRange" values={{ from: day(result.certificate.notBefore), to: day(result.certificate.notAfter) }}
                components={{ strong: <strong /> }} />
              {report.daysLeft !== null && <span className="muted"> · {daysText(t, report.daysLeft)}</span>}
            </dd>
            <dt>{t('fact.key')}</dt>
            <dd>
              {result.certificate.publicKey.description}
              {result.keyMatches === true && <span className="cert-ok"> · {t('keyMatches')}</span>}
              {result.keyMatches === false && <span className="cert-bad"> · {t('keyMismatch')}</span>}
              {result.keyProblem && <span className="cert-bad"> · {say(result.keyProblem)}</span>}
              {result.chainLength > 1 && <span className="muted"> · {t('chain', { length: result.chainLength })}</span>}
            </dd>
          </dl>
          <h4 className="cert-hosts-title">{t('hostsTitle')}</h4>
          {report.hosts.length === 0 ? (
            <p className="muted">{t('noHosts')}</p>
          ) : (
            <>
              <ul className="cert-hosts" data-testid={TID.certificateHosts}>
                {report.hosts.map((use) => (
                  <li key={`${use.ingress}/${use.host}`} className={use.coveredBy ? 'is-covered' : 'is-uncovered'}>
                    <span aria-hidden="true">{use.coveredBy ? '✓' : '✗'}</span> <code>{use.host}</code>
                    <span className="muted"> · {coverageText(t, use.host, use.coveredBy)} · {t('ingress', { name: use.ingress })}</span>
                  </li>
                ))}
              </ul>
              <p className="cert-renewal">
                {report.hosts.length === 1
                  ? t('renewalSingle', { name: report.name })
                  : t('renewalAll', { name: report.name, count: report.hosts.length })}
                {uncovered > 0 && <> {t('uncovered', { count: uncovered })}</>}
              </p>
            </>
          )}
        </>
      )}
    </article>
  )
}

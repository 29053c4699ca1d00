/**
 * Shared by the certificate rules: the reports by Secret, and where in a Secret its `tls.crt` / `tls.key` is
 * written (`data` or `stringData`).
 */
import type { FieldPath, Secret, SourceRef } from '../../model/types'
import type { CertificateReport } from '../../tls/certificate-reports'
import type { CheckContext } from '../types'

export function reportsByKey(reports: readonly CertificateReport[]): Map<string, CertificateReport> {
  return new Map(reports.map((report) => [`${report.namespace}/${report.name}`, report]))
}

/** The path of a data key of the Secret, where it is written. */
export function dataField(context: CheckContext, source: SourceRef, key: 'tls.crt' | 'tls.key'): FieldPath {
  return context.pick(source, ['data', key], ['stringData', key], ['data'], ['stringData'], ['kind'])
}

export function secretOf(context: CheckContext, report: CertificateReport): Secret | undefined {
  return context.index.secret(report.namespace, report.name)
}

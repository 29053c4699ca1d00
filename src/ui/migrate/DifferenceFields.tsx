/** A difference's request extras (headers, cookies) and its differing fields, `ingress-nginx → Gateway API`. */
import { useTranslation } from 'react-i18next'
import type { ParityDifference } from '../../engine'
import { gatewayValue, ingressValue } from './difference-fields'

export function RequestExtras({ difference }: { readonly difference: ParityDifference }) {
  const { t } = useTranslation('migrate')
  const { request } = difference
  const extras = [
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
    ...Object.entries(request.cookies).map(([name, value]) => `${t('parity.cookie')} ${name}=${value}`),
  ]
  return extras.length > 0 ? <span className="parity-extras">{extras.join(' · ')}</span> : null
}

export function DifferenceFields({ difference }: { readonly difference: ParityDifference }) {
  const { t } = useTranslation('migrate')
  return (
    <span className="parity-fields">
      {difference.fields.map((field) => (
        <span key={field} className="parity-field" data-field={field}>
          <span className="parity-field-name">{t(`field.${field}`)}</span>{' '}
          <code>{ingressValue(difference.ingressNginx, field)}</code> → <code>{gatewayValue(difference.gatewayApi, field)}</code>
        </span>
      ))}
    </span>
  )
}

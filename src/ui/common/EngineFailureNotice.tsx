/**
 * What a view says when the engine gave it no answer (a timeout, a worker that stopped): that its content is
 * unavailable and why, never an empty result that reads as "nothing found", with a button to ask again.
 */
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { EngineFailure } from '../../worker/protocol'
import { TID } from '../test-ids'

/** The failure in the reader's language; the engine's own message only where it says something new. */
export function describeEngineFailure(t: TFunction, failure: EngineFailure): string {
  return failure.code === 'engine-exception' ? t('app:engineFailure.reason.engine-exception', { message: failure.message }) : t(`app:engineFailure.reason.${failure.code}`)
}

export type FailedWork = 'analysis' | 'routeView' | 'test' | 'simulation'

export function EngineFailureNotice({ work, failure, onRetry }: { readonly work: FailedWork; readonly failure: EngineFailure; readonly onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="engine-failure" role="alert" data-testid={TID.engineFailure} data-work={work} data-code={failure.code}>
      <span>{t(`app:engineFailure.${work}`, { reason: describeEngineFailure(t, failure) })}</span>
      <button type="button" className="button" onClick={onRetry}>{t('app:engineFailure.retry')}</button>
    </div>
  )
}

/**
 * What to simulate. `DeploymentPick` chooses the Deployment (top bar); `ParametersPanel` holds the load and
 * environment parameters in three groups (load, pods, shutdown) with the rest under "More". Every change
 * re-simulates in the worker (debounced), so typing never waits.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { ParameterGroup } from '../../engine'
import { ROLLOUT_PARAMETER_FIELDS } from '../../engine/simulate/parameter-fields'
import { replaceSimulationSettings, setSimulationDeployment } from '../../state/playback-actions'
import { useStudioStore } from '../../state/store'
import { ParameterInput } from './ParameterInput'

const GROUPS: readonly ParameterGroup[] = ['load', 'pods', 'shutdown']

export function DeploymentPick() {
  const { t } = useTranslation('timeline')
  const deployments = useStudioStore(useShallow((s) => (s.analysis?.model.deployments ?? []).map((d) => `${d.meta.namespace}/${d.meta.name}`)))
  const chosen = useStudioStore((s) => s.simulationDeployment)
  const running = useStudioStore((s) => s.simulationRun?.deployment ?? null)
  const selected = chosen ?? running ?? ''
  return (
    <label className="deployment-pick">
      <span>{t('scenario.deployment')}</span>
      <select value={selected} onChange={(e) => setSimulationDeployment(e.target.value === '' ? null : e.target.value)}>
        {selected === '' && <option value="">{t('scenario.none')}</option>}
        {deployments.map((key) => (
          <option key={key} value={key}>
            {key.replace(/^default\//, '')}
          </option>
        ))}
      </select>
    </label>
  )
}

export function ParametersPanel() {
  const { t } = useTranslation('timeline')
  const [more, setMore] = useState(false)
  const changed = useStudioStore((s) => Object.keys(s.simulationParameters).length)
  const chosen = useStudioStore((s) => s.simulationDeployment)
  const problems = useStudioStore(useShallow((s) => s.simulationProblems.filter((p) => p.parameter === undefined).map((p) => p.message)))
  return (
    <section className="params-panel" aria-label={t('scenario.title')}>
      <div className="params-head">
        <p className="muted">{t('scenario.intro')}</p>
        <button type="button" className="text-button" disabled={changed === 0} onClick={() => replaceSimulationSettings({ deployment: chosen })}>
          {t('scenario.reset')}
        </button>
      </div>
      {problems.length > 0 && (
        <ul className="scenario-problems" role="alert">
          {problems.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div className="params">
        {GROUPS.map((group) => (
          <fieldset key={group} className="param-group">
            <legend>{t(`scenario.group.${group}`)}</legend>
            {ROLLOUT_PARAMETER_FIELDS.filter((f) => f.group === group).map((field) => (
              <ParameterInput key={field.name} field={field} />
            ))}
          </fieldset>
        ))}
        <details className="param-group more" open={more} onToggle={(e) => setMore(e.currentTarget.open)}>
          <summary>{t('scenario.group.more')}</summary>
          {more && ROLLOUT_PARAMETER_FIELDS.filter((f) => f.group === 'more').map((field) => <ParameterInput key={field.name} field={field} />)}
        </details>
      </div>
    </section>
  )
}

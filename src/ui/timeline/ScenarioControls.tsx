/**
 * What to simulate. `DeploymentPick` chooses the Deployment (top bar); `ParametersPanel` shows the engine's
 * parameter table as a form: three groups (load, pods, shutdown) with the rest under "More" (`scenario-form.ts`).
 * Every change re-simulates in the worker (debounced), so typing never waits.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { replaceSimulationSettings, setSimulationDeployment } from '../../state/playback-actions'
import { useStudioStore } from '../../state/store'
import { useEngineText } from '../i18n/engine-text'
import { ParameterInput } from './ParameterInput'
import { controlsOf, MORE_GROUP, SHOWN_GROUPS } from './scenario-form'

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
  const say = useEngineText()
  const problems = useStudioStore(useShallow((s) => s.simulationProblems.filter((p) => p.parameter === undefined)))
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
          {problems.map((p) => (
            <li key={p.message}>{say(p.text)}</li>
          ))}
        </ul>
      )}
      <div className="params">
        {SHOWN_GROUPS.map((group) => (
          <fieldset key={group} className="param-group">
            <legend>{t(`scenario.group.${group}`)}</legend>
            {controlsOf(group).map((row) => (
              <ParameterInput key={row.name} row={row} />
            ))}
          </fieldset>
        ))}
        <details className="param-group more" open={more} onToggle={(e) => setMore(e.currentTarget.open)}>
          <summary>{t(`scenario.group.${MORE_GROUP}`)}</summary>
          {more && controlsOf(MORE_GROUP).map((row) => <ParameterInput key={row.name} row={row} />)}
        </details>
      </div>
    </section>
  )
}

/**
 * One rollout parameter from the engine's field list: its input, unit, default and one-line explanation (the
 * engine's English line, translated where a translation exists), and the engine's complaint when it is out of
 * range. An empty input means the default.
 */
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ParameterField, RolloutParameters, SigtermBehaviour } from '../../engine'
import { SIGTERM_CHOICES } from '../../engine/simulate/parameter-fields'
import { DEFAULT_ROLLOUT_PARAMETERS } from '../../engine/simulate/parameters'
import { setSimulationParameter } from '../../state/playback-actions'
import { useStudioStore } from '../../state/store'

type Name = keyof RolloutParameters

function formatValue(value: unknown): string {
  return value === null || value === undefined ? '' : String(value)
}

export function ParameterInput({ field }: { readonly field: ParameterField }) {
  const { t } = useTranslation('timeline')
  const id = useId()
  const name = field.name
  const override = useStudioStore((s) => s.simulationParameters[name])
  const problem = useStudioStore((s) => s.simulationProblems.find((p) => p.parameter === name)?.message ?? null)
  const fallback = DEFAULT_ROLLOUT_PARAMETERS[name]
  const value = override === undefined ? fallback : override
  const [text, setText] = useState(() => (override === undefined ? '' : formatValue(override)))
  const [shownOverride, setShownOverride] = useState(override)
  if (override !== shownOverride) {
    // The store changed from elsewhere (reset, a share link): show its value.
    setShownOverride(override)
    setText(override === undefined ? '' : formatValue(override))
  }
  const label = t(`param.${name}.label`, { defaultValue: name })
  const help = t(`param.${name}.help`, { defaultValue: field.summary })
  const set = (next: RolloutParameters[Name] | undefined) => setSimulationParameter(name, next === fallback ? undefined : next)
  const helpId = `${id}-help`

  let control
  if (field.kind === 'sigterm') {
    control = (
      <select id={id} value={value as string} onChange={(e) => set(e.target.value as SigtermBehaviour)} aria-describedby={helpId}>
        {SIGTERM_CHOICES.map((c) => (
          <option key={c.value} value={c.value} title={t(`sigterm.${c.value}.help`, { defaultValue: c.summary })}>
            {t(`sigterm.${c.value}.label`)}
          </option>
        ))}
      </select>
    )
  } else if (field.kind === 'boolean') {
    control = <input id={id} type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} aria-describedby={helpId} />
  } else {
    const never = field.kind === 'optional-number' && fallback !== null
    const placeholder = field.kind === 'image' ? t('param.image.placeholder') : fallback === null ? t(`param.${name}.empty`, { defaultValue: field.whenEmpty ?? '' }) : String(fallback)
    control = (
      <span className="param-number">
        <input
          id={id}
          type={field.kind === 'image' ? 'text' : 'number'}
          inputMode={field.kind === 'image' ? undefined : 'decimal'}
          value={never && value === null ? '' : text}
          disabled={never && value === null}
          placeholder={placeholder}
          min={field.kind === 'image' ? undefined : field.min}
          max={field.kind === 'image' ? undefined : field.max}
          step={field.kind === 'image' ? undefined : field.step}
          aria-describedby={helpId}
          aria-invalid={problem !== null}
          spellCheck={false}
          onChange={(e) => {
            const raw = e.target.value
            setText(raw)
            if (raw.trim() === '') set(undefined)
            else if (field.kind === 'image') set(raw.trim())
            else if (Number.isFinite(Number(raw))) set(Number(raw))
          }}
        />
        {field.unit && <span className="unit">{field.unit}</span>}
        {never && (
          <label className="never">
            <input type="checkbox" checked={value === null} onChange={(e) => set(e.target.checked ? null : undefined)} />
            {t(`param.${name}.empty`, { defaultValue: field.whenEmpty ?? '' })}
          </label>
        )}
      </span>
    )
  }
  return (
    <div className={`param ${override !== undefined ? 'is-set' : ''}`} data-param={name}>
      <span className="param-label">
        <label htmlFor={id}>{label}</label>
        {field.flag && <code className="param-flag">{field.flag}</code>}
      </span>
      {control}
      <p id={helpId} className={problem ? 'param-help is-problem' : 'param-help'}>
        {problem ?? help}
      </p>
    </div>
  )
}

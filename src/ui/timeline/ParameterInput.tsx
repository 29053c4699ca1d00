/**
 * One row of the engine's parameter table as a control: its input, unit, default and one-line help (texts under
 * the row's i18n key; English is built from the table), and the engine's complaint when it is out of range. An
 * empty input means the default.
 */
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RolloutParameters } from '../../engine'
import { emptyMeaning, type ParameterEntry } from '../../engine/simulate/parameter-table'
import { DEFAULT_ROLLOUT_PARAMETERS } from '../../engine/simulate/parameters'
import { setSimulationParameter } from '../../state/playback-actions'
import { useStudioStore } from '../../state/store'
import { useEngineText } from '../i18n/engine-text'

type Name = keyof RolloutParameters

function formatValue(value: unknown): string {
  return value === null || value === undefined ? '' : String(value)
}

export function ParameterInput({ row }: { readonly row: ParameterEntry }) {
  const { t } = useTranslation('timeline')
  const id = useId()
  const name: Name = row.name
  const spec = row.value
  const override = useStudioStore((s) => s.simulationParameters[name])
  const say = useEngineText()
  const problemText = useStudioStore((s) => s.simulationProblems.find((p) => p.parameter === name)?.text ?? null)
  const problem = problemText === null ? null : say(problemText)
  const fallback = DEFAULT_ROLLOUT_PARAMETERS[name]
  const value = override === undefined ? fallback : override
  const [text, setText] = useState(() => (override === undefined ? '' : formatValue(override)))
  const [shownOverride, setShownOverride] = useState(override)
  if (override !== shownOverride) {
    // The store changed from elsewhere (reset, a share link): show its value.
    setShownOverride(override)
    setText(override === undefined ? '' : formatValue(override))
  }
  const label = t(`${row.i18nKey}.label`, { defaultValue: row.label })
  const help = t(`${row.i18nKey}.help`, { defaultValue: row.help })
  const whenEmpty = emptyMeaning(row)
  const empty = whenEmpty === null ? '' : t(`${row.i18nKey}.empty`, { defaultValue: whenEmpty })
  const set = (next: RolloutParameters[Name] | undefined) => setSimulationParameter(name, next === fallback ? undefined : next)
  const helpId = `${id}-help`

  let control
  if (spec.kind === 'enum') {
    control = (
      <select id={id} value={value as string} onChange={(e) => set(e.target.value as RolloutParameters[Name])} aria-describedby={helpId}>
        {spec.choices.map((c) => (
          <option key={c.value} value={c.value} title={t(`${c.i18nKey}.help`, { defaultValue: c.help })}>
            {t(`${c.i18nKey}.label`, { defaultValue: c.label })}
          </option>
        ))}
      </select>
    )
  } else if (spec.kind === 'boolean') {
    control = <input id={id} type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} aria-describedby={helpId} />
  } else {
    // A nullable number whose default is a number: null is a state of its own ("never"), set by a checkbox.
    const never = spec.kind === 'optional-number' && fallback !== null
    const isText = spec.kind === 'text'
    const placeholder = fallback === null ? empty : String(fallback)
    control = (
      <span className="param-number">
        <input
          id={id}
          type={isText ? 'text' : 'number'}
          inputMode={isText ? undefined : 'decimal'}
          value={never && value === null ? '' : text}
          disabled={never && value === null}
          placeholder={placeholder}
          min={isText || !Number.isFinite(spec.min) ? undefined : spec.min}
          max={isText || !Number.isFinite(spec.max) ? undefined : spec.max}
          step={isText ? undefined : spec.step}
          aria-describedby={helpId}
          aria-invalid={problem !== null}
          spellCheck={false}
          onChange={(e) => {
            const raw = e.target.value
            setText(raw)
            if (raw.trim() === '') set(undefined)
            else if (isText) set(raw.trim())
            else if (Number.isFinite(Number(raw))) set(Number(raw))
          }}
        />
        {/* The table's unit symbol; a language may say it its own way (`unit.<symbol>`). */}
        {row.unit && <span className="unit">{t(`unit.${row.unit}`, { defaultValue: row.unit })}</span>}
        {never && (
          <label className="never">
            <input type="checkbox" checked={value === null} onChange={(e) => set(e.target.checked ? null : undefined)} />
            {empty}
          </label>
        )}
      </span>
    )
  }
  return (
    <div className={`param ${override !== undefined ? 'is-set' : ''}`} data-param={name}>
      <span className="param-label">
        <label htmlFor={id}>{label}</label>
        {row.flag && <code className="param-flag">{row.flag}</code>}
      </span>
      {control}
      <p id={helpId} className={problem ? 'param-help is-problem' : 'param-help'}>
        {problem ?? help}
      </p>
    </div>
  )
}

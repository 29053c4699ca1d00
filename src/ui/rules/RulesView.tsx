/**
 * The rules panel: every lint rule (and every routing finding) with its explanation, a switch and a severity.
 * The settings live in the store (`ruleSettings`), go into every analysis and travel with the scenario, so a
 * teacher can pin the rule set for a class. Counts show how many findings each rule has right now.
 */
import { useMemo } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { RuleInfo, Severity } from '../../engine'
import { CATEGORY_TITLES, RULES, type RuleCategory } from '../../engine/checks/rule-catalog'
import { resetRuleSettings, selectRuleSettings } from '../../state/rules'
import { setRuleEnabled, setRuleSeverity } from '../../state/rule-actions'
import { selectDiagnostics } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { SeverityIcon } from '../common/SeverityIcon'
import { TID } from '../test-ids'
import { categoryTitleKey, translateRule } from './rule-text'
import './rules.css'

const CATEGORIES = Object.keys(CATEGORY_TITLES) as RuleCategory[]
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info']

export function RulesView() {
  const { t } = useTranslation('rules')
  const settings = useStudioStore(selectRuleSettings)
  const diagnostics = useStudioStore(selectDiagnostics)
  const counts = useMemo(() => {
    const byCode = new Map<string, number>()
    for (const d of diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1)
    return byCode
  }, [diagnostics])
  const off = RULES.filter((rule) => settings[rule.id]?.enabled === false).length
  const changed = Object.keys(settings).length

  return (
    <section className="rules-view" data-testid={TID.rulesView} aria-label={t('region')}>
      <header className="rules-summary">
        <p>
          <Trans t={t} i18nKey={changed > 0 ? 'summaryChanged' : 'summary'} count={RULES.length}
            values={{ on: RULES.length - off, changed }} components={{ strong: <strong /> }} />
        </p>
        <button type="button" className="button" disabled={changed === 0} onClick={resetRuleSettings}>{t('reset')}</button>
      </header>
      {CATEGORIES.map((category) => (
        <section key={category} className="rule-category" aria-labelledby={`rules-${category}`}>
          <h3 id={`rules-${category}`}>{t(categoryTitleKey(category), { defaultValue: CATEGORY_TITLES[category] })}</h3>
          <ul className="rule-list">
            {RULES.filter((rule) => rule.category === category).map((rule) => (
              <RuleRow key={rule.id} rule={rule} enabled={settings[rule.id]?.enabled !== false}
                severity={settings[rule.id]?.severity ?? null} findings={counts.get(rule.id) ?? 0} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  )
}

interface RuleRowProps {
  readonly rule: RuleInfo
  readonly enabled: boolean
  /** The user's severity, null for the rule's default. */
  readonly severity: Severity | null
  readonly findings: number
}

function RuleRow({ rule, enabled, severity, findings }: RuleRowProps) {
  const { t } = useTranslation('rules')
  const shown = severity ?? rule.severity
  const text = translateRule(rule, (key, fallback) => t(key, { defaultValue: fallback }))
  return (
    <li className={`rule${enabled ? '' : ' is-off'}`} data-testid={TID.ruleRow} data-rule={rule.id}>
      <div className="rule-head">
        <label className="rule-toggle">
          <input type="checkbox" checked={enabled} onChange={(event) => setRuleEnabled(rule.id, event.target.checked)} aria-label={t('enable', { id: rule.id })} />
          <SeverityIcon severity={shown} />
          <span className="rule-title">{text.title}</span>
        </label>
        {enabled && findings > 0 && <span className="rule-count" title={t('findings', { count: findings })}>{findings}</span>}
        <select className="rule-severity" value={severity ?? 'default'} disabled={!enabled} aria-label={t('severityOf', { id: rule.id })}
          onChange={(event) => setRuleSeverity(rule.id, event.target.value === 'default' ? null : (event.target.value as Severity))}>
          <option value="default">{t('severity.default', { severity: t(`severity.${rule.severity}`) })}</option>
          {SEVERITIES.map((value) => <option key={value} value={value}>{t(`severity.${value}`)}</option>)}
        </select>
      </div>
      <p className="rule-rationale">{text.rationale}</p>
      <p className="rule-meta">
        <code>{rule.id}</code>
        {text.fix && <span className="rule-fix">{t('quickFix', { fix: text.fix })}</span>}
      </p>
    </li>
  )
}

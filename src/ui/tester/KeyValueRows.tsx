/** Editable name/value rows (request headers or cookies) with add and remove. */
import { useTranslation } from 'react-i18next'
import type { KeyValueRow } from '../../state/slices/tester-slice'

interface Props {
  readonly kind: 'header' | 'cookie'
  readonly rows: readonly KeyValueRow[]
  readonly onChange: (rows: KeyValueRow[]) => void
}

export function KeyValueRows({ kind, rows, onChange }: Props) {
  const { t } = useTranslation('tester')
  const update = (index: number, change: Partial<KeyValueRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)))
  return (
    <fieldset className="kv-rows">
      <legend>{t(`${kind}s`)}</legend>
      {rows.map((row, index) => (
        <div className="kv-row" key={index}>
          <input
            className="kv-name"
            value={row.name}
            placeholder={t(`${kind}NamePlaceholder`)}
            aria-label={t(`${kind}Name`, { n: index + 1 })}
            spellCheck={false}
            onChange={(event) => update(index, { name: event.target.value })}
          />
          <input
            className="kv-value"
            value={row.value}
            placeholder={t('valuePlaceholder')}
            aria-label={t(`${kind}Value`, { n: index + 1 })}
            spellCheck={false}
            onChange={(event) => update(index, { value: event.target.value })}
          />
          <button type="button" className="icon-button" aria-label={t(`remove${kind === 'header' ? 'Header' : 'Cookie'}`, { n: index + 1 })} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="link-button add-row" onClick={() => onChange([...rows, { name: '', value: '' }])}>
        + {t(`add${kind === 'header' ? 'Header' : 'Cookie'}`)}
      </button>
    </fieldset>
  )
}

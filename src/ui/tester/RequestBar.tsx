/**
 * The URL tester's request line above the views: method, URL, headers and cookies, one-click examples for the
 * current manifests and the recent requests. Enter or "Test" routes the request through the engine. The URL box's
 * placeholder reads as an example ("e.g. …", muted), and while Test cannot run a hint beside it says why.
 */
import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExampleRequest } from '../../engine'
import { sendTest } from '../../state/route-sync'
import { sendState } from './send-state'
import { selectTestExamples, selectTestRouter, type TestDraft } from '../../state/slices/tester-slice'
import { useStudioStore } from '../../state/store'
import { replaceTestDraft, updateTestDraft } from '../../state/tester-actions'
import { TID } from '../test-ids'
import { KeyValueRows } from './KeyValueRows'
import { ThroughChooser } from './ThroughChooser'
import './tester.css'

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

/** A tester form for an example request: its own method when it names one (a Gateway rule's match), else `method`. */
export function draftOf(example: ExampleRequest, method = 'GET'): TestDraft {
  const rows = (record: Readonly<Record<string, string>> | undefined) => Object.entries(record ?? {}).map(([name, value]) => ({ name, value }))
  return { method: example.request.method ?? method, url: example.request.url, headers: rows(example.request.headers), cookies: rows(example.request.cookies) }
}

/** `GET http://foo/bar · x-canary: always` (`· Gateway infra/gw` when a Gateway was chosen). */
export function describeDraft(draft: TestDraft): string {
  const extras = [...draft.headers.map((h) => `${h.name}: ${h.value}`), ...draft.cookies.map((c) => `cookie ${c.name}=${c.value}`)]
  const through = draft.router?.router === 'gateway' ? [`Gateway ${draft.router.gateway}`] : []
  return [`${draft.method} ${draft.url}`, ...extras, ...through].join(' · ')
}

function Menu({ label, testId, items }: { readonly label: string; readonly testId: string; readonly items: readonly { key: string; text: string; hint?: string; onPick: () => void }[] }) {
  const ref = useRef<HTMLDetailsElement>(null)
  return (
    <details className="menu" ref={ref} data-testid={testId}>
      <summary className="tool-button" aria-label={label}>{label} <span aria-hidden="true">▾</span></summary>
      <ul className="menu-list" role="list">
        {items.map((item) => (
          <li key={item.key}>
            <button
              type="button"
              className="menu-item"
              onClick={() => {
                if (ref.current) ref.current.open = false
                item.onPick()
              }}
            >
              <span className="menu-item-text">{item.text}</span>
              {item.hint && <span className="menu-item-hint">{item.hint}</span>}
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}

export function RequestBar() {
  const { t } = useTranslation('tester')
  const draft = useStudioStore((state) => state.testDraft)
  const examples = useStudioStore(selectTestExamples)
  const history = useStudioStore((state) => state.testHistory)
  const pending = useStudioStore((state) => state.testStatus === 'pending')
  const router = useStudioStore(selectTestRouter)
  const [extrasOpen, setExtrasOpen] = useState(false)
  const hintId = useId()
  const extras = draft.headers.length + draft.cookies.length
  // Why Test cannot run now, or that a test is on its way, said beside it (and read with it).
  const { disabled, hint } = sendState(draft.url, pending)
  const example = examples[0]?.request.url ?? 'http://example.com/'

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void sendTest()
  }
  // An example keeps the router chosen; a history entry comes back whole, with the router it went through.
  const run = (next: TestDraft) => {
    updateTestDraft(next)
    void sendTest()
  }
  const rerun = (entry: TestDraft) => {
    replaceTestDraft(entry)
    void sendTest(entry)
  }

  return (
    <form className="request-bar" onSubmit={submit} data-testid={TID.requestBar} aria-label={t('title')}>
      <div className="request-line">
        <select className="method-select" value={draft.method} aria-label={t('method')} onChange={(event) => updateTestDraft({ method: event.target.value })}>
          {METHODS.map((method) => <option key={method}>{method}</option>)}
        </select>
        <input
          className="url-input"
          type="text"
          inputMode="url"
          value={draft.url}
          placeholder={t('urlPlaceholder', { url: example })}
          aria-label={t('url')}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => updateTestDraft({ url: event.target.value })}
        />
        <button type="button" className={`tool-button${extrasOpen ? ' is-on' : ''}`} aria-expanded={extrasOpen} onClick={() => setExtrasOpen(!extrasOpen)}>
          {t('headersAndCookies')}
          {extras > 0 && <span className="tab-count">{extras}</span>}
        </button>
        <button
          type="submit"
          className="button-primary test-button"
          disabled={disabled}
          aria-describedby={hint ? hintId : undefined}
          title={hint ? t(hint) : undefined}
        >
          {t('send')}
        </button>
      </div>
      <div className="request-tools">
        <ThroughChooser />
        <Menu
          label={t('examples')}
          testId={TID.testerExamples}
          items={examples.map((example, index) => ({
            key: `${index}`,
            text: describeDraft(draftOf(example)),
            hint: t(`exampleKind.${example.kind}`),
            onPick: () => run(draftOf(example, draft.method)),
          }))}
        />
        {history.length > 0 && (
          <Menu
            label={t('history')}
            testId={TID.testerHistory}
            items={history.map((entry, index) => ({ key: `${index}`, text: describeDraft(entry), onPick: () => rerun(entry) }))}
          />
        )}
        {/* The examples of the router tested through: ingress-nginx's, or the chosen Gateway's. */}
        <span className="request-chips" aria-label={t('quickExamples')} data-testid={TID.testerChips}>
          {examples.slice(0, 4).map((example, index) => {
            const { method, url, headers, cookies } = example.request
            const text = `${method && method !== 'GET' ? `${method} ` : ''}${url.replace(/^http:\/\//, '')}${headers || cookies ? ' +' : ''}`
            return (
              <button key={index} type="button" className="chip-button" onClick={() => run(draftOf(example, draft.method))} title={`${text} · ${t(`exampleKind.${example.kind}`)}`}>
                {text}
              </button>
            )
          })}
        </span>
        {hint && <span id={hintId} className="request-hint" data-testid={TID.testerSendHint}>{t(hint)}</span>}
      </div>
      {extrasOpen && (
        <div className="request-extras">
          <KeyValueRows kind="header" rows={draft.headers} onChange={(headers) => updateTestDraft({ headers })} />
          <KeyValueRows kind="cookie" rows={draft.cookies} onChange={(cookies) => updateTestDraft({ cookies })} />
          <p className="request-note">{t(router.router === 'gateway' ? 'methodNoteGateway' : 'methodNote')}</p>
        </div>
      )}
    </form>
  )
}

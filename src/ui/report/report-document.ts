/**
 * The report as one self-contained HTML document: inline CSS, the timeline as a `data:` image, no script and no
 * request (a CSP meta forbids everything else, so even a browser that opens it from a mail attachment fetches
 * nothing). The page is first a small tree of elements (`reportTree`, pure and tested in Node), then built with
 * DOM calls (`createElement`, `setAttribute`, text nodes): names from the manifest only ever become text, never
 * markup. Tags and attributes come from closed lists.
 */
import type { ReportEventRow, ReportLintGroup, ReportModel, ReportRollout } from './report-model'
import REPORT_CSS from './report.css?raw'

export type ReportTag =
  | 'main' | 'header' | 'section' | 'h1' | 'h2' | 'h3' | 'p' | 'pre' | 'figure' | 'img' | 'dl' | 'dt' | 'dd'
  | 'table' | 'thead' | 'tbody' | 'tr' | 'th' | 'td' | 'code' | 'span' | 'time' | 'ul' | 'li'
export type ReportAttribute = 'class' | 'lang' | 'src' | 'alt' | 'scope' | 'datetime'

export interface ReportElement {
  readonly tag: ReportTag
  readonly attributes: Readonly<Partial<Record<ReportAttribute, string>>>
  readonly children: readonly ReportChild[]
}
export type ReportChild = ReportElement | string

/** The policy of the exported file: nothing but its own inline styles and `data:` images. */
export const REPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

/** Only a PNG data URL may be an image source: the file must never reach the network. */
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/=]+$/

function h(tag: ReportTag, attributes: ReportElement['attributes'] = {}, ...children: (ReportChild | null | false)[]): ReportElement {
  return { tag, attributes, children: children.filter((child): child is ReportChild => child !== null && child !== false) }
}

/**
 * An event's message: Kubernetes' words as `kubectl` prints them (English), under their explanation in the
 * report's language when that is not English, as the timeline shows them.
 */
function eventMessage(e: ReportEventRow): ReportElement {
  const verbatim = e.count > 1 ? `${e.message} (×${e.count})` : e.message
  if (e.explained === null) return h('td', { lang: 'en' }, verbatim)
  return h('td', {}, h('span', { class: 'explained' }, e.explained), h('span', { class: 'verbatim', lang: 'en' }, verbatim))
}

function table(className: string, columns: readonly string[], rows: readonly ReportElement[]): ReportElement {
  return h('table', { class: className }, h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))), h('tbody', {}, ...rows))
}

function rolloutSection(rollout: ReportRollout): ReportElement {
  const { image } = rollout
  return h(
    'section',
    { class: 'rollout' },
    h('h2', {}, rollout.heading),
    h('dl', { class: 'facts' }, ...rollout.facts.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
    rollout.staleNote !== null && h('p', { class: 'note' }, rollout.staleNote),
    h('h3', {}, rollout.timelineHeading),
    'src' in image && PNG_DATA_URL.test(image.src)
      ? h('figure', { class: 'timeline' }, h('img', { src: image.src, alt: image.alt }))
      : h('p', { class: 'note' }, 'note' in image ? image.note : ''),
    h('h3', {}, rollout.vegetaHeading),
    h('p', {}, rollout.vegetaSummary),
    h('pre', { lang: 'en', class: 'vegeta' }, rollout.vegetaText),
    h('h3', {}, rollout.histogramHeading),
    h('pre', { lang: 'en', class: 'vegeta' }, rollout.histogramText),
    h('h3', {}, rollout.failuresHeading),
    rollout.failures.length > 0 &&
      table(
        'failures',
        rollout.failureColumns,
        rollout.failures.map((f) =>
          h('tr', {}, h('td', { class: 'num' }, String(f.count)), h('td', {}, f.label), h('td', {}, f.why ?? ''), h('td', {}, f.fix ?? '')),
        ),
      ),
    rollout.failuresNote !== null && h('p', { class: 'note' }, rollout.failuresNote),
    h('h3', {}, rollout.eventsHeading),
    rollout.events.length > 0 &&
      table(
        'events',
        rollout.eventColumns,
        rollout.events.map((e) =>
          h(
            'tr',
            { class: e.type === 'Warning' ? 'warning' : '' },
            h('td', { class: 'num' }, e.time),
            h('td', { lang: 'en' }, e.type),
            h('td', { lang: 'en' }, e.reason),
            h('td', { class: 'mono' }, e.object),
            eventMessage(e),
          ),
        ),
      ),
    rollout.eventsNote !== null && h('p', { class: 'note' }, rollout.eventsNote),
  )
}

function lintGroup(group: ReportLintGroup, columns: ReportModel['lint']['columns']): ReportElement {
  return h(
    'section',
    { class: `lint-group severity-${group.severity}` },
    h('h3', {}, `${group.heading} (${group.items.length})`),
    table(
      'lint',
      columns,
      group.items.map((item) => h('tr', {}, h('td', { class: 'num' }, item.position), h('td', {}, h('code', {}, item.code)), h('td', {}, item.text))),
    ),
  )
}

/** The body of the report (everything inside `<body>`), as a tree of allowed elements. */
export function reportTree(model: ReportModel): ReportElement {
  const { manifest, rollout, lint } = model
  return h(
    'main',
    {},
    h('header', {}, h('h1', {}, model.title), h('p', { class: 'date' }, h('time', { datetime: model.dateIso }, model.dateText))),
    h(
      'section',
      { class: 'manifest' },
      h('h2', {}, manifest.heading),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, manifest.nameLabel),
        h('dd', {}, manifest.name),
        h('dt', {}, manifest.objectsLabel),
        h('dd', {}, manifest.noObjects ?? manifest.kinds.map(([kind, count]) => `${kind} ${count}`).join(' · ')),
      ),
    ),
    'none' in rollout ? h('section', { class: 'rollout' }, h('h2', {}, rollout.heading), h('p', { class: 'note' }, rollout.none)) : rolloutSection(rollout),
    h(
      'section',
      { class: 'lint-report' },
      h('h2', {}, lint.heading),
      h('p', {}, lint.summary),
      lint.note !== null && h('p', { class: 'note' }, lint.note),
      ...lint.groups.map((group) => lintGroup(group, lint.columns)),
    ),
  )
}

function build(doc: Document, node: ReportChild): Node {
  if (typeof node === 'string') return doc.createTextNode(node)
  const element = doc.createElement(node.tag)
  for (const [name, value] of Object.entries(node.attributes)) if (value) element.setAttribute(name, value)
  for (const child of node.children) element.append(build(doc, child))
  return element
}

/** The whole file: `<!DOCTYPE html>` and the document built in a fresh, inert HTML document of `implementation`. */
export function renderReportHtml(model: ReportModel, implementation: DOMImplementation = document.implementation): string {
  const doc = implementation.createHTMLDocument(`${model.title} — ${model.manifest.name}`)
  doc.documentElement.setAttribute('lang', model.lang)
  const charset = doc.createElement('meta')
  charset.setAttribute('charset', 'utf-8')
  const csp = doc.createElement('meta')
  csp.setAttribute('http-equiv', 'Content-Security-Policy')
  csp.setAttribute('content', REPORT_CSP)
  const viewport = doc.createElement('meta')
  viewport.setAttribute('name', 'viewport')
  viewport.setAttribute('content', 'width=device-width, initial-scale=1')
  const style = doc.createElement('style')
  style.textContent = REPORT_CSS
  // The policy comes first, before anything it governs.
  doc.head.prepend(charset, csp, viewport)
  doc.head.append(style)
  doc.body.append(build(doc, reportTree(model)))
  return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}\n`
}

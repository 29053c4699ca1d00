/**
 * What the exported report says, as plain data in the reader's language: the manifest's name and objects, the
 * rollout report (the timeline picture, vegeta's report, failures by cause with their advice, the events) and
 * the lint report grouped by severity. Every sentence comes from the `report` namespace or the engine's own
 * data (its messages through `engineText`, vegeta's text as the worker computed it); nothing is computed again
 * here. Pure, so the tests check it without a DOM; `report-document.ts` turns it into HTML.
 */
import type { TFunction } from 'i18next'
import type { Diagnostic, Severity } from '../../engine/diagnostics'
import type { Message } from '../../engine/messages/message'
import type { FailureDetail } from '../../engine/simulate/request-outcome'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { engineText } from '../i18n/engine-text'
import { formatSeconds } from '../timeline/time-format'

/** What the report is made from: the store's data, the language, the date and the timeline's picture. */
export interface ReportInput {
  readonly language: 'en' | 'ko'
  /** When the report is made (passed in, so the same input gives the same report). */
  readonly date: Date
  /** The saved scenario's name, or the editor's file name when none is open. */
  readonly manifestName: string
  /** Objects per kind, in the order kinds first appear (`countKinds`). */
  readonly kinds: readonly (readonly [kind: string, count: number])[]
  /** The analysis' diagnostics in source order; `null` when there is no analysis of the text (failed, not yet). */
  readonly diagnostics: readonly Diagnostic[] | null
  readonly run: SimulationRun | null
  /** The run was simulated from an older text than the one the diagnostics are about. */
  readonly runIsStale: boolean
  /** The timeline as a PNG data URL, or why there is none. */
  readonly timelineImage: { readonly kind: 'png'; readonly dataUrl: string } | { readonly kind: 'not-shown' } | { readonly kind: 'failed'; readonly message: string }
}

export interface ReportFailureCause {
  readonly detail: FailureDetail
  readonly label: string
  readonly count: number
  readonly why: string | null
  readonly fix: string | null
}

export interface ReportEventRow {
  readonly time: string
  readonly type: string
  readonly reason: string
  readonly object: string
  /** Word for word as Kubernetes records it (English). */
  readonly message: string
  /** The message in the report's language when that is not English (as the timeline's events show it). */
  readonly explained: string | null
  readonly count: number
}

export interface ReportLintGroup {
  readonly severity: Severity
  readonly heading: string
  readonly items: readonly { readonly position: string; readonly code: string; readonly text: string }[]
}

export interface ReportRollout {
  readonly heading: string
  readonly facts: readonly (readonly [label: string, value: string])[]
  readonly staleNote: string | null
  readonly timelineHeading: string
  /** The picture (a `data:image/png` URL and its description) or a sentence saying why there is none. */
  readonly image: { readonly src: string; readonly alt: string } | { readonly note: string }
  readonly vegetaHeading: string
  readonly vegetaSummary: string
  readonly vegetaText: string
  readonly histogramHeading: string
  readonly histogramText: string
  readonly failuresHeading: string
  readonly failureColumns: readonly [count: string, cause: string, why: string, fix: string]
  readonly failures: readonly ReportFailureCause[]
  /** "No request failed", or how many were counted but not listed; `null` when neither applies. */
  readonly failuresNote: string | null
  readonly eventsHeading: string
  readonly eventColumns: readonly [time: string, type: string, reason: string, object: string, message: string]
  readonly events: readonly ReportEventRow[]
  readonly eventsNote: string | null
}

export interface ReportModel {
  readonly lang: 'en' | 'ko'
  readonly title: string
  readonly dateIso: string
  readonly dateText: string
  readonly manifest: {
    readonly heading: string
    readonly nameLabel: string
    readonly name: string
    readonly objectsLabel: string
    readonly kinds: readonly (readonly [kind: string, count: number])[]
    readonly noObjects: string | null
  }
  /** The rollout report, or a note saying that no rollout was simulated. */
  readonly rollout: ReportRollout | { readonly heading: string; readonly none: string }
  readonly lint: {
    readonly heading: string
    readonly summary: string
    readonly columns: readonly [position: string, code: string, message: string]
    readonly groups: readonly ReportLintGroup[]
    /** "No problems found" or "the analysis is unavailable"; `null` when there are findings. */
    readonly note: string | null
  }
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info']

function rolloutModel(t: TFunction, run: SimulationRun, input: ReportInput): ReportRollout {
  const { result, view } = run
  const deployment = `${result.deployment.namespace}/${result.deployment.name}`
  const strategy =
    result.deployment.strategy === 'RollingUpdate'
      ? `RollingUpdate (maxSurge ${String(result.deployment.maxSurge)}, maxUnavailable ${String(result.deployment.maxUnavailable)})`
      : 'Recreate'
  const image = input.timelineImage
  const { kept, total, dropped, byDetail } = result.failures
  const report = view.report
  const advice = (message: Message | undefined) => (message ? engineText(t, message) : null)
  return {
    heading: t('report:rollout.heading'),
    facts: [
      [t('report:rollout.deploymentLabel'), deployment],
      [t('report:rollout.strategy'), strategy],
      [t('report:rollout.replicas'), String(result.deployment.replicas)],
      [t('report:rollout.rate'), t('report:rollout.rateValue', { rate: result.attack.rate, seconds: formatSeconds(result.attack.durationMs) })],
    ],
    staleNote: input.runIsStale ? t('report:rollout.stale') : null,
    timelineHeading: t('report:rollout.timeline'),
    image:
      image.kind === 'png'
        ? { src: image.dataUrl, alt: t('report:rollout.imageAlt', { deployment }) }
        : { note: image.kind === 'failed' ? t('report:rollout.imageFailed', { message: image.message }) : t('report:rollout.noImage') },
    vegetaHeading: t('report:rollout.vegeta'),
    vegetaSummary: t('timeline:report.summary', { requests: report.requests, failed: report.requests - report.success }),
    vegetaText: report.text,
    histogramHeading: t('report:rollout.histogram'),
    histogramText: report.histogramText,
    failuresHeading: t('report:rollout.failures'),
    failureColumns: [t('report:rollout.count'), t('report:rollout.cause'), t('report:rollout.why'), t('report:rollout.fix')],
    failures: (Object.entries(byDetail) as [FailureDetail, number][]).map(([detail, count]) => ({
      detail,
      label: t(`timeline:detail.${detail}`),
      count,
      why: advice(view.advice[detail]?.why),
      fix: advice(view.advice[detail]?.fix),
    })),
    failuresNote: total === 0 ? t('report:rollout.noFailures') : dropped > 0 ? t('report:rollout.dropped', { count: total - kept.length }) : null,
    eventsHeading: t('report:rollout.events'),
    eventColumns: [t('report:rollout.eventTime'), t('report:rollout.eventType'), t('report:rollout.eventReason'), t('report:rollout.eventObject'), t('report:rollout.eventMessage')],
    events: result.events.map((e) => ({
      time: `${formatSeconds(e.timeMs)} s`,
      type: e.type,
      reason: e.reason,
      object: e.object,
      message: e.message,
      explained: input.language === 'en' ? null : engineText(t, e.text),
      count: e.count,
    })),
    eventsNote: result.events.length === 0 ? t('report:rollout.noEvents') : null,
  }
}

function lintModel(t: TFunction, diagnostics: readonly Diagnostic[] | null): ReportModel['lint'] {
  const all = diagnostics ?? []
  const groups = SEVERITIES.map((severity) => ({
    severity,
    heading: t(`report:lint.severity.${severity}`),
    items: all
      .filter((d) => d.severity === severity)
      .map((d) => ({ position: `${d.start.line}:${d.start.column}`, code: d.code, text: engineText(t, d.text) })),
  })).filter((group) => group.items.length > 0)
  const count = (severity: Severity) => all.filter((d) => d.severity === severity).length
  return {
    heading: t('report:lint.heading'),
    summary: [
      t('report:lint.errors', { count: count('error') }),
      t('report:lint.warnings', { count: count('warning') }),
      t('report:lint.info', { count: count('info') }),
    ].join(', '),
    columns: [t('report:lint.position'), t('report:lint.code'), t('report:lint.message')],
    groups,
    note: diagnostics === null ? t('report:lint.unavailable') : all.length === 0 ? t('report:lint.none') : null,
  }
}

/** The report's content in `input.language` (`t` must speak it: `i18n.getFixedT(language)`). */
export function buildReportModel(t: TFunction, input: ReportInput): ReportModel {
  const dateText = new Intl.DateTimeFormat(input.language, { dateStyle: 'long', timeStyle: 'short' }).format(input.date)
  return {
    lang: input.language,
    title: t('report:title'),
    dateIso: input.date.toISOString(),
    dateText: t('report:generated', { date: dateText }),
    manifest: {
      heading: t('report:manifest.heading'),
      nameLabel: t('report:manifest.name'),
      name: input.manifestName,
      objectsLabel: t('report:manifest.objects'),
      kinds: input.kinds,
      noObjects: input.kinds.length === 0 ? t('report:manifest.noObjects') : null,
    },
    rollout: input.run ? rolloutModel(t, input.run, input) : { heading: t('report:rollout.heading'), none: t('report:rollout.none') },
    lint: lintModel(t, input.diagnostics),
  }
}

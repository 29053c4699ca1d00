import { createInstance, type TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { analyze, simulateScenario } from '../../engine'
import { SEED_FILE_NAME, SEED_MANIFEST } from '../../presets/seed'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { collectResources } from '../i18n/collect-resources'
import { ALL_ENGINE_TEMPLATES } from '../testing/engine-templates'
import { engineText } from '../i18n/engine-text'
import enReport from '../i18n/locales/en/report.json'
import enTimeline from '../i18n/locales/en/timeline.json'
import koReport from '../i18n/locales/ko/report.json'
import koTimeline from '../i18n/locales/ko/timeline.json'
import { buildReportModel, type ReportInput, type ReportRollout } from './report-model'

async function translator(language: 'en' | 'ko'): Promise<TFunction> {
  const i18n = createInstance()
  await i18n.init({
    resources: collectResources({
      './locales/en/report.json': enReport,
      './locales/en/timeline.json': enTimeline,
      './locales/ko/report.json': koReport,
      './locales/ko/timeline.json': koTimeline,
    }, ALL_ENGINE_TEMPLATES),
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'report',
    interpolation: { escapeValue: false },
  })
  return i18n.t
}

const analysis = analyze([{ name: SEED_FILE_NAME, text: SEED_MANIFEST }])

function seedRun(): SimulationRun {
  const outcome = simulateScenario({ model: analysis.model, deployment: null, parameters: {} })
  if (outcome.kind !== 'ok') throw new Error('expected a run')
  return { id: 1, deployment: outcome.deployment, parameters: {}, revision: 1, result: outcome.result, view: outcome.view, millis: 1 }
}

const run = seedRun()
const DATE = new Date(Date.UTC(2026, 11, 3, 15, 30))
const PNG = 'data:image/png;base64,iVBORw0KGgo='

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    language: 'en',
    date: DATE,
    manifestName: 'Ingress basics',
    kinds: [['Ingress', 3], ['Service', 4]],
    diagnostics: analysis.diagnostics,
    run,
    runIsStale: false,
    timelineImage: { kind: 'png', dataUrl: PNG },
    ...overrides,
  }
}

function rolloutOf(model: ReturnType<typeof buildReportModel>): ReportRollout {
  if ('none' in model.rollout) throw new Error('expected a rollout')
  return model.rollout
}

describe('the report model', () => {
  it('carries the date passed in and the manifest name as given', async () => {
    const model = buildReportModel(await translator('en'), input({ manifestName: '<img src=x onerror=alert(1)>' }))
    expect(model.lang).toBe('en')
    expect(model.title).toBe('Ingress Studio report')
    expect(model.dateIso).toBe('2026-12-03T15:30:00.000Z')
    expect(model.dateText).toMatch(/^Made on December [34], 2026/)
    expect(model.manifest.name).toBe('<img src=x onerror=alert(1)>')
    expect(model.manifest.kinds).toEqual([['Ingress', 3], ['Service', 4]])
    expect(model.manifest.noObjects).toBeNull()
  })

  it("takes vegeta's report, the failures and the events from the run as the engine made them", async () => {
    const t = await translator('en')
    const rollout = rolloutOf(buildReportModel(t, input()))
    expect(rollout.vegetaText).toBe(run.view.report.text)
    expect(rollout.vegetaText).toContain('Requests      [total, rate, throughput]')
    expect(rollout.histogramText).toBe(run.view.report.histogramText)
    const failed = run.view.report.requests - run.view.report.success
    expect(rollout.vegetaSummary).toBe(`${run.view.report.requests} requests, ${failed} failed`)

    const byDetail = Object.entries(run.result.failures.byDetail)
    expect(byDetail.length).toBeGreaterThan(0) // the seed's rollout drops requests: the report must explain them
    expect(rollout.failures.map((f) => [f.detail, f.count])).toEqual(byDetail)
    for (const f of rollout.failures) {
      expect(f.label).toBe(enTimeline.detail[f.detail])
      const advice = run.view.advice[f.detail]!
      expect(f.why).toBe(engineText(t, advice.why))
      expect(f.fix).toBe(engineText(t, advice.fix))
    }
    expect(rollout.failuresNote).toBeNull()

    expect(rollout.events).toHaveLength(run.result.events.length)
    const first = run.result.events[0]!
    expect(rollout.events[0]).toEqual({ time: `${(first.timeMs / 1000).toFixed(2)} s`, type: first.type, reason: first.reason, object: first.object, message: first.message, explained: null, count: first.count })
    expect(rollout.facts[0]).toEqual(['Deployment', run.deployment])
    expect(rollout.image).toEqual({ src: PNG, alt: `The rollout of ${run.deployment} over time: pods by phase, traffic, outcomes and latency` })
  })

  it('groups the lint findings by severity, errors first, each in source order with its position and code', async () => {
    const t = await translator('en')
    const lint = buildReportModel(t, input()).lint
    const diagnostics = analysis.diagnostics
    expect(diagnostics.length).toBeGreaterThan(0)
    expect(lint.groups.map((g) => g.severity)).toEqual(['error', 'warning', 'info'].filter((s) => diagnostics.some((d) => d.severity === s)))
    for (const group of lint.groups) {
      const expected = diagnostics.filter((d) => d.severity === group.severity)
      expect(group.items).toEqual(expected.map((d) => ({ position: `${d.start.line}:${d.start.column}`, code: d.code, text: engineText(t, d.text) })))
    }
    expect(lint.note).toBeNull()
    const count = (s: string) => diagnostics.filter((d) => d.severity === s).length
    expect(lint.summary).toContain(`${count('warning')} warning`)
  })

  it('speaks Korean: headings from the report namespace, findings from the engine catalog, vegeta verbatim', async () => {
    const t = await translator('ko')
    const model = buildReportModel(t, input({ language: 'ko' }))
    expect(model.lang).toBe('ko')
    expect(model.title).toBe('Ingress Studio 리포트')
    expect(model.manifest.heading).toBe('매니페스트')
    const rollout = rolloutOf(model)
    expect(rollout.heading).toBe('롤아웃 리포트')
    expect(rollout.failuresHeading).toBe('원인별 실패')
    expect(rollout.eventColumns).toEqual(['시각', '유형', '사유', '오브젝트', '메시지'])
    for (const f of rollout.failures) {
      expect(f.label).toBe(koTimeline.detail[f.detail])
      expect(f.why).toBe(engineText(t, run.view.advice[f.detail]!.why))
      expect(f.why).toMatch(/[가-힣]/)
    }
    // Events: Kubernetes' words verbatim, explained in Korean beside them.
    expect(rollout.events.map((e) => [e.message, e.explained])).toEqual(run.result.events.map((e) => [e.message, engineText(t, e.text)]))
    expect(rollout.events[0]!.explained).toMatch(/[가-힣]/)
    expect(rollout.vegetaText).toBe(run.view.report.text)
    expect(model.lint.heading).toBe('린트 리포트')
    for (const group of model.lint.groups) {
      expect(group.heading).toBe(koReport.lint.severity[group.severity])
      const expected = analysis.diagnostics.filter((d) => d.severity === group.severity)
      expect(group.items.map((i) => i.text)).toEqual(expected.map((d) => engineText(t, d.text)))
    }
  })

  it('says why the timeline picture is missing instead of leaving a hole', async () => {
    const t = await translator('en')
    expect(rolloutOf(buildReportModel(t, input({ timelineImage: { kind: 'not-shown' } }))).image).toEqual({
      note: 'The timeline image is included only when the report is exported while the Rollout view is open.',
    })
    expect(rolloutOf(buildReportModel(t, input({ timelineImage: { kind: 'failed', message: 'canvas too large' } }))).image).toEqual({
      note: 'The timeline image could not be drawn: canvas too large',
    })
  })

  it('marks a rollout simulated from an older text, and says when there is no rollout', async () => {
    const t = await translator('en')
    expect(rolloutOf(buildReportModel(t, input({ runIsStale: true }))).staleNote).toMatch(/earlier version of the manifest/)
    expect(rolloutOf(buildReportModel(t, input())).staleNote).toBeNull()
    expect(buildReportModel(t, input({ run: null })).rollout).toEqual({
      heading: 'Rollout report',
      none: 'No rollout was simulated. Open the Rollout view to include one.',
    })
  })

  it('never calls a missing analysis "no problems": it says the analysis is unavailable', async () => {
    const t = await translator('en')
    const unavailable = buildReportModel(t, input({ diagnostics: null })).lint
    expect(unavailable.note).toBe('The analysis is unavailable, so this report has no lint findings.')
    expect(unavailable.groups).toEqual([])
    const clean = buildReportModel(t, input({ diagnostics: [] })).lint
    expect(clean.note).toBe('No problems found.')
    expect(clean.summary).toBe('0 errors, 0 warnings, 0 info')
  })
})

/**
 * The diagnostics list and the header's status as rendered in each analysis phase: "No problems" only for an
 * analysis of the text on screen, "Analyzing…" while the engine works on it, "unavailable" with Retry when it
 * gave no answer — in English and Korean.
 */
import type { FunctionComponent } from 'react'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Analysis } from '../../engine'
import { applyAnalysis, markAnalysisFailed, markAnalysisPending, setSource } from '../../state/actions'
import { useStudioStore } from '../../state/store'
import { AnalysisStatus } from '../app/AnalysisStatus'
import { StatusBar } from '../app/StatusBar'
import { renderInLanguage } from '../testing/render-in-language'
import { DiagnosticsPanel } from './DiagnosticsPanel'

const initial = { ...useStudioStore.getState() }
const clean = { model: {}, diagnostics: [], documents: [] } as unknown as Analysis
const timeout = { code: 'timeout', message: 'The engine took longer than 15000 ms.' } as const

async function render(component: FunctionComponent, language: 'en' | 'ko' = 'en'): Promise<string> {
  // Server rendering reads the store's initial state (useSyncExternalStore's server snapshot): make it the current one.
  Object.assign(useStudioStore.getInitialState(), useStudioStore.getState())
  return renderInLanguage(component, {}, language)
}

beforeEach(() => {
  useStudioStore.setState(initial, true)
  setSource('kind: Service\n')
})

describe('views of the analysis state', () => {
  it('done: no problems found, and the time the engine took', async () => {
    applyAnalysis(clean, 'kind: Service\n', 1, 12)
    expect(await render(DiagnosticsPanel)).toContain('No problems found.')
    expect(await render(AnalysisStatus)).toContain('No problems')
    expect(await render(StatusBar)).toContain('analyzed in 12 ms')
    expect(await render(DiagnosticsPanel, 'ko')).toContain('문제가 없습니다.')
  })

  it('running after an edit: analyzing, never the earlier text\'s "no problems"', async () => {
    applyAnalysis(clean, 'kind: Service\n', 1, 12)
    setSource('kind: Service\nmetadata: {}\n')
    markAnalysisPending()
    for (const html of [await render(DiagnosticsPanel), await render(AnalysisStatus), await render(StatusBar)]) {
      expect(html).not.toContain('No problems')
      expect(html).toMatch(/[Aa]nalyzing…/)
    }
    expect(await render(AnalysisStatus, 'ko')).toContain('분석 중…')
  })

  it('failed on a cold start: unavailable and why, with Retry, in every place; never "no problems"', async () => {
    markAnalysisPending()
    markAnalysisFailed(timeout)
    const panel = await render(DiagnosticsPanel)
    expect(panel).toContain('The analysis is unavailable: the engine did not answer in time.')
    expect(panel).toContain('>Retry</button>')
    const status = await render(AnalysisStatus)
    expect(status).toContain('Analysis unavailable: the engine did not answer in time')
    expect(status).toContain('data-phase="failed"')
    expect(status).toContain('>Retry</button>')
    expect(await render(StatusBar)).toContain('not analyzed')
    for (const html of [panel, status]) expect(html).not.toMatch(/No problems|Analyzing/)
    const ko = await render(AnalysisStatus, 'ko')
    expect(ko).toContain('분석할 수 없음: 엔진이 제시간에 응답하지 않았습니다')
    expect(ko).toContain('>다시 시도</button>')
  })

  it('failed after an edit: the earlier problems stay, marked as out of date', async () => {
    const warned = { model: {}, documents: [], diagnostics: [{ severity: 'warning', code: 'prestop-missing', message: 'x', text: { id: 'legacy-text', params: { text: 'x' } }, span: { start: 0, end: 1 }, start: { line: 1, column: 1 } }] } as unknown as Analysis
    applyAnalysis(warned, 'kind: Service\n', 1, 12)
    setSource('kind: Service\n#\n')
    markAnalysisFailed(timeout)
    const panel = await render(DiagnosticsPanel)
    expect(panel).toContain('What is shown is from an earlier text')
    expect(panel).toContain('diagnostics-list is-behind')
    expect(await render(AnalysisStatus)).not.toContain('1 warning')
  })
})

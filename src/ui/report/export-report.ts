/**
 * "Export report": gathers what the studio shows (the store's analysis and latest run, the timeline on screen),
 * builds the report in the current language and downloads it as one HTML file. Loaded on the first click, so
 * html-to-image and the report's CSS stay out of the initial JavaScript.
 */
import { useStudioStore } from '../../state/store'
import { currentLanguage, i18n } from '../i18n'
import { countKinds, createLineIndex, summarizeObjects } from '../objects/summarize-objects'
import { downloadTextFile } from '../scenarios/download-file'
import { renderReportHtml } from './report-document'
import { buildReportModel, type ReportInput } from './report-model'
import { findTimeArea, renderTimelineImage } from './timeline-image'

/** `ingress-studio-report-2026-12-03.html` (the local date). */
export function reportFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `ingress-studio-report-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.html`
}

async function timelineImage(hasRun: boolean): Promise<ReportInput['timelineImage']> {
  const area = hasRun ? findTimeArea() : null
  if (!area) return { kind: 'not-shown' }
  try {
    return { kind: 'png', dataUrl: await renderTimelineImage(area) }
  } catch (error) {
    // The rest of the report is worth having without the picture; the report says why it is missing.
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) }
  }
}

/** Builds the report of what is on screen now and downloads it; resolves when the download has started. */
export async function exportReport(date: Date): Promise<void> {
  const state = useStudioStore.getState()
  const run = state.simulationRun
  const model = state.analysis?.model ?? null
  const language = currentLanguage()
  const input: ReportInput = {
    language,
    date,
    manifestName: state.scenarios.find((s) => s.id === state.currentScenarioId)?.name || 'manifest.yaml',
    kinds: model ? countKinds(summarizeObjects(model, [], createLineIndex(state.analyzedSource))) : [],
    diagnostics: state.analysis ? state.analysis.diagnostics : null,
    run,
    runIsStale: run !== null && state.analysis !== null && run.revision !== state.analyzedRevision,
    timelineImage: await timelineImage(run !== null),
  }
  const html = renderReportHtml(buildReportModel(i18n.getFixedT(language), input))
  downloadTextFile(reportFileName(date), html, 'text/html')
}
